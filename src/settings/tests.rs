use super::*;

use std::os::unix::fs::PermissionsExt;

/// A profile file in a temporary directory, and `SourceArgs` pointing at it.
struct Fixture {
    _directory: tempfile::TempDir,
    path: PathBuf,
}

impl Fixture {
    fn new(toml: &str) -> Fixture {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("config.toml");
        std::fs::write(&path, toml).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        Fixture {
            _directory: directory,
            path,
        }
    }

    fn args(&self) -> SourceArgs {
        SourceArgs {
            config: Some(self.path.clone()),
            ..SourceArgs::default()
        }
    }
}

const TWO_PROFILES: &str = r#"
default_profile = "prod"

[profiles.prod]
client_id = "prod-id"
client_secret = "prod-secret"
scope = ["printing", "user"]

[profiles.staging]
client_id = "staging-id"
client_secret_file = "staging.secret"
token_url = "http://127.0.0.1:8080/oauth/access_token/"
timeout = 5
"#;

fn resolve(args: &SourceArgs, env: &[(&str, &str)]) -> Result<Settings> {
    Settings::resolve(args, &Environment::from_pairs(env))
}

#[test]
fn defaults_without_file() {
    let fixture = Fixture::new("");
    let settings = resolve(&fixture.args(), &[]).unwrap();
    assert_eq!(settings.profile, None);
    assert_eq!(settings.client_id, None);
    assert!(settings.client_secret.is_none());
    assert_eq!(
        settings.scope,
        Setting::new("printing".to_owned(), Origin::Default)
    );
    assert_eq!(settings.token_url.value.url, DEFAULT_TOKEN_URL);
    assert_eq!(settings.token_url.value.host, "account.ezeep.com");
    assert_eq!(settings.timeout.value, Duration::from_secs(30));
    assert!(settings.warnings.is_empty());
}

#[test]
fn default_profile_is_used() {
    let fixture = Fixture::new(TWO_PROFILES);
    let settings = resolve(&fixture.args(), &[]).unwrap();
    let profile = settings.profile.unwrap();
    assert_eq!(profile.value, "prod");
    assert_eq!(profile.origin, Origin::DefaultProfile(fixture.path.clone()));
    let id = settings.client_id.unwrap();
    assert_eq!(id.value, "prod-id");
    assert_eq!(
        id.origin,
        Origin::Profile {
            name: "prod".into(),
            path: fixture.path.clone()
        }
    );
    assert_eq!(settings.scope.value, "printing user");
    assert!(settings.warnings.is_empty());
}

#[test]
fn flag_beats_env_beats_profile() {
    let fixture = Fixture::new(TWO_PROFILES);
    let mut args = fixture.args();
    let env = [("EZEEP_CLIENT_ID", "env-id"), ("EZEEP_SCOPE", "env-scope")];

    let settings = resolve(&args, &env).unwrap();
    assert_eq!(settings.client_id.as_ref().unwrap().value, "env-id");
    assert_eq!(
        settings.client_id.unwrap().origin,
        Origin::Env("EZEEP_CLIENT_ID")
    );
    assert_eq!(settings.scope.value, "env-scope");

    args.client_id = Some("flag-id".into());
    args.scope = vec!["a".into(), "b  c".into()];
    let settings = resolve(&args, &env).unwrap();
    assert_eq!(
        settings.client_id.unwrap().origin,
        Origin::Flag("--client-id")
    );
    assert_eq!(
        settings.scope,
        Setting::new("a b c".to_owned(), Origin::Flag("--scope"))
    );
}

#[test]
fn empty_env_counts_as_unset() {
    let fixture = Fixture::new(TWO_PROFILES);
    let settings = resolve(&fixture.args(), &[("EZEEP_CLIENT_ID", "")]).unwrap();
    assert_eq!(settings.client_id.unwrap().value, "prod-id");
}

#[test]
fn profile_flag_beats_env() {
    let fixture = Fixture::new(TWO_PROFILES);
    let mut args = fixture.args();
    args.profile = Some("staging".into());
    let settings = resolve(&args, &[("EZEEP_PROFILE", "prod")]).unwrap();
    assert_eq!(settings.profile.unwrap().value, "staging");
    assert_eq!(settings.timeout.value, Duration::from_secs(5));
    assert_eq!(settings.token_url.value.host, "127.0.0.1");
}

#[test]
fn unknown_profile_lists_known_ones() {
    let fixture = Fixture::new(TWO_PROFILES);
    let mut args = fixture.args();
    args.profile = Some("qa".into());
    let error = resolve(&args, &[]).unwrap_err();
    assert_eq!(error.category(), crate::error::Category::Config);
    assert_eq!(
        error.message(),
        format!(
            "profile qa (from flag --profile) not found in {}; profiles: prod, staging",
            fixture.path.display()
        )
    );
}

#[test]
fn missing_default_profile_is_error() {
    let fixture = Fixture::new("default_profile = \"gone\"\n[profiles.a]\n");
    let error = resolve(&fixture.args(), &[]).unwrap_err();
    assert!(
        error
            .message()
            .starts_with("profile gone (from default_profile in "),
        "{}",
        error.message()
    );
}

#[test]
fn profile_named_default_is_implicit() {
    let fixture = Fixture::new("[profiles.default]\nclient_id = \"d\"\n");
    let settings = resolve(&fixture.args(), &[]).unwrap();
    assert_eq!(settings.profile.unwrap().value, "default");
    assert_eq!(settings.client_id.unwrap().value, "d");
}

#[test]
fn explicit_config_must_exist() {
    let args = SourceArgs {
        config: Some("/nonexistent/ezeep/config.toml".into()),
        ..SourceArgs::default()
    };
    let error = resolve(&args, &[]).unwrap_err();
    assert!(
        error
            .message()
            .starts_with("cannot read profile file /nonexistent/ezeep/config.toml: "),
        "{}",
        error.message()
    );
}

#[test]
fn secret_file_is_relative_to_profile() {
    let fixture = Fixture::new(TWO_PROFILES);
    let mut args = fixture.args();
    args.profile = Some("staging".into());
    let settings = resolve(&args, &[]).unwrap();
    let expected = fixture.path.parent().unwrap().join("staging.secret");
    assert_eq!(
        settings.client_secret.unwrap().value,
        SecretSource::File(expected)
    );
}

#[test]
fn secret_env_both_set_is_error() {
    let fixture = Fixture::new("");
    let env = [
        ("EZEEP_CLIENT_SECRET", "x"),
        ("EZEEP_CLIENT_SECRET_FILE", "/x"),
    ];
    let error = resolve(&fixture.args(), &env).unwrap_err();
    assert_eq!(
        error.message(),
        "both EZEEP_CLIENT_SECRET and EZEEP_CLIENT_SECRET_FILE are set"
    );
}

#[test]
fn profile_with_both_secrets_is_error() {
    let fixture =
        Fixture::new("[profiles.default]\nclient_secret = \"a\"\nclient_secret_file = \"b\"\n");
    let error = resolve(&fixture.args(), &[]).unwrap_err();
    assert!(
        error
            .message()
            .ends_with("sets both client_secret and client_secret_file"),
        "{}",
        error.message()
    );
}

#[test]
fn empty_secret_file_path_rejected() {
    let fixture = Fixture::new("[profiles.default]\nclient_secret_file = \"\"\n");
    let error = resolve(&fixture.args(), &[]).unwrap_err();
    assert_eq!(
        error.message(),
        format!(
            "profile default in {} sets client_secret_file to an empty path",
            fixture.path.display()
        )
    );
}

#[test]
fn mixed_layers_warn() {
    let fixture = Fixture::new(TWO_PROFILES);
    let settings = resolve(&fixture.args(), &[("EZEEP_CLIENT_SECRET", "env-secret")]).unwrap();
    assert_eq!(settings.warnings.len(), 1);
    assert!(
        settings.warnings[0].starts_with("client id is from profile prod in "),
        "{}",
        settings.warnings[0]
    );
    assert!(
        settings.warnings[0]
            .ends_with("but client secret is from environment variable EZEEP_CLIENT_SECRET; mixed credentials are the usual cause of invalid_client"),
        "{}",
        settings.warnings[0]
    );
}

#[test]
fn secret_flag_warns() {
    let fixture = Fixture::new("");
    let mut args = fixture.args();
    args.client_id = Some("id".into());
    args.client_secret = Some("s3cr3t".into());
    let settings = resolve(&args, &[]).unwrap();
    assert_eq!(settings.warnings.len(), 1);
    assert!(settings.warnings[0].starts_with("--client-secret is visible to other local users"));
    assert!(!format!("{settings:?}").contains("s3cr3t"));
}

#[test]
fn credentials_missing_id_names_sources() {
    let fixture = Fixture::new("");
    let settings = resolve(&fixture.args(), &[("EZEEP_CLIENT_SECRET", "s")]).unwrap();
    let error = settings.credentials().unwrap_err();
    assert_eq!(error.message(), "missing client id");
    assert_eq!(
        error.hint(),
        Some("set --client-id, EZEEP_CLIENT_ID, or client_id in a profile")
    );
}

#[test]
fn empty_client_id_rejected() {
    let fixture = Fixture::new("");
    let mut args = fixture.args();
    args.client_id = Some(String::new());
    let error = resolve(&args, &[]).unwrap_err();
    assert_eq!(
        error.message(),
        "client id from flag --client-id: client id is empty"
    );
}

#[test]
fn long_client_id_rejected() {
    let fixture = Fixture::new("");
    let mut args = fixture.args();
    args.client_id = Some("a".repeat(4097));
    let error = resolve(&args, &[]).unwrap_err();
    assert_eq!(
        error.message(),
        "client id from flag --client-id: client id is longer than 4096 characters"
    );
    args.client_id = Some("a".repeat(4096));
    assert!(resolve(&args, &[]).is_ok());
}

#[test]
fn credentials_read_secret() {
    let fixture = Fixture::new("");
    let env = [("EZEEP_CLIENT_ID", "id"), ("EZEEP_CLIENT_SECRET", "s3cr3t")];
    let settings = resolve(&fixture.args(), &env).unwrap();
    let (id, secret) = settings.credentials().unwrap();
    assert_eq!(id, "id");
    assert_eq!(secret.expose(), "s3cr3t");
}

#[test]
fn control_character_in_id_rejected() {
    let fixture = Fixture::new("");
    let error = resolve(&fixture.args(), &[("EZEEP_CLIENT_ID", "ab\rc")]).unwrap_err();
    assert_eq!(
        error.message(),
        "client id from environment variable EZEEP_CLIENT_ID: client id contains a control character at position 3"
    );
}

#[test]
fn token_url_rules() {
    let accepted = [
        (
            "https://account.ezeep.com/oauth/access_token/",
            "account.ezeep.com",
        ),
        ("http://127.0.0.1:8080/t/", "127.0.0.1"),
        ("http://127.3.4.5/t/", "127.3.4.5"),
        ("http://localhost:1/t/", "localhost"),
        ("http://[::1]:9/t/", "::1"),
    ];
    for (url, host) in accepted {
        assert_eq!(parse_token_url(url).unwrap().host, host, "{url}");
    }
    let rejected = [
        (
            "http://account.ezeep.com/oauth/access_token/",
            "http is allowed only for loopback hosts",
        ),
        (
            "http://10.0.0.1/t/",
            "http is allowed only for loopback hosts",
        ),
        ("ftp://127.0.0.1/t/", "the scheme must be https"),
        (
            "https://user:pw@account.ezeep.com/",
            "credentials in the URL are not allowed",
        ),
        ("/oauth/access_token/", "missing scheme"),
        ("not a url", "not a valid URL"),
        (
            "http://127.0.0.1:99999/t/",
            "the port must be a number from 1 to 65535",
        ),
        (
            "http://127.0.0.1:0/t/",
            "the port must be a number from 1 to 65535",
        ),
        (
            "http://[::1]:65536/t/",
            "the port must be a number from 1 to 65535",
        ),
    ];
    for (url, reason) in rejected {
        let error = parse_token_url(url).unwrap_err();
        assert_eq!(
            error.message(),
            format!("invalid token URL {url:?}: {reason}")
        );
    }
}

#[test]
fn scope_rules() {
    assert_eq!(normalize_scope(&["printing".into()]).unwrap(), "printing");
    assert_eq!(
        normalize_scope(&[" a  b ".into(), "c".into()]).unwrap(),
        "a b c"
    );
    assert_eq!(
        normalize_scope(&["".into()]).unwrap_err().message(),
        "scope is empty"
    );
    assert!(normalize_scope(&["a\"b".into()]).is_err());
    assert!(normalize_scope(&["caf\u{e9}".into()]).is_err());
}

#[test]
fn timeout_rules() {
    let fixture = Fixture::new("");
    let mut args = fixture.args();
    args.timeout = Some("2.5".into());
    assert_eq!(
        resolve(&args, &[]).unwrap().timeout.value,
        Duration::from_millis(2500)
    );
    for bad in ["0", "-1", "abc", "inf", "100000"] {
        args.timeout = Some(bad.into());
        let error = resolve(&args, &[]).unwrap_err();
        assert!(
            error
                .message()
                .starts_with(&format!("invalid timeout {bad:?} from flag --timeout")),
            "{}",
            error.message()
        );
    }
}

#[test]
fn loose_file_with_secret_rejected() {
    let fixture = Fixture::new(TWO_PROFILES);
    std::fs::set_permissions(&fixture.path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let error = resolve(&fixture.args(), &[]).unwrap_err();
    assert_eq!(error.category(), crate::error::Category::Config);
    assert_eq!(
        error.message(),
        format!(
            "profile file {} contains client_secret and is readable by others (mode 0644)",
            fixture.path.display()
        )
    );
    assert_eq!(
        error.hint().unwrap(),
        format!(
            "run `chmod 600 {}`, or move the secret to client_secret_file",
            fixture.path.display()
        )
    );
}

#[test]
fn loose_file_without_secret_accepted() {
    let fixture = Fixture::new("[profiles.default]\nclient_id = \"a\"\n");
    std::fs::set_permissions(&fixture.path, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(resolve(&fixture.args(), &[]).is_ok());
}

#[test]
fn cache_defaults() {
    let fixture = Fixture::new("");
    let settings = resolve(&fixture.args(), &[]).unwrap();
    assert_eq!(settings.cache.enabled, Setting::new(true, Origin::Default));
    assert!(!settings.cache.refresh);
    assert_eq!(settings.cache.min_ttl, Setting::new(300, Origin::Default));
}

#[test]
fn min_ttl_layers_in_order() {
    let fixture = Fixture::new("[profiles.default]\nmin_ttl = 60\n");
    let profile_origin = Origin::Profile {
        name: "default".into(),
        path: fixture.path.clone(),
    };
    let settings = resolve(&fixture.args(), &[]).unwrap();
    assert_eq!(settings.cache.min_ttl, Setting::new(60, profile_origin));

    let env = [(ENV_MIN_TTL, "120")];
    let settings = resolve(&fixture.args(), &env).unwrap();
    assert_eq!(
        settings.cache.min_ttl,
        Setting::new(120, Origin::Env(ENV_MIN_TTL))
    );

    let mut args = fixture.args();
    args.cache.min_ttl = Some("0".into());
    let settings = resolve(&args, &env).unwrap();
    assert_eq!(
        settings.cache.min_ttl,
        Setting::new(0, Origin::Flag("--min-ttl"))
    );
}

#[test]
fn invalid_min_ttl_rejected() {
    let fixture = Fixture::new("");
    for value in ["-1", "1.5", "soon", "86401"] {
        let mut args = fixture.args();
        args.cache.min_ttl = Some(value.into());
        let error = resolve(&args, &[]).unwrap_err();
        assert_eq!(error.category(), crate::error::Category::Config);
        assert_eq!(
            error.message(),
            format!(
                "invalid minimum TTL {value:?} from flag --min-ttl: expected whole seconds from 0 to 86400"
            )
        );
    }
}

#[test]
fn cache_off_from_profile_or_flag() {
    let fixture = Fixture::new("[profiles.default]\ncache = false\n");
    let settings = resolve(&fixture.args(), &[]).unwrap();
    assert!(!settings.cache.enabled.value);
    assert_eq!(
        settings.cache.enabled.origin,
        Origin::Profile {
            name: "default".into(),
            path: fixture.path.clone(),
        }
    );

    let fixture = Fixture::new("[profiles.default]\ncache = true\n");
    let mut args = fixture.args();
    args.cache.no_cache = true;
    let settings = resolve(&args, &[]).unwrap();
    assert_eq!(
        settings.cache.enabled,
        Setting::new(false, Origin::Flag("--no-cache"))
    );
}

#[test]
fn cache_dir_from_environment() {
    let fixture = Fixture::new("");
    let settings = resolve(&fixture.args(), &[(ENV_CACHE_DIR, "/var/cache/ci")]).unwrap();
    assert_eq!(
        settings.cache.directory,
        Some(Setting::new(
            PathBuf::from("/var/cache/ci"),
            Origin::Env(ENV_CACHE_DIR)
        ))
    );
}

#[test]
fn relative_cache_dir_rejected() {
    let fixture = Fixture::new("");
    let error = resolve(&fixture.args(), &[(ENV_CACHE_DIR, "cache")]).unwrap_err();
    assert_eq!(
        error.message(),
        "EZEEP_TOKEN_CACHE_DIR must be an absolute path, got \"cache\""
    );
}

//! Resolution of the network settings: retries, client authentication,
//! extra TLS roots and the proxy.
//!
//! Retries, client authentication and the extra root file follow the usual
//! order of flag, environment variable, profile and default. `SSL_CERT_FILE`
//! is not a layer of `--cacert` but a second source of roots that adds to it.
//! The proxy comes only from the environment, through [`proxy::select`].

use std::path::PathBuf;

use clap::ValueEnum;

use super::{Environment, Origin, ProfileLayer, Setting, TokenUrl, first_of};
use crate::cli::{BasicEncoding, ClientAuth, SourceArgs};
use crate::error::{Error, Result};
use crate::http::proxy::{self, ProxyChoice};

pub const ENV_RETRIES: &str = "EZEEP_TOKEN_RETRIES";
pub const ENV_CLIENT_AUTH: &str = "EZEEP_CLIENT_AUTH";
pub const ENV_BASIC_ENCODING: &str = "EZEEP_BASIC_ENCODING";
pub const ENV_SSL_CERT_FILE: &str = "SSL_CERT_FILE";

pub const DEFAULT_RETRIES: u32 = 2;
/// Maximum accepted `--retries`. The total timeout bounds the attempts
/// anyway; a larger count is more likely a typo than a plan.
const MAX_RETRIES: u32 = 10;

/// Variables outside `EZEEP_*` that the settings read from the process
/// environment.
pub const PROCESS_VARIABLES: [&str; 8] = [
    ENV_SSL_CERT_FILE,
    proxy::VARIABLES[0],
    proxy::VARIABLES[1],
    proxy::VARIABLES[2],
    proxy::VARIABLES[3],
    proxy::VARIABLES[4],
    proxy::VARIABLES[5],
    proxy::VARIABLES[6],
];

/// The resolved network settings.
#[derive(Debug)]
pub struct NetworkSettings {
    /// Retries after a transient failure, so at most `retries + 1` attempts.
    pub retries: Setting<u32>,
    pub client_auth: Setting<ClientAuth>,
    pub basic_encoding: Setting<BasicEncoding>,
    /// A PEM file of extra roots from `--cacert` or the profile's `cacert`.
    pub cacert: Option<Setting<PathBuf>>,
    /// A PEM file of extra roots from `SSL_CERT_FILE`, used together with
    /// `cacert`.
    pub ssl_cert_file: Option<Setting<PathBuf>>,
    /// The proxy for the token URL, chosen from the proxy variables.
    pub proxy: ProxyChoice,
}

impl NetworkSettings {
    /// Returns the extra root files that are set, each with its origin.
    pub fn extra_root_files(&self) -> impl Iterator<Item = &Setting<PathBuf>> {
        self.cacert.iter().chain(&self.ssl_cert_file)
    }
}

/// Resolves the network settings. `client_id` is needed to reject an id
/// that the raw Basic encoding cannot carry.
pub(super) fn resolve(
    args: &SourceArgs,
    env: &Environment,
    layer: &ProfileLayer,
    client_id: Option<&Setting<String>>,
    token_url: &Setting<TokenUrl>,
) -> Result<NetworkSettings> {
    let network_args = &args.network;
    let retries = resolve_retries(args, env, layer)?;

    let client_auth = first_of([
        network_args
            .client_auth
            .map(|value| Setting::new(value, Origin::Flag("--client-auth"))),
        parse_env_enum(env, ENV_CLIENT_AUTH)?,
        layer.value(|p| p.client_auth),
    ])
    .unwrap_or_else(|| Setting::new(ClientAuth::Basic, Origin::Default));

    let basic_encoding = first_of([
        network_args
            .basic_encoding
            .map(|value| Setting::new(value, Origin::Flag("--basic-encoding"))),
        parse_env_enum(env, ENV_BASIC_ENCODING)?,
        layer.value(|p| p.basic_encoding),
    ])
    .unwrap_or_else(|| Setting::new(BasicEncoding::Urlencoded, Origin::Default));

    if client_auth.value == ClientAuth::Basic
        && basic_encoding.value == BasicEncoding::Raw
        && let Some(id) = client_id
        && id.value.contains(':')
    {
        return Err(Error::config(format!(
            "client id from {} contains ':', which the raw Basic encoding cannot send \
             because the server splits id and secret at the first ':'",
            id.origin
        ))
        .with_hint("use --basic-encoding urlencoded, or --client-auth post"));
    }

    let cacert = first_of([
        network_args
            .cacert
            .clone()
            .map(|path| Setting::new(path, Origin::Flag("--cacert"))),
        layer.value(|p| p.cacert.as_ref().map(|path| layer.path(path))),
    ]);
    let ssl_cert_file = env
        .get(ENV_SSL_CERT_FILE)?
        .map(|path| path.map(PathBuf::from));

    let scheme = token_url
        .value
        .url
        .split_once("://")
        .map_or("https", |(scheme, _)| scheme);
    let proxy = proxy::select(scheme, &token_url.value.host, |name| {
        Ok(env.get(name)?.map(|setting| setting.value))
    })?;

    Ok(NetworkSettings {
        retries,
        client_auth,
        basic_encoding,
        cacert,
        ssl_cert_file,
        proxy,
    })
}

fn resolve_retries(
    args: &SourceArgs,
    env: &Environment,
    layer: &ProfileLayer,
) -> Result<Setting<u32>> {
    let text = first_of([
        args.network
            .retries
            .clone()
            .map(|value| Setting::new(value, Origin::Flag("--retries"))),
        env.get(ENV_RETRIES)?,
        layer.value(|p| p.retries.map(|count| count.to_string())),
    ]);
    let Some(text) = text else {
        return Ok(Setting::new(DEFAULT_RETRIES, Origin::Default));
    };
    match parse_retries(&text.value) {
        Some(count) => Ok(Setting::new(count, text.origin)),
        None => Err(Error::config(format!(
            "invalid retries {:?} from {}: expected {RETRIES_EXPECTED}",
            text.value, text.origin
        ))),
    }
}

/// The accepted retry counts, for error messages.
pub const RETRIES_EXPECTED: &str = "a whole number from 0 to 10";

/// Parses a retry count.
pub fn parse_retries(text: &str) -> Option<u32> {
    let count = text.trim().parse::<u32>().ok()?;
    (count <= MAX_RETRIES).then_some(count)
}

/// Reads a value-enum setting from an environment variable, accepting any
/// letter case.
fn parse_env_enum<T: ValueEnum>(
    env: &Environment,
    name: &'static str,
) -> Result<Option<Setting<T>>> {
    let Some(text) = env.get(name)? else {
        return Ok(None);
    };
    match T::from_str(text.value.trim(), true) {
        Ok(value) => Ok(Some(Setting::new(value, text.origin))),
        Err(_) => {
            let expected = T::value_variants()
                .iter()
                .filter_map(|variant| variant.to_possible_value())
                .map(|value| value.get_name().to_owned())
                .collect::<Vec<_>>()
                .join(" or ");
            Err(Error::config(format!(
                "invalid value {:?} in environment variable {name}: expected {expected}",
                text.value
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Settings;
    use super::*;

    use std::os::unix::fs::PermissionsExt;

    /// A profile file in a temporary directory.
    struct ProfileFile {
        directory: tempfile::TempDir,
        path: PathBuf,
    }

    impl ProfileFile {
        fn new(toml: &str) -> ProfileFile {
            let directory = tempfile::tempdir().unwrap();
            let path = directory.path().join("config.toml");
            std::fs::write(&path, toml).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
            ProfileFile { directory, path }
        }

        /// Parses `extra` as command-line arguments with `--config` set to
        /// this file.
        fn args(&self, extra: &[&str]) -> SourceArgs {
            use clap::Parser;
            let config = self.path.to_str().unwrap();
            let mut argv = vec!["ezeep-token", "--config", config];
            argv.extend_from_slice(extra);
            crate::cli::Cli::try_parse_from(argv).unwrap().source
        }
    }

    fn resolve(args: &SourceArgs, env: &[(&str, &str)]) -> Result<Settings> {
        Settings::resolve(args, &Environment::from_pairs(env))
    }

    #[test]
    fn defaults() {
        let settings = resolve(&ProfileFile::new("").args(&[]), &[]).unwrap();
        let network = &settings.network;
        assert_eq!(network.retries, Setting::new(2, Origin::Default));
        assert_eq!(network.client_auth.value, ClientAuth::Basic);
        assert_eq!(network.basic_encoding.value, BasicEncoding::Urlencoded);
        assert!(network.cacert.is_none());
        assert!(network.ssl_cert_file.is_none());
        assert!(matches!(network.proxy, ProxyChoice::Direct));
    }

    #[test]
    fn flag_beats_environment() {
        let settings = resolve(
            &ProfileFile::new("").args(&["--retries", "5", "--client-auth", "post"]),
            &[
                (ENV_RETRIES, "1"),
                (ENV_CLIENT_AUTH, "basic"),
                (ENV_BASIC_ENCODING, "RAW"),
            ],
        )
        .unwrap();
        let network = &settings.network;
        assert_eq!(network.retries, Setting::new(5, Origin::Flag("--retries")));
        assert_eq!(
            network.client_auth,
            Setting::new(ClientAuth::Post, Origin::Flag("--client-auth"))
        );
        assert_eq!(
            network.basic_encoding,
            Setting::new(BasicEncoding::Raw, Origin::Env(ENV_BASIC_ENCODING))
        );
    }

    #[test]
    fn invalid_values_rejected() {
        let error = resolve(&ProfileFile::new("").args(&[]), &[(ENV_RETRIES, "11")]).unwrap_err();
        assert_eq!(
            error.message(),
            "invalid retries \"11\" from environment variable EZEEP_TOKEN_RETRIES: expected a whole number from 0 to 10"
        );
        let flag =
            <crate::cli::Cli as clap::Parser>::try_parse_from(["ezeep-token", "--retries", "11"]);
        assert_eq!(
            flag.unwrap_err().kind(),
            clap::error::ErrorKind::ValueValidation
        );
        let error = resolve(
            &ProfileFile::new("").args(&[]),
            &[(ENV_CLIENT_AUTH, "header")],
        )
        .unwrap_err();
        assert_eq!(
            error.message(),
            "invalid value \"header\" in environment variable EZEEP_CLIENT_AUTH: expected basic or post"
        );
    }

    #[test]
    fn raw_encoding_rejects_colon_in_id() {
        let error = resolve(
            &ProfileFile::new("").args(&["--client-id", "a:b", "--basic-encoding", "raw"]),
            &[],
        )
        .unwrap_err();
        assert_eq!(error.category(), crate::error::Category::Config);
        assert!(
            error
                .message()
                .starts_with("client id from flag --client-id contains ':'")
        );
        let settings = resolve(
            &ProfileFile::new("").args(&[
                "--client-id",
                "a:b",
                "--basic-encoding",
                "raw",
                "--client-auth",
                "post",
            ]),
            &[],
        );
        assert!(settings.is_ok());
    }

    #[test]
    fn cacert_and_ssl_cert_file_both_kept() {
        let settings = resolve(
            &ProfileFile::new("").args(&["--cacert", "/tmp/a.pem"]),
            &[(ENV_SSL_CERT_FILE, "/tmp/b.pem")],
        )
        .unwrap();
        let files: Vec<_> = settings
            .network
            .extra_root_files()
            .map(|file| (file.value.clone(), file.origin.clone()))
            .collect();
        assert_eq!(
            files,
            [
                (PathBuf::from("/tmp/a.pem"), Origin::Flag("--cacert")),
                (PathBuf::from("/tmp/b.pem"), Origin::Env(ENV_SSL_CERT_FILE)),
            ]
        );
    }

    #[test]
    fn proxy_follows_token_url_scheme() {
        let settings = resolve(
            &ProfileFile::new("").args(&["--token-url", "http://127.0.0.1:9/x"]),
            &[("HTTPS_PROXY", "http://127.0.0.1:1")],
        )
        .unwrap();
        assert!(matches!(settings.network.proxy, ProxyChoice::Direct));
        let settings = resolve(
            &ProfileFile::new("").args(&[]),
            &[
                ("HTTPS_PROXY", "http://127.0.0.1:1"),
                ("NO_PROXY", "ezeep.com"),
            ],
        )
        .unwrap();
        assert!(matches!(
            settings.network.proxy,
            ProxyChoice::Bypassed {
                variable: "NO_PROXY",
                ..
            }
        ));
    }

    #[test]
    fn profile_keys_resolve() {
        let file = ProfileFile::new(
            r#"
[profiles.default]
client_id = "id"
retries = 0
client_auth = "post"
basic_encoding = "raw"
cacert = "roots/corp.pem"
"#,
        );
        let settings = resolve(&file.args(&[]), &[]).unwrap();
        let network = &settings.network;
        assert_eq!(network.retries.value, 0);
        assert!(matches!(network.retries.origin, Origin::Profile { .. }));
        assert_eq!(network.client_auth.value, ClientAuth::Post);
        assert_eq!(network.basic_encoding.value, BasicEncoding::Raw);
        assert_eq!(
            network.cacert.as_ref().unwrap().value,
            file.directory.path().join("roots/corp.pem")
        );
    }

    #[test]
    fn profile_enum_typo_named() {
        let file = ProfileFile::new("[profiles.default]\nclient_auth = \"header\"\n");
        let error = resolve(&file.args(&[]), &[]).unwrap_err();
        assert!(
            error
                .message()
                .contains("unknown variant `header`, expected `basic` or `post`"),
            "{}",
            error.message()
        );
    }
}

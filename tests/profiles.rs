//! The profile file end to end, and the `config` and `profiles` commands.

mod support;

use support::{Reply, Sandbox, Server, basic};

const REPLY: &str =
    r#"{"access_token":"AT1","token_type":"Bearer","expires_in":3600,"scope":"printing"}"#;

fn two_profiles(server: &Server) -> String {
    format!(
        r#"default_profile = "prod"

[profiles.prod]
client_id = "prod-id"
client_secret = "prodSecret1"
token_url = "{url}"

[profiles.staging]
client_id = "staging-id"
client_secret_file = "staging.secret"
scope = ["printing", "user"]
token_url = "{url}"
"#,
        url = server.token_url()
    )
}

#[test]
fn profile_flag_selects_credentials() {
    let server = Server::start(vec![Reply::json(200, REPLY)]);
    let sandbox = Sandbox::new();
    sandbox.write_config(&two_profiles(&server));
    let secret_path = sandbox.config_file().with_file_name("staging.secret");
    std::fs::write(&secret_path, "stagingSecret2\n").unwrap();

    sandbox
        .run(&["--profile", "prod"])
        .assert_success()
        .assert_stdout("AT1\n");
    sandbox
        .run(&["-p", "staging"])
        .assert_success()
        .assert_stdout("AT1\n");
    sandbox.run(&["--no-cache"]).assert_success();

    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    assert_eq!(
        requests[0].header("Authorization"),
        Some(basic("prod-id:prodSecret1").as_str())
    );
    assert_eq!(
        requests[1].header("Authorization"),
        Some(basic("staging-id:stagingSecret2").as_str())
    );
    assert_eq!(
        requests[1].body,
        b"grant_type=client_credentials&scope=printing+user"
    );
    assert_eq!(
        requests[2].header("Authorization"),
        Some(basic("prod-id:prodSecret1").as_str()),
        "default_profile selects prod"
    );
}

#[test]
fn env_profile_and_env_override() {
    let server = Server::start(vec![Reply::json(200, REPLY)]);
    let sandbox = Sandbox::new();
    sandbox.write_config(&two_profiles(&server));
    let run = sandbox.run_env(
        &[],
        &[
            ("EZEEP_PROFILE", "prod"),
            ("EZEEP_CLIENT_SECRET", "fromEnv"),
        ],
    );
    run.assert_success();
    assert_eq!(
        server.requests()[0].header("Authorization"),
        Some(basic("prod-id:fromEnv").as_str())
    );
    assert_eq!(run.stderr_lines().len(), 1, "{run}");
    run.assert_stderr_contains("ezeep-token: warning: client id is from profile prod in ");
    run.assert_stderr_contains("mixed credentials are the usual cause of invalid_client");
}

#[test]
fn unknown_profile_lists_profiles() {
    let server = Server::start(vec![Reply::json(200, REPLY)]);
    let sandbox = Sandbox::new();
    let path = sandbox.write_config(&two_profiles(&server));
    let run = sandbox.run(&["--profile", "qa"]);
    run.assert_code(78).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        [format!(
            "ezeep-token: error: profile qa (from flag --profile) not found in {}; profiles: prod, staging",
            path.display()
        )]
    );
    assert_eq!(server.hits(), 0);
}

#[test]
fn profile_without_file_is_error() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["--profile", "prod"]);
    run.assert_code(78).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines()[0],
        "ezeep-token: error: profile prod not found: there is no profile file"
    );
}

#[test]
fn readable_secret_file_refused() {
    let server = Server::start(vec![Reply::json(200, REPLY)]);
    let sandbox = Sandbox::new();
    let path = sandbox.write_config(&two_profiles(&server));
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    let run = sandbox.run(&[]);
    run.assert_code(78).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        [
            format!(
                "ezeep-token: error: profile file {} contains client_secret and is readable by others (mode 0644)",
                path.display()
            ),
            format!(
                "hint: run `chmod 600 {}`, or move the secret to client_secret_file",
                path.display()
            ),
        ]
    );
    run.assert_stderr_lacks("prodSecret1");
    assert_eq!(server.hits(), 0);
}

#[test]
fn unknown_key_named_with_file_and_line() {
    let sandbox = Sandbox::new();
    let path = sandbox.write_config("[profiles.prod]\nclient_id = \"a\"\nclientsecret = \"b\"\n");
    let run = sandbox.run(&[]);
    run.assert_code(78).assert_stdout_empty();
    assert_eq!(run.stderr_lines().len(), 1, "{run}");
    run.assert_stderr_contains(&format!(
        "ezeep-token: error: invalid profile file {}:3:1: unknown field `clientsecret`",
        path.display()
    ));
}

#[test]
fn explicit_missing_config_is_error() {
    let sandbox = Sandbox::new();
    let run = sandbox.run_env(&[], &[("EZEEP_TOKEN_CONFIG", "/nonexistent/config.toml")]);
    run.assert_code(78).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        [
            "ezeep-token: error: cannot read profile file /nonexistent/config.toml: No such file or directory (os error 2)"
        ]
    );
}

#[test]
fn config_shows_origins_not_secret() {
    let server = Server::start(vec![Reply::json(200, REPLY)]);
    let sandbox = Sandbox::new();
    let path = sandbox.write_config(&two_profiles(&server));
    let run = sandbox.run_env(&["config"], &[("EZEEP_SCOPE", "printing user")]);
    run.assert_success();
    let file = path.display();
    let expected = format!(
        "config file    {file} (default; found)\n\
         profile        prod (default_profile in {file})\n\
         client_id      prod-id (profile prod in {file})\n\
         client_secret  11 characters (profile prod in {file})\n\
         scope          printing user (environment variable EZEEP_SCOPE)\n\
         token_url      {url} (profile prod in {file})\n\
         timeout        30 s (default)\n\
         cache          on (default)\n\
         cache_dir      {cache}/ezeep-token (default)\n\
         min_ttl        300 s (default)\n\
         retries        2 (default)\n\
         client_auth    basic (default)\n\
         basic_encoding urlencoded (default)\n\
         proxy          none\n",
        url = server.token_url(),
        cache = sandbox.cache_dir().display(),
    );
    run.assert_stdout(&expected);
    assert!(!run.stdout_str().contains("prodSecret1"));
    assert_eq!(server.hits(), 0);
}

#[test]
fn config_shows_secret_file_source() {
    let sandbox = Sandbox::new();
    let secret = sandbox.write_file("secret", b"abcd\n", 0o600);
    let run = sandbox.run(&["config", "--client-secret-file", secret.to_str().unwrap()]);
    run.assert_success();
    assert!(
        run.stdout_str().contains(&format!(
            "client_secret  4 characters, read from file {} (flag --client-secret-file)\n",
            secret.display()
        )),
        "{run}"
    );
}

#[test]
fn profiles_lists_with_default_marked() {
    let server = Server::start(vec![Reply::json(200, REPLY)]);
    let sandbox = Sandbox::new();
    sandbox.write_config(&two_profiles(&server));
    let run = sandbox.run(&["profiles"]);
    run.assert_success();
    let url = server.token_url();
    run.assert_stdout(&format!(
        "* prod     prod-id     {url}\n  staging  staging-id  {url}\n"
    ));
}

#[test]
fn profiles_without_file_notes_it() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["profiles"]);
    run.assert_success().assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        [format!(
            "ezeep-token: warning: no profile file at {}",
            sandbox.config_file().display()
        )]
    );
}

#[test]
fn options_before_subcommand_accepted() {
    let server = Server::start(vec![Reply::json(200, REPLY)]);
    let sandbox = Sandbox::new();
    sandbox.write_config(&two_profiles(&server));
    let run = sandbox.run(&["-p", "staging", "config"]);
    run.assert_success();
    assert!(
        run.stdout_str()
            .contains("profile        staging (flag --profile)\n"),
        "{run}"
    );
    sandbox.run(&["-v", "profiles"]).assert_success();
}

#[test]
fn output_option_with_subcommand_rejected() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["--json", "config"]);
    run.assert_code(2).assert_stdout_empty();
    run.assert_stderr_contains("--output, --header and --json apply only when printing a token");
}

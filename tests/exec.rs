//! `ezeep-token exec`: the token reaches the command through its
//! environment, the command's exit status is passed on, and a command that
//! cannot start gets the shell's exit codes.

mod support;

use support::{Reply, Run, Sandbox, Server};

fn token_server() -> Server {
    Server::start(vec![Reply::json(
        200,
        r#"{"access_token":"exec-token","token_type":"Bearer","expires_in":3600}"#,
    )])
}

fn run(sandbox: &Sandbox, server: &Server, args: &[&str]) -> Run {
    let token_url = server.token_url();
    let env = [
        ("EZEEP_CLIENT_ID", "exec-id"),
        ("EZEEP_CLIENT_SECRET", "exec-secret"),
        ("EZEEP_TOKEN_URL", token_url.as_str()),
    ];
    sandbox.run_env(args, &env)
}

#[test]
fn exec_passes_token_and_status() {
    let server = token_server();
    let sandbox = Sandbox::new();

    let run = run(
        &sandbox,
        &server,
        &[
            "exec",
            "--",
            "sh",
            "-c",
            r#"printf %s "$EZEEP_ACCESS_TOKEN"; exit 3"#,
        ],
    );

    run.assert_code(3).assert_stdout("exec-token");
    assert_eq!(run.stderr, "", "{run}");
    assert_eq!(server.hits(), 1);
}

#[test]
fn exec_sets_authorization() {
    let server = token_server();
    let sandbox = Sandbox::new();

    run(
        &sandbox,
        &server,
        &[
            "exec",
            "--",
            "sh",
            "-c",
            r#"printf %s "$EZEEP_AUTHORIZATION""#,
        ],
    )
    .assert_success()
    .assert_stdout("Bearer exec-token");
}

#[test]
fn exec_uses_cached_token() {
    let server = token_server();
    let sandbox = Sandbox::new();
    run(&sandbox, &server, &[]).assert_success();

    run(
        &sandbox,
        &server,
        &[
            "exec",
            "--",
            "sh",
            "-c",
            r#"printf %s "$EZEEP_ACCESS_TOKEN""#,
        ],
    )
    .assert_success()
    .assert_stdout("exec-token");

    assert_eq!(server.hits(), 1);
}

#[test]
fn missing_command_exits_127() {
    let server = token_server();
    let sandbox = Sandbox::new();

    let run = run(
        &sandbox,
        &server,
        &["exec", "--", "ezeep-token-test-no-such-command"],
    );

    run.assert_code(127).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        [
            "ezeep-token: error: cannot run ezeep-token-test-no-such-command: command not found",
            "hint: check the command name and PATH",
        ]
    );
}

#[test]
fn directory_as_command_exits_126() {
    let server = token_server();
    let sandbox = Sandbox::new();
    let directory = sandbox.path().join("home");
    let directory_text = directory.display().to_string();

    let run = run(&sandbox, &server, &["exec", "--", &directory_text]);

    run.assert_code(126)
        .assert_stdout_empty()
        .assert_stderr_contains(&format!(
            "ezeep-token: error: cannot run {directory_text}: "
        ));
    assert_eq!(run.stderr_lines().len(), 1, "{run}");
}

#[test]
fn exec_without_command_is_usage_error() {
    let sandbox = Sandbox::new();

    sandbox.run(&["exec"]).assert_code(2).assert_stdout_empty();
}

#[test]
fn failed_fetch_runs_nothing() {
    let server = Server::start(vec![Reply::json(401, r#"{"error":"invalid_client"}"#)]);
    let sandbox = Sandbox::new();

    run(&sandbox, &server, &["exec", "--", "sh", "-c", "echo ran"])
        .assert_code(77)
        .assert_stdout_empty();
}

//! The main job end to end: the request on the wire, the output formats, and
//! the failures users meet most, against loopback servers.

mod support;

use std::process::Stdio;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use support::{Reply, Run, Sandbox, Server, basic};

const EZEEP_REPLY: &str =
    r#"{"access_token":"AT1","token_type":"Bearer","expires_in":3600,"scope":""}"#;

/// Environment with plain credentials pointing at `server`.
fn credentials(server: &Server) -> Vec<(&'static str, String)> {
    vec![
        ("EZEEP_CLIENT_ID", "abc123".to_owned()),
        ("EZEEP_CLIENT_SECRET", "XyZ789".to_owned()),
        ("EZEEP_TOKEN_URL", server.token_url()),
    ]
}

fn run(sandbox: &Sandbox, server: &Server, args: &[&str]) -> Run {
    let env = credentials(server);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    sandbox.run_env(args, &env)
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[test]
fn request_matches_ezeep_wire_format() {
    let server = Server::start(vec![Reply::json(200, EZEEP_REPLY)]);
    let sandbox = Sandbox::new();
    run(&sandbox, &server, &[]).assert_success();

    assert_eq!(server.hits(), 1);
    let request = &server.requests()[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/oauth/access_token/");
    assert_eq!(
        request.header("Authorization"),
        Some(basic("abc123:XyZ789").as_str())
    );
    assert_eq!(
        request.header("Content-Type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(request.header("Accept"), Some("application/json"));
    assert_eq!(
        request.header("User-Agent"),
        Some(concat!("ezeep-token/", env!("CARGO_PKG_VERSION")))
    );
    assert_eq!(
        request.body,
        b"grant_type=client_credentials&scope=printing"
    );
    assert_eq!(request.header_count("Authorization"), 1);
    assert_eq!(request.header_count("Accept"), 1);
    assert_eq!(request.header("Cookie"), None);
}

#[test]
fn raw_output_is_token_and_newline() {
    let server = Server::start(vec![Reply::json(200, EZEEP_REPLY)]);
    let sandbox = Sandbox::new();
    let run = run(&sandbox, &server, &[]);
    run.assert_success().assert_stdout("AT1\n");
    assert_eq!(run.stderr, "", "the documented reply shape must not warn");
}

#[test]
fn header_output_exact() {
    let server = Server::start(vec![Reply::json(200, EZEEP_REPLY)]);
    let sandbox = Sandbox::new();
    run(&sandbox, &server, &["--header"])
        .assert_success()
        .assert_stdout("Authorization: Bearer AT1\n");
    run(&sandbox, &server, &["-o", "header"])
        .assert_success()
        .assert_stdout("Authorization: Bearer AT1\n");
}

#[test]
fn json_output_with_quoted_expiry() {
    let reply =
        r#"{"access_token":"AT1","token_type":"Bearer","expires_in":"3600","scope":"printing"}"#;
    let server = Server::start(vec![Reply::json(200, reply)]);
    let sandbox = Sandbox::new();
    let before = now();
    let run = run(&sandbox, &server, &["--json"]);
    let after = now();
    run.assert_success();

    let text = run.stdout_str();
    assert!(text.ends_with("}\n"), "{run}");
    assert_eq!(text.matches('\n').count(), 1, "{run}");
    let document: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(document["access_token"], "AT1");
    assert_eq!(document["token_type"], "Bearer");
    assert_eq!(document["scope"], "printing");
    let expires_in = document["expires_in"]
        .as_u64()
        .expect("expires_in is a number");
    assert!((3595..=3600).contains(&expires_in), "{run}");
    let expires_at = document["expires_at"]
        .as_u64()
        .expect("expires_at is a number");
    assert!(
        expires_at >= before + 3600 && expires_at <= after + 3600,
        "{run}"
    );
    let keys: Vec<&String> = document.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 5, "{run}");
}

#[test]
fn lowercase_token_type_normalised() {
    let reply = r#"{"access_token":"AT1","token_type":"bearer","expires_in":3600}"#;
    let server = Server::start(vec![Reply::json(200, reply)]);
    let sandbox = Sandbox::new();
    let run = run(&sandbox, &server, &["--header"]);
    run.assert_success()
        .assert_stdout("Authorization: Bearer AT1\n");
    assert_eq!(run.stderr, "");
}

#[test]
fn missing_token_type_warns() {
    let reply = r#"{"access_token":"AT1","expires_in":3600}"#;
    let server = Server::start(vec![Reply::json(200, reply)]);
    let sandbox = Sandbox::new();
    let run = run(&sandbox, &server, &[]);
    run.assert_success().assert_stdout("AT1\n");
    assert_eq!(
        run.stderr_lines(),
        ["ezeep-token: warning: the token reply has no token_type; treating the token as Bearer"]
    );
}

#[test]
fn env_output_evaluates_in_shell() {
    let server = Server::start(vec![Reply::json(200, EZEEP_REPLY)]);
    let sandbox = Sandbox::new();
    let run = run(&sandbox, &server, &["-o", "env"]);
    run.assert_success()
        .assert_stdout("export EZEEP_ACCESS_TOKEN='AT1'\n");

    let shell = std::process::Command::new("sh")
        .args(["-c", "eval \"$1\"; printf %s \"$EZEEP_ACCESS_TOKEN\"", "sh"])
        .arg(run.stdout_str())
        .output()
        .unwrap();
    assert_eq!(shell.stdout, b"AT1");
}

#[test]
fn invalid_client_exits_77() {
    let body = r#"{"error":"invalid_client","error_description":"Client authentication failed"}"#;
    let server = Server::start(vec![Reply::json(401, body)]);
    let sandbox = Sandbox::new();
    let run = run(&sandbox, &server, &[]);
    run.assert_code(77).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        [
            format!(
                "ezeep-token: error: token request rejected by {}: HTTP 401: invalid_client: Client authentication failed",
                server.token_url()
            )
            .as_str(),
            "hint: check the client id and secret; `ezeep-token config` shows where each comes from",
        ]
    );
    assert_eq!(server.hits(), 1);
}

#[test]
fn invalid_scope_exits_77() {
    let body = r#"{"error":"invalid_scope"}"#;
    let server = Server::start(vec![Reply::json(400, body)]);
    let sandbox = Sandbox::new();
    let run = run(&sandbox, &server, &["--scope", "admin"]);
    run.assert_code(77).assert_stdout_empty();
    run.assert_stderr_contains("HTTP 400: invalid_scope");
    assert_eq!(
        server.requests()[0].body,
        b"grant_type=client_credentials&scope=admin"
    );
}

#[test]
fn json_verbose_keeps_secrets_off_stderr() {
    let reply = r#"{"access_token":"TOKEN-VALUE-42","token_type":"Bearer","expires_in":3600}"#;
    let server = Server::start(vec![Reply::json(200, reply)]);
    let sandbox = Sandbox::new();
    let run = run(&sandbox, &server, &["--json", "-v"]);
    run.assert_success();

    let text = run.stdout_str();
    assert_eq!(text.matches('\n').count(), 1, "{run}");
    assert!(text.ends_with('\n'), "{run}");
    serde_json::from_str::<serde_json::Value>(text).expect("stdout is one JSON document");

    assert!(
        !run.stderr.is_empty(),
        "verbose output goes to stderr\n{run}"
    );
    run.assert_stderr_contains(&server.token_url());
    run.assert_stderr_contains("HTTP 200");
    run.assert_stderr_lacks("XyZ789");
    let basic_value = basic("abc123:XyZ789");
    run.assert_stderr_lacks(basic_value.trim_start_matches("Basic "));
    run.assert_stderr_lacks("TOKEN-VALUE-42");
}

#[test]
fn trailing_slash_redirect_not_followed() {
    let server = Server::start(vec![
        Reply::new(301).header("Location", "/oauth/access_token/"),
    ]);
    let sandbox = Sandbox::new();
    let url = server.url("/oauth/access_token");
    let run = sandbox.run_env(
        &[],
        &[
            ("EZEEP_CLIENT_ID", "abc123"),
            ("EZEEP_CLIENT_SECRET", "XyZ789"),
            ("EZEEP_TOKEN_URL", &url),
        ],
    );
    run.assert_code(76).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        [
            format!(
                "ezeep-token: error: token endpoint {url} replied HTTP 301 redirecting to /oauth/access_token/; HTTP 301 would turn the POST into a GET, so it is not followed"
            ),
            format!(
                "hint: the token URL needs a trailing slash: use --token-url {}",
                server.token_url()
            ),
        ]
    );
    assert_eq!(server.hits(), 1);
    assert_eq!(server.requests()[0].method, "POST");
}

#[test]
fn html_reply_exits_76_with_excerpt() {
    let html = "<!DOCTYPE html><html><body>Sign in</body></html>";
    let server = Server::start(vec![
        Reply::new(200)
            .header("Content-Type", "text/html")
            .body(html),
    ]);
    let sandbox = Sandbox::new();
    let run = run(&sandbox, &server, &[]);
    run.assert_code(76).assert_stdout_empty();
    assert_eq!(run.stderr_lines().len(), 1, "{run}");
    run.assert_stderr_contains("HTTP 200 (text/html)");
    run.assert_stderr_contains(&format!("\"{html}\""));
    run.assert_stderr_contains(&format!(
        "invalid token response from {}",
        server.token_url()
    ));
}

#[test]
fn garbage_replies_exit_76() {
    let cases = [
        Reply::new(200),
        Reply::json(200, r#"{"access_token":null}"#),
        Reply::json(200, r#"{"access_token":"AT1","token_type":"mac"}"#),
        Reply::json(200, "{\"access_token\":\"AT1\""),
        Reply::json(204, ""),
        Reply::json(418, "short and stout"),
    ];
    for reply in cases {
        let server = Server::start(vec![reply]);
        let sandbox = Sandbox::new();
        let run = run(&sandbox, &server, &[]);
        run.assert_code(76).assert_stdout_empty();
        assert_eq!(run.stderr_lines().len(), 1, "{run}");
        run.assert_stderr_lacks("AT1");
        assert!(
            run.stderr
                .starts_with("ezeep-token: error: invalid token response from "),
            "{run}"
        );
    }
}

#[test]
fn server_errors_exit_75() {
    for status in [429, 500, 503] {
        let server = Server::start(vec![Reply::json(status, "{}")]);
        let sandbox = Sandbox::new();
        let run = run(&sandbox, &server, &[]);
        run.assert_code(75).assert_stdout_empty();
        run.assert_stderr_contains(&format!("HTTP {status}"));
    }
}

#[test]
fn unreachable_port_exits_75() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}/oauth/access_token/");
    let sandbox = Sandbox::new();
    let run = sandbox.run_env(
        &[],
        &[
            ("EZEEP_CLIENT_ID", "abc123"),
            ("EZEEP_CLIENT_SECRET", "XyZ789"),
            ("EZEEP_TOKEN_URL", &url),
        ],
    );
    run.assert_code(75).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        [format!(
            "ezeep-token: error: gave up after 3 attempts: connection to 127.0.0.1:{port} failed (token URL {url}): Connection refused (os error 111)"
        )]
    );
}

#[test]
fn hanging_server_times_out() {
    let server = Server::start(vec![Reply::hang()]);
    let sandbox = Sandbox::new();
    let run = run(&sandbox, &server, &["--timeout", "1"]);
    run.assert_code(75).assert_stdout_empty();
    run.assert_stderr_contains("timed out after 1 s");
}

#[test]
fn secret_file_line_endings_equivalent() {
    let server = Server::start(vec![Reply::json(200, EZEEP_REPLY)]);
    let sandbox = Sandbox::new();
    let contents: [&[u8]; 3] = [b"s3cr3t\n", b"s3cr3t\r\n", b"s3cr3t"];
    for (index, bytes) in contents.iter().enumerate() {
        let path = sandbox.write_file(&format!("secret{index}"), bytes, 0o600);
        sandbox
            .run_env(
                &["--no-cache", "--client-secret-file", path.to_str().unwrap()],
                &[
                    ("EZEEP_CLIENT_ID", "svc"),
                    ("EZEEP_TOKEN_URL", &server.token_url()),
                ],
            )
            .assert_success();
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    for request in &requests {
        assert_eq!(
            request.header("Authorization"),
            Some(basic("svc:s3cr3t").as_str())
        );
    }
}

#[test]
fn secret_from_stdin() {
    let server = Server::start(vec![Reply::json(200, EZEEP_REPLY)]);
    let sandbox = Sandbox::new();
    let run = sandbox.run_stdin(
        &["--client-secret-file", "-"],
        &[
            ("EZEEP_CLIENT_ID", "svc"),
            ("EZEEP_TOKEN_URL", &server.token_url()),
        ],
        b"s3cr3t\n",
    );
    run.assert_success().assert_stdout("AT1\n");
    assert_eq!(
        server.requests()[0].header("Authorization"),
        Some(basic("svc:s3cr3t").as_str())
    );
}

#[test]
fn inner_newline_rejected_before_request() {
    let server = Server::start(vec![Reply::json(200, EZEEP_REPLY)]);
    let sandbox = Sandbox::new();
    let path = sandbox.write_file("secret", b"s3c\nr3t\n", 0o600);
    let run = sandbox.run_env(
        &[
            "--client-secret-file",
            path.to_str().unwrap(),
            "--client-id",
            "svc",
        ],
        &[("EZEEP_TOKEN_URL", &server.token_url())],
    );
    run.assert_code(78).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        [
            "ezeep-token: error: client secret from flag --client-secret-file: client secret contains a control character at position 4",
            "hint: remove line breaks and other control characters from the value",
        ]
    );
    run.assert_stderr_lacks("s3c");
    assert_eq!(server.hits(), 0);
}

#[test]
fn special_characters_percent_encoded() {
    let server = Server::start(vec![Reply::json(200, EZEEP_REPLY)]);
    let sandbox = Sandbox::new();
    sandbox
        .run_env(
            &[],
            &[
                ("EZEEP_CLIENT_ID", "svc"),
                ("EZEEP_CLIENT_SECRET", "a+b/c=d:e%f g"),
                ("EZEEP_TOKEN_URL", &server.token_url()),
            ],
        )
        .assert_success();
    assert_eq!(
        server.requests()[0].header("Authorization"),
        Some(basic("svc:a%2Bb%2Fc%3Dd%3Ae%25f%20g").as_str())
    );
}

#[test]
fn repeated_scopes_joined() {
    let server = Server::start(vec![Reply::json(200, EZEEP_REPLY)]);
    let sandbox = Sandbox::new();
    run(
        &sandbox,
        &server,
        &["--scope", "printing", "--scope", "user:read"],
    )
    .assert_success();
    assert_eq!(
        server.requests()[0].body,
        b"grant_type=client_credentials&scope=printing+user%3Aread"
    );
}

#[test]
fn missing_client_id_exits_78() {
    let sandbox = Sandbox::new();
    let run = sandbox.run_env(&[], &[("EZEEP_CLIENT_SECRET", "XyZ789")]);
    run.assert_code(78).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        [
            "ezeep-token: error: missing client id",
            "hint: set --client-id, EZEEP_CLIENT_ID, or client_id in a profile",
        ]
    );
}

#[test]
fn plain_http_to_remote_host_rejected() {
    let sandbox = Sandbox::new();
    let run = sandbox.run_env(
        &[
            "--token-url",
            "http://account.ezeep.com/oauth/access_token/",
        ],
        &[
            ("EZEEP_CLIENT_ID", "abc123"),
            ("EZEEP_CLIENT_SECRET", "XyZ789"),
        ],
    );
    run.assert_code(78).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        [
            "ezeep-token: error: token URL from flag --token-url: invalid token URL \"http://account.ezeep.com/oauth/access_token/\": http is allowed only for loopback hosts",
            "hint: use https://account.ezeep.com/oauth/access_token/",
        ]
    );
}

#[test]
fn secret_flag_warns_once() {
    let server = Server::start(vec![Reply::json(200, EZEEP_REPLY)]);
    let sandbox = Sandbox::new();
    let run = sandbox.run(&[
        "--client-id",
        "abc123",
        "--client-secret",
        "XyZ789",
        "--token-url",
        &server.token_url(),
    ]);
    run.assert_success().assert_stdout("AT1\n");
    assert_eq!(
        run.stderr_lines(),
        [
            "ezeep-token: warning: --client-secret is visible to other local users in the process list; use EZEEP_CLIENT_SECRET or --client-secret-file instead"
        ]
    );
}

#[test]
fn help_hides_secret_value() {
    let sandbox = Sandbox::new();
    let run = sandbox.run_env(&["--help"], &[("EZEEP_CLIENT_SECRET", "s3cr3t-in-env")]);
    run.assert_success();
    let help = run.stdout_str();
    assert!(help.contains("EZEEP_CLIENT_SECRET"), "{run}");
    assert!(!help.contains("s3cr3t-in-env"), "{run}");
    assert!(help.contains("Exit codes:"), "{run}");
    assert!(help.contains("ezeep-token/config.toml"), "{run}");
}

#[test]
fn usage_error_exits_2() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["--header", "--json"]);
    run.assert_code(2).assert_stdout_empty();
    let run = sandbox.run(&["--output", "yaml"]);
    run.assert_code(2).assert_stdout_empty();
    for (flag, value) in [
        ("--timeout", "abc"),
        ("--timeout", "0"),
        ("--retries", "11"),
        ("--min-ttl", "1.5"),
    ] {
        let run = sandbox.run(&[flag, value]);
        run.assert_code(2).assert_stdout_empty();
        run.assert_stderr_contains(&format!("invalid value '{value}' for '{flag}"));
    }
}

#[test]
fn invalid_timeout_from_env_exits_78() {
    let sandbox = Sandbox::new();
    let run = sandbox.run_env(&[], &[("EZEEP_TOKEN_TIMEOUT", "soon")]);
    run.assert_code(78).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        [
            "ezeep-token: error: invalid timeout \"soon\" from environment variable EZEEP_TOKEN_TIMEOUT: expected seconds greater than 0 and at most 86400"
        ]
    );
}

#[test]
fn closed_stdout_is_success() {
    let server = Server::start(vec![
        Reply::json(200, EZEEP_REPLY).delay(Duration::from_millis(200)),
    ]);
    let sandbox = Sandbox::new();
    let mut command = sandbox.command();
    command
        .env("EZEEP_CLIENT_ID", "abc123")
        .env("EZEEP_CLIENT_SECRET", "XyZ789")
        .env("EZEEP_TOKEN_URL", server.token_url())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn echoed_credentials_redacted() {
    let echoed = format!(
        r#"{{"error":"invalid_request","error_description":"got {} and XyZ789"}}"#,
        basic("abc123:XyZ789")
    );
    let server = Server::start(vec![Reply::json(400, &echoed)]);
    let sandbox = Sandbox::new();
    let run = run(&sandbox, &server, &[]);
    run.assert_code(77).assert_stdout_empty();
    run.assert_stderr_lacks("XyZ789");
    run.assert_stderr_lacks(basic("abc123:XyZ789").trim_start_matches("Basic "));
    run.assert_stderr_contains("got Basic <redacted> and <redacted>");
}

#[test]
fn long_error_description_cut() {
    let description = "x".repeat(1000);
    let body = format!(r#"{{"error":"invalid_request","error_description":"{description}"}}"#);
    let server = Server::start(vec![Reply::json(400, &body)]);
    let sandbox = Sandbox::new();
    let run = run(&sandbox, &server, &[]);
    run.assert_code(77).assert_stdout_empty();
    let line = run.stderr_lines()[0];
    assert!(
        line.ends_with(&format!("invalid_request: {}...", "x".repeat(183))),
        "{run}"
    );
}

#[test]
fn not_found_hints_token_url() {
    let server = Server::start(vec![
        Reply::new(404)
            .header("Content-Type", "text/html")
            .body("Not Found"),
    ]);
    let sandbox = Sandbox::new();
    let run = run(&sandbox, &server, &[]);
    run.assert_code(76).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines()[1],
        "hint: check the token URL; ezeep's is https://account.ezeep.com/oauth/access_token/"
    );
}

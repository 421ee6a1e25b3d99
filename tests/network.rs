//! Network behaviour beyond the fault matrix: retry details, redirects,
//! client authentication, secret commands, proxy selection and
//! credentials, and TLS roots. Every test starts its own loopback servers.

mod support;

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use support::{ConnectProxy, Reply, Run, Sandbox, Server, TestCa, TlsFront, basic};

const CLIENT_ID: &str = "svc-id";
/// A secret with characters that the urlencoded Basic encoding changes.
const CLIENT_SECRET: &str = "s3cr3t+/=Value";
const ENCODED_SECRET: &str = "s3cr3t%2B%2F%3DValue";
const TOKEN: &str = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzdmMtaWQifQ.c2lnbmF0dXJl";

fn token_reply() -> Reply {
    Reply::json(
        200,
        &format!(r#"{{"access_token":"{TOKEN}","token_type":"Bearer","expires_in":3600}}"#),
    )
}

const CREDENTIALS: [(&str, &str); 2] = [
    ("EZEEP_CLIENT_ID", CLIENT_ID),
    ("EZEEP_CLIENT_SECRET", CLIENT_SECRET),
];

/// Runs the binary against `url` with the test credentials, `--timeout 10`
/// unless `args` sets one, and `args` and `env` added.
fn run_against(sandbox: &Sandbox, url: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut all_args = vec!["--token-url", url];
    if !args.contains(&"--timeout") {
        all_args.extend(["--timeout", "10"]);
    }
    all_args.extend_from_slice(args);
    let mut all_env = CREDENTIALS.to_vec();
    all_env.extend_from_slice(env);
    sandbox.run_env(&all_args, &all_env)
}

/// Asserts that the output contains neither the secret nor the Basic
/// credentials.
fn assert_no_secrets(run: &Run) {
    let header = basic(&format!("{CLIENT_ID}:{ENCODED_SECRET}"));
    for secret in [
        CLIENT_SECRET,
        ENCODED_SECRET,
        header.trim_start_matches("Basic "),
    ] {
        run.assert_stderr_lacks(secret);
        assert!(
            !String::from_utf8_lossy(&run.stdout).contains(secret),
            "stdout contains a secret\n{run}"
        );
    }
}

fn assert_failed_with_one_error(run: &Run, code: i32) {
    run.assert_code(code).assert_stdout_empty();
    let lines = run.stderr_lines();
    assert!(
        !lines.is_empty() && lines.len() <= 2,
        "expected one error line and an optional hint\n{run}"
    );
    assert!(lines[0].starts_with("ezeep-token: error: "), "{run}");
}

#[test]
fn retry_logged_without_secrets() {
    let server = Server::start(vec![Reply::new(503), token_reply()]);
    let sandbox = Sandbox::new();

    let run = run_against(&sandbox, &server.token_url(), &["-v"], &[]);

    run.assert_success().assert_stdout(&format!("{TOKEN}\n"));
    run.assert_stderr_contains("attempt 1 of 3 failed: HTTP 503; retrying in 0.");
    run.assert_stderr_contains("(backoff)");
    run.assert_stderr_contains("(attempt 2,");
    assert_no_secrets(&run);
    assert_eq!(server.hits(), 2);
}

#[test]
fn retry_after_beyond_timeout_fails_fast() {
    let server = Server::start(vec![Reply::new(503).header("Retry-After", "120")]);
    let sandbox = Sandbox::new();

    let started = Instant::now();
    let run = run_against(&sandbox, &server.token_url(), &["--timeout", "20"], &[]);

    assert_failed_with_one_error(&run, 75);
    run.assert_stderr_contains(
        "gave up after 1 of 3 attempts, because the retry delay of 120 s (from Retry-After) exceeds the",
    );
    assert!(started.elapsed() < Duration::from_secs(10), "{run}");
    assert_eq!(server.hits(), 1);
}

#[test]
fn retry_after_http_date_honoured() {
    let in_one_second = SystemTime::now() + Duration::from_secs(1);
    let date = support::http_date(in_one_second.duration_since(UNIX_EPOCH).unwrap().as_secs());
    let server = Server::start(vec![
        Reply::new(429).header("Retry-After", &date),
        token_reply(),
    ]);
    let sandbox = Sandbox::new();

    let run = run_against(&sandbox, &server.token_url(), &["-v"], &[]);

    run.assert_success().assert_stdout(&format!("{TOKEN}\n"));
    run.assert_stderr_contains("(from Retry-After)");
    assert_eq!(server.hits(), 2);
}

#[test]
fn zero_retries_means_one_attempt() {
    let server = Server::start(vec![Reply::new(503)]);
    let sandbox = Sandbox::new();

    let run = run_against(&sandbox, &server.token_url(), &["--retries", "0"], &[]);

    assert_failed_with_one_error(&run, 75);
    run.assert_stderr_lacks("gave up");
    assert_eq!(server.hits(), 1);
}

#[test]
fn request_timeout_status_retried() {
    let server = Server::start(vec![Reply::new(408), token_reply()]);
    let sandbox = Sandbox::new();

    let run = run_against(&sandbox, &server.token_url(), &[], &[]);

    run.assert_success().assert_stdout(&format!("{TOKEN}\n"));
    assert_eq!(server.hits(), 2);
}

#[test]
fn rejection_after_retry_names_attempt() {
    let server = Server::start(vec![
        Reply::new(502),
        Reply::json(401, r#"{"error":"invalid_client"}"#),
    ]);
    let sandbox = Sandbox::new();

    let run = run_against(&sandbox, &server.token_url(), &[], &[]);

    assert_failed_with_one_error(&run, 77);
    run.assert_stderr_contains("ezeep-token: error: attempt 2 of 3: token request rejected");
    assert_eq!(server.hits(), 2);
}

#[test]
fn method_changing_redirects_rejected() {
    for status in [301, 302, 303] {
        let server = Server::start(vec![Reply::new(status).header("Location", "/v2/")]);
        let sandbox = Sandbox::new();

        let run = run_against(&sandbox, &server.token_url(), &[], &[]);

        assert_failed_with_one_error(&run, 76);
        run.assert_stderr_contains(&format!(
            "replied HTTP {status} redirecting to /v2/; HTTP {status} would turn the POST into a GET"
        ));
        assert_eq!(server.hits(), 1, "status {status}");
    }
}

#[test]
fn redirect_keeps_post_body_and_credentials() {
    let server = Server::with(|index, _| {
        if index == 0 {
            Reply::new(308).header("Location", "/oauth/access_token/v2/")
        } else {
            token_reply()
        }
    });
    let sandbox = Sandbox::new();

    let run = run_against(
        &sandbox,
        &server.token_url(),
        &["--client-auth", "post"],
        &[],
    );

    run.assert_success();
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].method, "POST");
    assert_eq!(requests[1].target, "/oauth/access_token/v2/");
    assert_eq!(requests[0].body, requests[1].body);
}

#[test]
fn client_auth_post_sends_body() {
    let server = Server::start(vec![token_reply()]);
    let sandbox = Sandbox::new();

    let run = run_against(
        &sandbox,
        &server.token_url(),
        &["--client-auth", "post"],
        &[],
    );

    run.assert_success();
    let request = &server.requests()[0];
    assert_eq!(request.header_count("Authorization"), 0);
    assert_eq!(
        String::from_utf8_lossy(&request.body),
        format!(
            "grant_type=client_credentials&scope=printing&client_id={CLIENT_ID}&client_secret={ENCODED_SECRET}"
        )
    );
}

#[test]
fn basic_encoding_raw_sends_literal_pair() {
    let server = Server::start(vec![token_reply()]);
    let sandbox = Sandbox::new();

    let run = run_against(
        &sandbox,
        &server.token_url(),
        &[],
        &[("EZEEP_BASIC_ENCODING", "raw")],
    );

    run.assert_success();
    let request = &server.requests()[0];
    let expected = basic(&format!("{CLIENT_ID}:{CLIENT_SECRET}"));
    assert_eq!(request.header("Authorization"), Some(expected.as_str()));
    assert_eq!(
        request.body,
        b"grant_type=client_credentials&scope=printing"
    );
}

#[test]
fn raw_encoding_rejects_colon_before_request() {
    let server = Server::start(vec![token_reply()]);
    let sandbox = Sandbox::new();

    let run = run_against(
        &sandbox,
        &server.token_url(),
        &["--client-id", "tenant:svc", "--basic-encoding", "raw"],
        &[],
    );

    assert_failed_with_one_error(&run, 78);
    run.assert_stderr_contains("client id from flag --client-id contains ':'");
    run.assert_stderr_contains("hint: use --basic-encoding urlencoded, or --client-auth post");
    assert_eq!(server.hits(), 0);
}

#[test]
fn invalid_client_hint_names_other_encoding() {
    let cases = [
        (vec![], "try --basic-encoding raw"),
        (
            vec!["--basic-encoding", "raw"],
            "try --basic-encoding urlencoded",
        ),
    ];
    for (args, hint) in cases {
        let server = Server::start(vec![Reply::json(
            401,
            r#"{"error":"invalid_client","error_description":"Client authentication failed"}"#,
        )]);
        let sandbox = Sandbox::new();

        let run = run_against(&sandbox, &server.token_url(), &args, &[]);

        assert_failed_with_one_error(&run, 77);
        run.assert_stderr_contains(hint);
        assert_no_secrets(&run);
        assert_eq!(server.hits(), 1);
    }
}

#[test]
fn plain_credentials_keep_generic_hint() {
    let server = Server::start(vec![Reply::json(401, r#"{"error":"invalid_client"}"#)]);
    let sandbox = Sandbox::new();

    let run = run_against(
        &sandbox,
        &server.token_url(),
        &[],
        &[("EZEEP_CLIENT_SECRET", "PlainSecret123")],
    );

    assert_failed_with_one_error(&run, 77);
    run.assert_stderr_contains("hint: check the client id and secret");
    run.assert_stderr_lacks("--basic-encoding");
}

#[test]
fn secret_command_output_is_secret() {
    let server = Server::start(vec![token_reply()]);
    let sandbox = Sandbox::new();

    let run = sandbox.run_env(
        &[
            "--token-url",
            &server.token_url(),
            "--client-id",
            CLIENT_ID,
            "--client-secret-command",
            "printf 'from-command\\n'",
        ],
        &[],
    );

    run.assert_stderr_lacks("warning");

    run.assert_success().assert_stdout(&format!("{TOKEN}\n"));
    let expected = basic(&format!("{CLIENT_ID}:from-command"));
    assert_eq!(
        server.requests()[0].header("Authorization"),
        Some(expected.as_str())
    );
}

#[test]
fn secret_command_precedence() {
    let server = Server::start(vec![token_reply()]);
    let sandbox = Sandbox::new();
    sandbox.write_config(
        "[profiles.default]\nclient_id = \"svc-id\"\nclient_secret_command = \"echo from-profile\"\n",
    );
    let url = server.token_url();

    let from_profile = sandbox.run(&["--token-url", &url]);
    let from_env = sandbox.run_env(
        &["--token-url", &url],
        &[("EZEEP_CLIENT_SECRET", "from-env")],
    );
    let from_flag = sandbox.run_env(
        &[
            "--token-url",
            &url,
            "--client-secret-command",
            "echo from-flag",
        ],
        &[("EZEEP_CLIENT_SECRET", "from-env")],
    );

    for run in [&from_profile, &from_env, &from_flag] {
        run.assert_success();
    }
    let sent: Vec<String> = server
        .requests()
        .iter()
        .map(|request| {
            request
                .header("Authorization")
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert_eq!(
        sent,
        [
            basic("svc-id:from-profile"),
            basic("svc-id:from-env"),
            basic("svc-id:from-flag"),
        ]
    );
}

#[test]
fn secret_command_failure_shows_stderr() {
    let server = Server::start(vec![token_reply()]);
    let sandbox = Sandbox::new();

    let run = sandbox.run_env(
        &[
            "--token-url",
            &server.token_url(),
            "--client-id",
            CLIENT_ID,
            "--client-secret-command",
            "echo 'gpg: decryption failed' >&2; exit 2",
        ],
        &[],
    );

    assert_failed_with_one_error(&run, 78);
    run.assert_stderr_contains("failed with exit status 2: stderr \"gpg: decryption failed\"");
    assert_eq!(server.hits(), 0);
}

#[test]
fn secret_command_empty_output_rejected() {
    let sandbox = Sandbox::new();

    let run = sandbox.run_env(
        &[
            "--client-id",
            CLIENT_ID,
            "--client-secret-command",
            "echo; echo 'vault is locked' >&2",
        ],
        &[],
    );

    assert_failed_with_one_error(&run, 78);
    run.assert_stderr_contains("printed no secret: stderr \"vault is locked\"");
}

#[test]
fn secret_command_timeout() {
    let sandbox = Sandbox::new();

    let started = Instant::now();
    let run = sandbox.run_env(
        &[
            "--client-id",
            CLIENT_ID,
            "--client-secret-command",
            "sleep 30",
        ],
        &[],
    );

    assert_failed_with_one_error(&run, 78);
    run.assert_stderr_contains("\"sleep 30\" did not finish within 10 s");
    assert!(started.elapsed() < Duration::from_secs(25), "{run}");
}

#[test]
fn secret_command_conflicts_with_other_flags() {
    let sandbox = Sandbox::new();

    let run = sandbox.run(&["--client-secret", "x", "--client-secret-command", "echo y"]);

    run.assert_code(2).assert_stdout_empty();
}

#[test]
fn writable_profile_with_command_rejected() {
    let sandbox = Sandbox::new();
    let path = sandbox.write_file(
        "config/ezeep-token/config.toml",
        b"[profiles.default]\nclient_id = \"a\"\nclient_secret_command = \"echo s\"\n",
        0o620,
    );

    let run = sandbox.run(&["config"]);

    assert_failed_with_one_error(&run, 78);
    run.assert_stderr_contains(&format!(
        "profile file {} sets client_secret_command and is writable by others (mode 0620)",
        path.display()
    ));
}

#[test]
fn foreign_profile_with_command_rejected() {
    let sandbox = Sandbox::new();
    let path = sandbox.write_file(
        "config/ezeep-token/config.toml",
        b"[profiles.default]\nclient_id = \"a\"\nclient_secret_command = \"echo s\"\n",
        0o600,
    );
    // Changing the owner needs root, which CI has; elsewhere this case
    // cannot be set up and the test checks nothing.
    if std::os::unix::fs::chown(&path, Some(65_534), None).is_err() {
        return;
    }

    let run = sandbox.run(&["config"]);

    assert_failed_with_one_error(&run, 78);
    run.assert_stderr_contains(&format!(
        "profile file {} sets client_secret_command and belongs to another user (uid 65534)",
        path.display()
    ));
}

#[test]
fn proxy_credentials_used_and_redacted() {
    let server = Server::start(vec![token_reply()]);
    let proxy = ConnectProxy::requiring(&basic("proxy-user:pr0xy@pass"));
    let proxy_url = format!("http://proxy-user:pr0xy%40pass@127.0.0.1:{}", proxy.port());
    let sandbox = Sandbox::new();

    let run = run_against(
        &sandbox,
        &server.token_url(),
        &["-v"],
        &[("http_proxy", &proxy_url)],
    );

    run.assert_success().assert_stdout(&format!("{TOKEN}\n"));
    run.assert_stderr_contains(&format!("proxy: http://***@127.0.0.1:{}", proxy.port()));
    for secret in ["pr0xy", "proxy-user", "cHJveHkt"] {
        run.assert_stderr_lacks(secret);
    }
    assert_no_secrets(&run);
    let requests = proxy.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].target, format!("127.0.0.1:{}", server.port()));
    assert_eq!(server.hits(), 1);
}

#[test]
fn proxy_authentication_failure_is_config_error() {
    let server = Server::start(vec![token_reply()]);
    let proxy = ConnectProxy::requiring(&basic("user:right"));
    let proxy_url = format!("http://user:wrong-pass@127.0.0.1:{}", proxy.port());
    let sandbox = Sandbox::new();

    let run = run_against(
        &sandbox,
        &server.token_url(),
        &[],
        &[("http_proxy", &proxy_url)],
    );

    assert_failed_with_one_error(&run, 78);
    run.assert_stderr_contains("requires authentication (HTTP 407)");
    run.assert_stderr_contains("hint: put the proxy user name and password in http_proxy");
    run.assert_stderr_lacks("wrong-pass");
    assert_eq!(proxy.requests().len(), 1, "a 407 is not retried\n{run}");
    assert_eq!(server.hits(), 0);
}

#[test]
fn proxy_variable_precedence() {
    let server = Server::start(vec![token_reply()]);
    let proxy = ConnectProxy::start();
    let unused = ConnectProxy::start();
    let sandbox = Sandbox::new();

    // The scheme's own variable beats ALL_PROXY, and curl ignores the
    // upper-case HTTP_PROXY.
    let run = run_against(
        &sandbox,
        &server.token_url(),
        &[],
        &[
            ("ALL_PROXY", &unused.url()),
            ("HTTP_PROXY", &unused.url()),
            ("http_proxy", &proxy.url()),
        ],
    );

    run.assert_success();
    assert_eq!(proxy.requests().len(), 1);
    assert_eq!(unused.connections(), 0);
}

#[test]
fn all_proxy_used_without_scheme_variable() {
    let server = Server::start(vec![token_reply()]);
    let proxy = ConnectProxy::start();
    let sandbox = Sandbox::new();

    let run = run_against(
        &sandbox,
        &server.token_url(),
        &[],
        &[
            ("HTTP_PROXY", "http://127.0.0.1:9"),
            ("all_proxy", &proxy.url()),
        ],
    );

    run.assert_success();
    assert_eq!(proxy.requests().len(), 1);
}

#[test]
fn no_proxy_cidr_bypasses_proxy() {
    let server = Server::start(vec![token_reply()]);
    let proxy = ConnectProxy::start();
    let sandbox = Sandbox::new();

    let run = run_against(
        &sandbox,
        &server.token_url(),
        &[],
        &[
            ("http_proxy", &proxy.url()),
            ("no_proxy", "10.0.0.0/8 127.0.0.0/8"),
        ],
    );

    run.assert_success();
    assert_eq!(proxy.connections(), 0);
    assert_eq!(server.hits(), 1);
}

#[test]
fn socks_proxy_rejected() {
    let sandbox = Sandbox::new();

    let run = run_against(
        &sandbox,
        "https://127.0.0.1:9/oauth/access_token/",
        &[],
        &[("HTTPS_PROXY", "socks5://user:hunter2@127.0.0.1:1080")],
    );

    assert_failed_with_one_error(&run, 78);
    run.assert_stderr_contains("invalid proxy URL in environment variable HTTPS_PROXY");
    run.assert_stderr_contains("SOCKS proxies are not supported");
    run.assert_stderr_lacks("hunter2");
}

#[test]
fn ssl_cert_file_adds_to_cacert() {
    let sandbox = Sandbox::new();
    let first_ca = TestCa::new("first test CA");
    let second_ca = TestCa::new("second test CA");
    let first_file = first_ca.write_pem(sandbox.path(), "first.pem");
    let second_file = second_ca.write_pem(sandbox.path(), "second.pem");
    let (first_file, second_file) = (
        first_file.to_str().unwrap().to_owned(),
        second_file.to_str().unwrap().to_owned(),
    );

    for ca in [&first_ca, &second_ca] {
        let server = Server::start(vec![token_reply()]);
        let front = TlsFront::start(ca, server.port());

        let run = run_against(
            &sandbox,
            &front.token_url(),
            &["-v", "--cacert", &first_file],
            &[("SSL_CERT_FILE", &second_file)],
        );

        run.assert_success().assert_stdout(&format!("{TOKEN}\n"));
        assert!(
            run.stderr.contains("root certificates from /")
                || run.stderr.contains("system certificate store unusable"),
            "the system roots are not reported\n{run}"
        );
        run.assert_stderr_contains(&format!(
            "added 1 root certificates from {first_file} (flag --cacert)"
        ));
        run.assert_stderr_contains(&format!(
            "added 1 root certificates from {second_file} (environment variable SSL_CERT_FILE)"
        ));
        assert_eq!(server.hits(), 1);
    }
}

#[test]
fn invalid_cacert_file_rejected() {
    let sandbox = Sandbox::new();
    let path = sandbox.write_file("not-a-cert.pem", b"hello\n", 0o644);
    let server = Server::start(vec![token_reply()]);
    let ca = TestCa::new("unused test CA");
    let front = TlsFront::start(&ca, server.port());

    let run = run_against(
        &sandbox,
        &front.token_url(),
        &["--cacert", path.to_str().unwrap()],
        &[],
    );

    assert_failed_with_one_error(&run, 78);
    run.assert_stderr_contains("the file contains no PEM certificate");
    assert_eq!(front.handshakes(), 0);
}

#[test]
fn plain_http_loads_no_roots() {
    let server = Server::start(vec![token_reply()]);
    let sandbox = Sandbox::new();

    let run = run_against(
        &sandbox,
        &server.token_url(),
        &["-v", "--cacert", "/nonexistent.pem"],
        &[],
    );

    run.assert_success();
    run.assert_stderr_lacks("root certificates");
}

#[test]
fn config_shows_network_settings() {
    let sandbox = Sandbox::new();

    let run = sandbox.run_env(
        &["config", "--retries", "4", "--cacert", "/etc/corp.pem"],
        &[
            ("EZEEP_CLIENT_AUTH", "post"),
            ("HTTPS_PROXY", "http://u:topsecret@proxy.invalid:3128"),
        ],
    );

    run.assert_success();
    let stdout = run.stdout_str();
    for line in [
        "retries        4 (flag --retries)",
        "client_auth    post (environment variable EZEEP_CLIENT_AUTH)",
        "basic_encoding urlencoded (default)",
        "extra roots    /etc/corp.pem (flag --cacert)",
        "proxy          http://***@proxy.invalid:3128 (environment variable HTTPS_PROXY)",
    ] {
        assert!(stdout.contains(line), "missing {line:?}\n{run}");
    }
    assert!(!stdout.contains("topsecret"), "{run}");
}

//! The fault matrix: the binary against loopback servers that each
//! misbehave in one way.
//!
//! `ROWS` is the table. Each row sets up its servers and runs the binary
//! once without `-v`. Then it checks the exit code, and the token on stdout
//! for the rows that succeed or an empty stdout for the others. On failure,
//! stderr must be one `ezeep-token: error:` line plus at most one `hint:`
//! line. Nothing may panic, and neither the client secret, the Basic
//! credentials nor a rejected token may appear in the output. Last, the row
//! checks what the servers received. `row_tests!` turns
//! every row into its own test in module `row`, so that rows run in parallel and fail
//! separately.

mod support;

use std::net::{Ipv4Addr, TcpListener};
use std::time::{Duration, Instant};

use support::{ConnectProxy, Reply, Run, Sandbox, Server, TestCa, TlsFront, basic};

const CLIENT_ID: &str = "svc-id";
/// A secret with characters that the urlencoded Basic encoding changes.
const CLIENT_SECRET: &str = "s3cr3t+/=Value";
const ENCODED_SECRET: &str = "s3cr3t%2B%2F%3DValue";
const TOKEN: &str = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzdmMtaWQifQ.c2lnbmF0dXJl";
const TOKEN_PATH: &str = "/oauth/access_token/";

fn token_reply() -> Reply {
    Reply::json(
        200,
        &format!(
            r#"{{"access_token":"{TOKEN}","token_type":"Bearer","expires_in":3600,"scope":"printing"}}"#
        ),
    )
}

/// Returns the `Authorization` header value that the binary sends by
/// default.
fn basic_value() -> String {
    basic(&format!("{CLIENT_ID}:{ENCODED_SECRET}"))
}

/// Checks on the servers after a run, given the run and its duration.
type Verify = Box<dyn FnOnce(&Run, Duration)>;

/// What a row sets up: where the binary sends the request, extra arguments
/// and environment, and the checks on the servers after the run. The
/// `verify` closure owns the servers, so they live until it has run.
struct Scenario {
    url: String,
    args: Vec<String>,
    env: Vec<(String, String)>,
    verify: Verify,
}

impl Scenario {
    fn new(url: String, verify: impl FnOnce(&Run, Duration) + 'static) -> Scenario {
        Scenario {
            url,
            args: Vec::new(),
            env: Vec::new(),
            verify: Box::new(verify),
        }
    }

    fn arg(mut self, arg: impl Into<String>) -> Scenario {
        self.args.push(arg.into());
        self
    }

    fn env(mut self, name: &str, value: impl Into<String>) -> Scenario {
        self.env.push((name.to_owned(), value.into()));
        self
    }
}

/// One row of the fault matrix.
struct Row {
    name: &'static str,
    setup: fn(&Sandbox) -> Scenario,
    /// The expected exit code. With 0, stdout must be the token.
    code: i32,
    /// Substrings that stderr must contain.
    stderr: &'static [&'static str],
}

const ROWS: &[Row] = &[
    Row {
        name: "connection_refused",
        setup: connection_refused,
        code: 75,
        stderr: &["gave up after 3 attempts", "Connection refused"],
    },
    Row {
        name: "accept_never_answer",
        setup: accept_never_answer,
        code: 75,
        stderr: &["timed out after 2 s"],
    },
    Row {
        name: "close_mid_headers",
        setup: close_mid_headers,
        code: 75,
        stderr: &["gave up after 3 attempts"],
    },
    Row {
        name: "close_mid_body",
        setup: close_mid_body,
        code: 75,
        stderr: &["gave up after 3 attempts"],
    },
    Row {
        name: "truncated_json",
        setup: truncated_json,
        code: 76,
        stderr: &["invalid token response", "invalid JSON"],
    },
    Row {
        name: "one_mib_body",
        setup: one_mib_body,
        code: 76,
        stderr: &["the body is larger than 64 KiB"],
    },
    Row {
        name: "empty_access_token",
        setup: empty_access_token,
        code: 76,
        stderr: &["access_token is empty"],
    },
    Row {
        name: "mac_token_type",
        setup: mac_token_type,
        code: 76,
        stderr: &["token_type \"mac\" is not supported"],
    },
    Row {
        name: "unsupported_grant_type",
        setup: unsupported_grant_type,
        code: 77,
        stderr: &["HTTP 400: unsupported_grant_type"],
    },
    Row {
        name: "unauthorized_empty_body",
        setup: unauthorized_empty_body,
        code: 77,
        stderr: &["HTTP 401 (no content type): empty body"],
    },
    Row {
        name: "forbidden_html",
        setup: forbidden_html,
        code: 77,
        stderr: &["HTTP 403 (text/html)", "Access denied"],
    },
    Row {
        name: "rate_limited_then_token",
        setup: rate_limited_then_token,
        code: 0,
        stderr: &[],
    },
    Row {
        name: "unavailable_three_times",
        setup: unavailable_three_times,
        code: 75,
        stderr: &["gave up after 3 attempts", "HTTP 503"],
    },
    Row {
        name: "bad_gateway_then_token",
        setup: bad_gateway_then_token,
        code: 0,
        stderr: &[],
    },
    Row {
        name: "temporary_redirect_same_origin",
        setup: temporary_redirect_same_origin,
        code: 0,
        stderr: &[],
    },
    Row {
        name: "permanent_redirect_other_port",
        setup: permanent_redirect_other_port,
        code: 76,
        stderr: &["HTTP 308", "redirects to another origin are not followed"],
    },
    Row {
        name: "found_redirect",
        setup: found_redirect,
        code: 76,
        stderr: &[
            "HTTP 302 redirecting to /elsewhere/",
            "turn the POST into a GET",
        ],
    },
    Row {
        name: "redirect_loop",
        setup: redirect_loop,
        code: 76,
        stderr: &["HTTP 307", "after 3 redirects"],
    },
    Row {
        name: "tls_unknown_issuer",
        setup: tls_unknown_issuer,
        code: 78,
        stderr: &[
            "is not trusted: it is signed by an unknown issuer",
            "hint:",
            "--cacert",
        ],
    },
    Row {
        name: "tls_with_cacert",
        setup: tls_with_cacert,
        code: 0,
        stderr: &[],
    },
    Row {
        name: "https_proxy_tunnel",
        setup: https_proxy_tunnel,
        code: 0,
        stderr: &[],
    },
    Row {
        name: "https_proxy_no_proxy_match",
        setup: https_proxy_no_proxy_match,
        code: 0,
        stderr: &[],
    },
];

/// Defines module `row` with one test per named row, and a test that every
/// row of `ROWS` is named, in order.
macro_rules! row_tests {
    ($($name:ident),* $(,)?) => {
        mod row {
            $(
                #[test]
                fn $name() {
                    super::run_row(stringify!($name));
                }
            )*
        }

        #[test]
        fn every_row_has_a_test() {
            let tested = [$(stringify!($name)),*];
            let rows: Vec<&str> = ROWS.iter().map(|row| row.name).collect();
            assert_eq!(rows, tested);
        }
    };
}

row_tests!(
    connection_refused,
    accept_never_answer,
    close_mid_headers,
    close_mid_body,
    truncated_json,
    one_mib_body,
    empty_access_token,
    mac_token_type,
    unsupported_grant_type,
    unauthorized_empty_body,
    forbidden_html,
    rate_limited_then_token,
    unavailable_three_times,
    bad_gateway_then_token,
    temporary_redirect_same_origin,
    permanent_redirect_other_port,
    found_redirect,
    redirect_loop,
    tls_unknown_issuer,
    tls_with_cacert,
    https_proxy_tunnel,
    https_proxy_no_proxy_match,
);

fn run_row(name: &str) {
    let row = ROWS
        .iter()
        .find(|row| row.name == name)
        .unwrap_or_else(|| panic!("no row named {name}"));
    let sandbox = Sandbox::new();
    let scenario = (row.setup)(&sandbox);

    let mut args = vec!["--token-url".to_owned(), scenario.url.clone()];
    if !scenario.args.iter().any(|arg| arg == "--timeout") {
        args.extend(["--timeout".to_owned(), "10".to_owned()]);
    }
    args.extend(scenario.args.iter().cloned());
    let mut env = vec![
        ("EZEEP_CLIENT_ID".to_owned(), CLIENT_ID.to_owned()),
        ("EZEEP_CLIENT_SECRET".to_owned(), CLIENT_SECRET.to_owned()),
    ];
    env.extend(scenario.env.iter().cloned());

    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let env: Vec<(&str, &str)> = env
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    let started = Instant::now();
    let run = sandbox.run_env(&args, &env);
    let elapsed = started.elapsed();

    run.assert_code(row.code);
    if row.code == 0 {
        run.assert_stdout(&format!("{TOKEN}\n"));
        assert_eq!(run.stderr, "", "expected no diagnostics\n{run}");
    } else {
        run.assert_stdout_empty();
        let lines = run.stderr_lines();
        assert!(
            lines.len() == 1 || lines.len() == 2,
            "expected one error line and an optional hint\n{run}"
        );
        assert!(
            lines[0].starts_with("ezeep-token: error: "),
            "the first line is not an error\n{run}"
        );
        if let Some(hint) = lines.get(1) {
            assert!(
                hint.starts_with("hint: "),
                "the second line is not a hint\n{run}"
            );
        }
    }
    for needle in row.stderr {
        run.assert_stderr_contains(needle);
    }
    run.assert_stderr_lacks("panicked");
    let basic = basic_value();
    let basic_credentials = basic.trim_start_matches("Basic ");
    // A failed run must not show the token either, even when the server
    // sent it in a reply that was rejected.
    let token = if row.code == 0 { "" } else { TOKEN };
    for secret in [CLIENT_SECRET, ENCODED_SECRET, basic_credentials, token] {
        if secret.is_empty() {
            continue;
        }
        run.assert_stderr_lacks(secret);
        assert!(
            !String::from_utf8_lossy(&run.stdout).contains(secret),
            "stdout contains a secret\n{run}"
        );
    }
    (scenario.verify)(&run, elapsed);
}

/// Asserts that `server` received `count` token requests, each a POST to
/// the token path with the default credentials and body.
fn assert_token_requests(server: &Server, count: usize, run: &Run) {
    let requests = server.requests();
    assert_eq!(requests.len(), count, "server hits\n{run}");
    for request in &requests {
        assert_eq!(request.method, "POST");
        assert_eq!(
            request.header("Authorization"),
            Some(basic_value().as_str())
        );
        assert_eq!(
            request.body, b"grant_type=client_credentials&scope=printing",
            "request body"
        );
    }
}

/// Returns a loopback port on which nothing listens, very likely.
fn closed_port() -> u16 {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind 127.0.0.1:0");
    let port = listener.local_addr().expect("address").port();
    drop(listener);
    port
}

fn connection_refused(_: &Sandbox) -> Scenario {
    let url = format!("http://127.0.0.1:{}{TOKEN_PATH}", closed_port());
    Scenario::new(url, |_, _| {})
}

fn accept_never_answer(_: &Sandbox) -> Scenario {
    let server = Server::start(vec![Reply::hang()]);
    Scenario::new(server.token_url(), move |run, elapsed| {
        assert_token_requests(&server, 1, run);
        assert!(
            elapsed < Duration::from_secs(15),
            "took {elapsed:?} with --timeout 2\n{run}"
        );
    })
    .arg("--timeout")
    .arg("2")
}

fn close_mid_headers(_: &Sandbox) -> Scenario {
    let server = Server::start(vec![Reply::raw("HTTP/1.1 200 OK\r\nContent-Type: applica")]);
    Scenario::new(server.token_url(), move |run, _| {
        assert_token_requests(&server, 3, run);
    })
}

fn close_mid_body(_: &Sandbox) -> Scenario {
    let server = Server::start(vec![Reply::raw(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 120\r\n\r\n{\"access_token\":\"eyJ",
    )]);
    Scenario::new(server.token_url(), move |run, _| {
        assert_token_requests(&server, 3, run);
    })
}

fn single_reply(reply: Reply) -> Scenario {
    let server = Server::start(vec![reply]);
    Scenario::new(server.token_url(), move |run, _| {
        assert_token_requests(&server, 1, run);
    })
}

fn truncated_json(_: &Sandbox) -> Scenario {
    single_reply(Reply::json(200, r#"{"access_token":"eyJhbGciOi"#))
}

fn one_mib_body(_: &Sandbox) -> Scenario {
    let body = format!(
        r#"{{"access_token":"{TOKEN}","padding":"{}"}}"#,
        "x".repeat(1024 * 1024)
    );
    single_reply(Reply::json(200, &body))
}

fn empty_access_token(_: &Sandbox) -> Scenario {
    single_reply(Reply::json(200, r#"{"access_token":""}"#))
}

fn mac_token_type(_: &Sandbox) -> Scenario {
    single_reply(Reply::json(
        200,
        &format!(r#"{{"access_token":"{TOKEN}","token_type":"mac"}}"#),
    ))
}

fn unsupported_grant_type(_: &Sandbox) -> Scenario {
    single_reply(Reply::json(400, r#"{"error":"unsupported_grant_type"}"#))
}

fn unauthorized_empty_body(_: &Sandbox) -> Scenario {
    single_reply(Reply::new(401))
}

fn forbidden_html(_: &Sandbox) -> Scenario {
    single_reply(
        Reply::new(403)
            .header("Content-Type", "text/html")
            .body("<html><body><h1>Access denied</h1></body></html>"),
    )
}

fn rate_limited_then_token(_: &Sandbox) -> Scenario {
    let server = Server::start(vec![
        Reply::json(429, r#"{"error":"slow_down"}"#).header("Retry-After", "1"),
        token_reply(),
    ]);
    Scenario::new(server.token_url(), move |run, elapsed| {
        assert_token_requests(&server, 2, run);
        assert!(
            elapsed >= Duration::from_millis(900),
            "Retry-After: 1 was not honoured: {elapsed:?}\n{run}"
        );
    })
}

fn unavailable_three_times(_: &Sandbox) -> Scenario {
    let server = Server::start(vec![Reply::new(503)]);
    Scenario::new(server.token_url(), move |run, _| {
        assert_token_requests(&server, 3, run);
    })
}

fn bad_gateway_then_token(_: &Sandbox) -> Scenario {
    let server = Server::start(vec![Reply::new(502), token_reply()]);
    Scenario::new(server.token_url(), move |run, _| {
        assert_token_requests(&server, 2, run);
    })
}

fn temporary_redirect_same_origin(_: &Sandbox) -> Scenario {
    let server = Server::with(|_, request| {
        if request.target == TOKEN_PATH {
            Reply::new(307).header("Location", "/v2/token/")
        } else {
            token_reply()
        }
    });
    Scenario::new(server.token_url(), move |run, _| {
        assert_token_requests(&server, 2, run);
        let requests = server.requests();
        assert_eq!(requests[0].target, TOKEN_PATH);
        assert_eq!(requests[1].target, "/v2/token/");
        assert_eq!(
            requests[0].header("Content-Type"),
            requests[1].header("Content-Type")
        );
    })
}

fn permanent_redirect_other_port(_: &Sandbox) -> Scenario {
    let other = Server::start(vec![token_reply()]);
    let location = other.token_url();
    let server = Server::start(vec![Reply::new(308).header("Location", &location)]);
    Scenario::new(server.token_url(), move |run, _| {
        assert_token_requests(&server, 1, run);
        assert_eq!(other.hits(), 0, "the other origin was contacted\n{run}");
        run.assert_stderr_contains(&location);
    })
}

fn found_redirect(_: &Sandbox) -> Scenario {
    single_reply(Reply::new(302).header("Location", "/elsewhere/"))
}

fn redirect_loop(_: &Sandbox) -> Scenario {
    let server = Server::start(vec![Reply::new(307).header("Location", TOKEN_PATH)]);
    Scenario::new(server.token_url(), move |run, _| {
        assert_token_requests(&server, 4, run);
    })
}

/// A TLS front with a certificate from a test CA, relaying to a server that
/// replies with a token, and the CA's PEM file in the sandbox.
struct TlsSetup {
    server: Server,
    front: TlsFront,
    ca_file: String,
}

fn tls_setup(sandbox: &Sandbox) -> TlsSetup {
    let ca = TestCa::new("ezeep-token fault matrix CA");
    let server = Server::start(vec![token_reply()]);
    let front = TlsFront::start(&ca, server.port());
    let ca_file = ca.write_pem(sandbox.path(), "test-ca.pem");
    TlsSetup {
        server,
        front,
        ca_file: ca_file.to_string_lossy().into_owned(),
    }
}

fn tls_unknown_issuer(sandbox: &Sandbox) -> Scenario {
    let setup = tls_setup(sandbox);
    Scenario::new(setup.front.token_url(), move |run, _| {
        assert_eq!(setup.front.handshakes(), 0, "handshake completed\n{run}");
        assert_eq!(setup.server.hits(), 0, "request reached the server\n{run}");
    })
}

fn tls_with_cacert(sandbox: &Sandbox) -> Scenario {
    let setup = tls_setup(sandbox);
    let ca_file = setup.ca_file.clone();
    Scenario::new(setup.front.token_url(), move |run, _| {
        assert_token_requests(&setup.server, 1, run);
        assert_eq!(setup.front.handshakes(), 1, "TLS handshakes\n{run}");
    })
    .arg("--cacert")
    .arg(ca_file)
}

fn https_proxy_tunnel(sandbox: &Sandbox) -> Scenario {
    let setup = tls_setup(sandbox);
    let proxy = ConnectProxy::start();
    let ca_file = setup.ca_file.clone();
    let proxy_url = proxy.url();
    let front_port = setup.front.port();
    Scenario::new(setup.front.token_url(), move |run, _| {
        assert_token_requests(&setup.server, 1, run);
        assert_eq!(setup.front.handshakes(), 1, "TLS handshakes\n{run}");
        let requests = proxy.requests();
        assert_eq!(requests.len(), 1, "proxy requests\n{run}");
        assert_eq!(requests[0].method, "CONNECT");
        assert_eq!(requests[0].target, format!("127.0.0.1:{front_port}"));
    })
    .arg("--cacert")
    .arg(ca_file)
    .env("HTTPS_PROXY", proxy_url)
}

fn https_proxy_no_proxy_match(sandbox: &Sandbox) -> Scenario {
    let setup = tls_setup(sandbox);
    let proxy = ConnectProxy::start();
    let ca_file = setup.ca_file.clone();
    let proxy_url = proxy.url();
    Scenario::new(setup.front.token_url(), move |run, _| {
        assert_token_requests(&setup.server, 1, run);
        assert_eq!(setup.front.handshakes(), 1, "TLS handshakes\n{run}");
        assert_eq!(proxy.connections(), 0, "the proxy was used\n{run}");
    })
    .arg("--cacert")
    .arg(ca_file)
    .env("HTTPS_PROXY", proxy_url)
    .env("NO_PROXY", "localhost,127.0.0.1")
}

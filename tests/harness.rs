//! Tests of the integration-test harness itself. None of them depend on the
//! behaviour of the `ezeep-token` binary.

mod support;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::io::{ErrorKind, Read, Write};
use std::net::{Ipv4Addr, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use support::{Recorded, Reply, Run, Sandbox, Server, basic};

const CLIENT_TIMEOUT: Duration = Duration::from_secs(10);

fn connect(server: &Server) -> TcpStream {
    let stream =
        TcpStream::connect((Ipv4Addr::LOCALHOST, server.port())).expect("connect to server");
    stream
        .set_read_timeout(Some(CLIENT_TIMEOUT))
        .expect("set read timeout");
    stream
}

/// Sends `request` on a new connection and reads until the server closes it.
fn exchange(server: &Server, request: &[u8]) -> Vec<u8> {
    let mut stream = connect(server);
    stream.write_all(request).expect("write request");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read response");
    response
}

/// A parsed HTTP response: status code, headers and body.
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn parse(bytes: &[u8]) -> Response {
        let text = String::from_utf8(bytes.to_vec()).expect("response is UTF-8");
        let (head, body) = text
            .split_once("\r\n\r\n")
            .expect("response has a blank line after the head");
        let mut lines = head.split("\r\n");
        let status_line = lines.next().expect("status line");
        let status = status_line
            .split(' ')
            .nth(1)
            .and_then(|code| code.parse().ok())
            .unwrap_or_else(|| panic!("invalid status line {status_line:?}"));
        let headers = lines
            .map(|line| {
                let (name, value) = line.split_once(": ").expect("header line has ': '");
                (name.to_owned(), value.to_owned())
            })
            .collect();
        Response {
            status,
            headers,
            body: body.as_bytes().to_vec(),
        }
    }

    fn header_values(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
            .collect()
    }
}

const TOKEN_REQUEST: &[u8] = b"POST /oauth/access_token/ HTTP/1.1\r\n\
    Host: 127.0.0.1\r\n\
    Authorization: Basic aWQ6c2VjcmV0\r\n\
    Content-Type: application/x-www-form-urlencoded\r\n\
    X-Twice: one\r\n\
    x-twice: two\r\n\
    Content-Length: 29\r\n\
    \r\n\
    grant_type=client_credentials";

const GET_REQUEST: &[u8] = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

#[test]
fn server_records_request() {
    let server = Server::start(vec![Reply::json(200, "{}")]);

    exchange(&server, TOKEN_REQUEST);

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/oauth/access_token/");
    assert_eq!(request.version, "HTTP/1.1");
    assert_eq!(request.body, b"grant_type=client_credentials");
    assert_eq!(request.header("authorization"), Some("Basic aWQ6c2VjcmV0"));
    assert_eq!(request.header("X-TWICE"), Some("one"));
    assert_eq!(request.header_count("x-twice"), 2);
    assert_eq!(request.header_count("Cookie"), 0);
    assert_eq!(
        request.headers[0],
        ("Host".to_owned(), "127.0.0.1".to_owned())
    );
}

#[test]
fn server_json_reply_adds_headers() {
    let server = Server::start(vec![Reply::json(201, r#"{"access_token":"abc"}"#)]);

    let response = Response::parse(&exchange(&server, TOKEN_REQUEST));

    assert_eq!(response.status, 201);
    assert_eq!(response.header_values("Content-Type"), ["application/json"]);
    assert_eq!(response.header_values("Content-Length"), ["22"]);
    assert_eq!(response.header_values("Connection"), ["close"]);
    assert_eq!(response.body, br#"{"access_token":"abc"}"#);
}

#[test]
fn server_keeps_reply_headers() {
    let reply = Reply::new(200)
        .header("Content-Length", "5")
        .header("Connection", "keep-alive")
        .header("Set-Cookie", "a=1")
        .header("Set-Cookie", "b=2")
        .body("hello");
    let server = Server::start(vec![reply, Reply::new(204)]);
    let mut stream = connect(&server);

    stream.write_all(GET_REQUEST).expect("write first request");
    let mut first = [0; 512];
    let count = stream.read(&mut first).expect("read first response");
    let first = Response::parse(&first[..count]);
    assert_eq!(first.header_values("Content-Length"), ["5"]);
    assert_eq!(first.header_values("Connection"), ["keep-alive"]);
    assert_eq!(first.header_values("Set-Cookie"), ["a=1", "b=2"]);
    assert_eq!(first.body, b"hello");

    // The keep-alive reply leaves the connection open for a second request.
    stream.write_all(GET_REQUEST).expect("write second request");
    let mut second = Vec::new();
    stream
        .read_to_end(&mut second)
        .expect("read second response");
    let second = Response::parse(&second);
    assert_eq!(second.status, 204);
    assert!(second.header_values("Content-Length").is_empty());
    assert_eq!(second.header_values("Connection"), ["close"]);
    assert_eq!(server.hits(), 2);
}

#[test]
fn server_repeats_last_reply() {
    let server = Server::start(vec![Reply::json(500, "{}"), Reply::json(200, "{}")]);

    let statuses: Vec<u16> = (0..4)
        .map(|_| Response::parse(&exchange(&server, GET_REQUEST)).status)
        .collect();

    assert_eq!(statuses, [500, 200, 200, 200]);
    assert_eq!(server.hits(), 4);
}

#[test]
fn server_with_gets_index_and_request() {
    let server =
        Server::with(|index, request| Reply::json(200, &format!("{index} {}", request.target)));

    let first = Response::parse(&exchange(&server, GET_REQUEST));
    let second = Response::parse(&exchange(&server, b"GET /two HTTP/1.1\r\n\r\n"));

    assert_eq!(first.body, b"0 /");
    assert_eq!(second.body, b"1 /two");
    assert_eq!(server.hits(), 2);
}

#[test]
fn server_raw_writes_exact_bytes() {
    let bytes = b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\ntruncated";
    let server = Server::start(vec![Reply::raw(&bytes[..])]);

    let response = exchange(&server, GET_REQUEST);

    assert_eq!(response, bytes);
    assert_eq!(server.hits(), 1);
}

#[test]
fn server_close_sends_nothing() {
    let server = Server::start(vec![Reply::close()]);

    let response = exchange(&server, TOKEN_REQUEST);

    assert!(
        response.is_empty(),
        "got {:?}",
        String::from_utf8_lossy(&response)
    );
    assert_eq!(server.hits(), 1);
    assert_eq!(server.requests()[0].body, b"grant_type=client_credentials");
}

#[test]
fn server_hang_releases_on_drop() {
    let server = Server::start(vec![Reply::hang()]);
    let mut stream = connect(&server);
    stream.write_all(GET_REQUEST).expect("write request");

    stream
        .set_read_timeout(Some(Duration::from_millis(300)))
        .expect("set read timeout");
    let mut buffer = [0; 64];
    let error = stream.read(&mut buffer).expect_err("server must not reply");
    assert!(
        matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut),
        "unexpected error {error}"
    );
    assert_eq!(server.hits(), 1);

    drop(server);
    stream
        .set_read_timeout(Some(CLIENT_TIMEOUT))
        .expect("set read timeout");
    assert_eq!(stream.read(&mut buffer).expect("read after drop"), 0);
}

#[test]
fn server_delay_waits() {
    let delay = Duration::from_millis(300);
    let server = Server::start(vec![Reply::json(200, "{}").delay(delay)]);

    let started = Instant::now();
    let response = Response::parse(&exchange(&server, GET_REQUEST));

    assert!(
        started.elapsed() >= delay,
        "replied after {:?}",
        started.elapsed()
    );
    assert_eq!(response.status, 200);
}

#[test]
fn server_records_before_delayed_reply() {
    let server = Server::start(vec![Reply::json(200, "{}").delay(Duration::from_secs(2))]);
    let mut stream = connect(&server);
    stream.write_all(GET_REQUEST).expect("write request");

    let deadline = Instant::now() + Duration::from_secs(1);
    while server.hits() == 0 && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(10));
    }

    assert_eq!(server.hits(), 1);
}

#[test]
fn server_reads_split_body() {
    let server = Server::start(vec![Reply::new(200)]);
    let mut stream = connect(&server);

    stream
        .write_all(b"POST /split HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello")
        .expect("write first part");
    thread::sleep(Duration::from_millis(100));
    stream.write_all(b" world").expect("write second part");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read response");

    assert_eq!(Response::parse(&response).status, 200);
    assert_eq!(server.requests()[0].body, b"hello world");
}

#[test]
fn server_reads_chunked_body() {
    let server = Server::start(vec![Reply::new(200)]);

    exchange(
        &server,
        b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n",
    );

    assert_eq!(server.requests()[0].body, b"hello world");
}

#[test]
fn server_sends_continue_when_expected() {
    let server = Server::start(vec![Reply::new(200)]);
    let mut stream = connect(&server);

    stream
        .write_all(b"POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
        .expect("write head");
    let mut interim = [0; 25];
    stream.read_exact(&mut interim).expect("read 100 Continue");
    assert_eq!(&interim, b"HTTP/1.1 100 Continue\r\n\r\n");

    stream.write_all(b"ok").expect("write body");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read response");
    assert_eq!(Response::parse(&response).status, 200);
    assert_eq!(server.requests()[0].body, b"ok");
}

#[test]
fn server_rejects_oversized_head() {
    let server = Server::start(vec![Reply::new(200)]);
    let filler = "a".repeat(257 * 1024);
    let request = format!("GET / HTTP/1.1\r\nX-Filler: {filler}\r\n\r\n");

    let response = Response::parse(&exchange(&server, request.as_bytes()));

    assert_eq!(response.status, 431);
    assert_eq!(server.hits(), 0);
}

#[test]
fn server_rejects_malformed_request() {
    let server = Server::start(vec![Reply::new(200)]);

    let bad_line = Response::parse(&exchange(&server, b"GARBAGE\r\n\r\n"));
    let bad_length = Response::parse(&exchange(
        &server,
        b"POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n",
    ));

    assert_eq!(bad_line.status, 400);
    assert_eq!(bad_length.status, 400);
    assert_eq!(server.hits(), 0);
}

#[test]
fn server_survives_client_disconnect() {
    let server = Server::start(vec![Reply::json(200, "{}")]);

    let mut partial = connect(&server);
    partial
        .write_all(b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc")
        .expect("write partial request");
    drop(partial);
    let mut early = connect(&server);
    early.write_all(b"GET / HT").expect("write partial head");
    drop(early);

    let response = Response::parse(&exchange(&server, GET_REQUEST));

    assert_eq!(response.status, 200);
    assert_eq!(server.hits(), 1);
    assert_eq!(server.requests()[0].method, "GET");
}

#[test]
fn server_drop_stops_accepting() {
    let server = Server::start(vec![Reply::new(200)]);
    let port = server.port();

    drop(server);

    let error =
        TcpStream::connect((Ipv4Addr::LOCALHOST, port)).expect_err("listener must be closed");
    assert_eq!(error.kind(), ErrorKind::ConnectionRefused);
}

#[test]
fn server_drop_reports_reply_panic() {
    let server = Server::with(|_, _| panic!("scripted reply failure"));

    let response = exchange(&server, GET_REQUEST);
    assert!(response.is_empty());
    assert_eq!(server.hits(), 1);

    let payload =
        panic::catch_unwind(AssertUnwindSafe(move || drop(server))).expect_err("drop must panic");
    let message = payload
        .downcast_ref::<String>()
        .expect("panic message is a String");
    assert!(message.contains("scripted reply failure"), "{message}");
}

#[test]
fn server_urls_use_loopback_port() {
    let server = Server::start(vec![Reply::new(200)]);
    let base = format!("http://127.0.0.1:{}", server.port());

    assert_ne!(server.port(), 0);
    assert_eq!(server.url("/x?y=1"), format!("{base}/x?y=1"));
    assert_eq!(server.token_url(), format!("{base}/oauth/access_token/"));
}

#[test]
fn reply_header_rejects_raw() {
    let result = panic::catch_unwind(|| Reply::raw("x").header("A", "b"));

    assert!(result.is_err());
}

#[test]
fn recorded_header_is_case_insensitive() {
    let recorded = Recorded {
        method: "GET".to_owned(),
        target: "/".to_owned(),
        version: "HTTP/1.1".to_owned(),
        headers: vec![
            ("Accept".to_owned(), "a".to_owned()),
            ("ACCEPT".to_owned(), "b".to_owned()),
        ],
        body: Vec::new(),
    };

    assert_eq!(recorded.header("accept"), Some("a"));
    assert_eq!(recorded.header("Missing"), None);
    assert_eq!(recorded.header_count("Accept"), 2);
}

#[test]
fn basic_matches_rfc4648_vectors() {
    // Test vectors from RFC 4648, section 10.
    let cases = [
        ("", "Basic "),
        ("f", "Basic Zg=="),
        ("fo", "Basic Zm8="),
        ("foo", "Basic Zm9v"),
        ("foob", "Basic Zm9vYg=="),
        ("fooba", "Basic Zm9vYmE="),
        ("foobar", "Basic Zm9vYmFy"),
    ];
    for (input, expected) in cases {
        assert_eq!(basic(input), expected, "input {input:?}");
    }
    assert_eq!(basic("id:secret"), "Basic aWQ6c2VjcmV0");
    assert_eq!(basic("ä?>"), "Basic w6Q/Pg==");
}

fn mode_of(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn sandbox_creates_layout() {
    let sandbox = Sandbox::new();
    let root = sandbox.path().to_path_buf();

    for name in ["home", "config", "cache"] {
        assert!(root.join(name).is_dir(), "{name} is missing");
    }
    assert_eq!(sandbox.config_dir(), root.join("config"));
    assert_eq!(sandbox.cache_dir(), root.join("cache"));
    assert_eq!(
        sandbox.config_file(),
        root.join("config/ezeep-token/config.toml")
    );

    drop(sandbox);
    assert!(!root.exists());
}

#[test]
fn sandbox_write_config_sets_mode() {
    let sandbox = Sandbox::new();

    let path = sandbox.write_config("client_id = \"a\"\n");

    assert_eq!(path, sandbox.config_file());
    assert_eq!(
        std::fs::read_to_string(&path).expect("read config"),
        "client_id = \"a\"\n"
    );
    assert_eq!(mode_of(&path), 0o600);
}

#[test]
fn sandbox_write_file_sets_mode() {
    let sandbox = Sandbox::new();

    let path = sandbox.write_file("dir/secret", b"s3cret", 0o644);
    assert_eq!(path, sandbox.path().join("dir/secret"));
    assert_eq!(mode_of(&path), 0o644);

    // Rewriting a read-only file replaces it and applies the new mode.
    sandbox.write_file("dir/secret", b"first", 0o400);
    let path = sandbox.write_file("dir/secret", b"second", 0o640);
    assert_eq!(std::fs::read(&path).expect("read file"), b"second");
    assert_eq!(mode_of(&path), 0o640);
}

#[test]
fn sandbox_write_file_rejects_escape() {
    let sandbox = Sandbox::new();

    for name in ["../outside", "/tmp/absolute"] {
        let result = panic::catch_unwind(AssertUnwindSafe(|| sandbox.write_file(name, b"", 0o600)));
        assert!(result.is_err(), "{name} was accepted");
    }
}

fn command_env(command: &Command) -> BTreeMap<String, Option<String>> {
    command
        .get_envs()
        .map(|(name, value)| {
            (
                name.to_string_lossy().into_owned(),
                value.map(|value| value.to_string_lossy().into_owned()),
            )
        })
        .collect()
}

#[test]
fn sandbox_command_sets_env() {
    let sandbox = Sandbox::new();
    let command = sandbox.command();
    let env = command_env(&command);
    let value = |name: &str| env.get(name).cloned().flatten();
    let path_of = |path: &Path| Some(path.to_string_lossy().into_owned());

    let mut expected_names = vec![
        "HOME",
        "LANG",
        "TZ",
        "XDG_CACHE_HOME",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
    ];
    if std::env::var_os("PATH").is_some() {
        expected_names.push("PATH");
    }
    expected_names.sort_unstable();
    assert_eq!(
        env.keys().map(String::as_str).collect::<Vec<_>>(),
        expected_names
    );

    assert_eq!(value("HOME"), path_of(&sandbox.path().join("home")));
    assert_eq!(value("XDG_CONFIG_HOME"), path_of(&sandbox.config_dir()));
    assert_eq!(value("XDG_CACHE_HOME"), path_of(&sandbox.cache_dir()));
    assert_eq!(
        value("XDG_DATA_HOME"),
        path_of(&sandbox.path().join("home/.local/share"))
    );
    assert_eq!(value("LANG").as_deref(), Some("C.UTF-8"));
    assert_eq!(value("TZ").as_deref(), Some("UTC"));
    assert_eq!(
        value("PATH"),
        std::env::var_os("PATH").map(|path| path.to_string_lossy().into_owned())
    );
    assert_eq!(command.get_current_dir(), Some(sandbox.path()));
    assert!(Path::new(command.get_program()).ends_with("ezeep-token"));

    // get_envs() lists only explicit variables and cannot show env_clear().
    // NOTE: the Debug format of Command is not stable. With Rust 1.95 on Unix
    // it contains `env -i ` after env_clear().
    let debug = format!("{command:?}");
    assert!(
        debug.contains(" && env -i ") || debug.starts_with("env -i "),
        "expected a cleared environment, or std changed the Debug format of Command: {debug}"
    );
}

/// Marks the child process that `sandbox_command_scrubs_inherited_env` starts.
const SCRUB_CHILD_MARKER: &str = "HARNESS_SCRUB_CHILD";

/// Inherited variables that must not reach the binary.
const LEAKY_ENV: [(&str, &str); 7] = [
    ("EZEEP_CLIENT_ID", "leaked-id"),
    ("EZEEP_CLIENT_SECRET", "leaked-secret"),
    ("HTTPS_PROXY", "leaked-proxy"),
    ("https_proxy", "leaked-proxy"),
    ("http_proxy", "leaked-proxy"),
    ("ALL_PROXY", "leaked-proxy"),
    ("no_proxy", "leaked-proxy"),
];

/// Runs `sandbox_command_env_in_child` in a copy of this test binary whose
/// environment contains `LEAKY_ENV`. Setting the variables in this process
/// instead would race with other test threads that read the environment.
#[test]
fn sandbox_command_scrubs_inherited_env() {
    let test_binary = std::env::current_exe().expect("path of the test binary");
    let output = Command::new(test_binary)
        .args(["--exact", "sandbox_command_env_in_child", "--ignored"])
        .env(SCRUB_CHILD_MARKER, "1")
        .envs(LEAKY_ENV)
        .output()
        .expect("run the test binary");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let report = format!(
        "stdout:\n{stdout}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );

    assert!(output.status.success(), "child test failed\n{report}");
    assert!(
        stdout.contains("1 passed"),
        "child test did not run\n{report}"
    );
}

#[test]
#[ignore = "runs inside sandbox_command_scrubs_inherited_env"]
fn sandbox_command_env_in_child() {
    if std::env::var_os(SCRUB_CHILD_MARKER).is_none() {
        return;
    }
    for (name, value) in LEAKY_ENV {
        assert_eq!(
            std::env::var(name).as_deref(),
            Ok(value),
            "{name} is not set in the child"
        );
    }

    let sandbox = Sandbox::new();
    let env = command_env(&sandbox.command());

    for name in env.keys() {
        assert!(!name.starts_with("EZEEP_"), "{name} reaches the binary");
        assert!(
            !name.to_ascii_lowercase().ends_with("_proxy"),
            "{name} reaches the binary"
        );
        assert_ne!(name, SCRUB_CHILD_MARKER, "{name} reaches the binary");
    }
    assert!(
        env.values()
            .flatten()
            .all(|value| !value.starts_with("leaked")),
        "an inherited value reaches the binary: {env:?}"
    );
    assert!(
        sandbox
            .command()
            .get_envs()
            .all(|(name, _)| name != OsStr::new("http_proxy"))
    );
}

fn sample_run() -> Run {
    Run {
        command: "EZEEP_CLIENT_ID=abc ezeep-token --json 'a b'".to_owned(),
        code: Some(2),
        stdout: b"token\n".to_vec(),
        stderr: "error: first\nhint: second\n".to_owned(),
    }
}

fn panic_message(result: std::thread::Result<()>) -> String {
    let payload = result.expect_err("expected a panic");
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| {
            payload
                .downcast_ref::<&str>()
                .map(|text| (*text).to_owned())
        })
        .expect("panic message is text")
}

#[test]
fn run_display_shows_report() {
    let report = sample_run().to_string();

    assert!(
        report.contains("command: EZEEP_CLIENT_ID=abc ezeep-token --json 'a b'"),
        "{report}"
    );
    assert!(report.contains("exit code: 2"), "{report}");
    assert!(
        report.contains("--- stdout (6 bytes) ---\ntoken\n"),
        "{report}"
    );
    assert!(report.contains("error: first\nhint: second\n"), "{report}");
}

#[test]
fn run_assertions_pass() {
    let run = sample_run();

    run.assert_code(2)
        .assert_stdout("token\n")
        .assert_stderr_contains("first")
        .assert_stderr_lacks("secret");
    assert_eq!(run.stdout_str(), "token\n");
    assert_eq!(run.stderr_lines(), ["error: first", "hint: second"]);
}

/// An assertion call on a `Run` that is expected to panic.
type RunCheck = fn(&Run);

#[test]
fn run_assertions_panic_with_report() {
    let run = sample_run();
    let checks: [(&str, RunCheck); 5] = [
        ("assert_success", |run| {
            run.assert_success();
        }),
        ("assert_stdout", |run| {
            run.assert_stdout("token");
        }),
        ("assert_stdout_empty", |run| {
            run.assert_stdout_empty();
        }),
        ("assert_stderr_contains", |run| {
            run.assert_stderr_contains("missing");
        }),
        ("assert_stderr_lacks", |run| {
            run.assert_stderr_lacks("second");
        }),
    ];

    for (name, check) in checks {
        let message = panic_message(panic::catch_unwind(AssertUnwindSafe(|| check(&run))));
        assert!(
            message.contains("hint: second"),
            "{name} panicked without the report: {message}"
        );
    }
}

#[test]
fn run_stdout_str_rejects_invalid_utf8() {
    let run = Run {
        stdout: vec![0xff, b'x'],
        ..sample_run()
    };

    let message = panic_message(panic::catch_unwind(|| {
        run.stdout_str();
    }));

    assert!(message.contains("not valid UTF-8"), "{message}");
    assert!(
        message.contains("invalid UTF-8 shown as U+FFFD"),
        "{message}"
    );
}

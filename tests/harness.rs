//! Tests of the integration-test harness itself. None of them depend on the
//! behaviour of the `ezeep-token` binary.

mod support;

use std::io::{ErrorKind, Read, Write};
use std::net::{Ipv4Addr, TcpStream};
use std::panic::{self, AssertUnwindSafe};
use std::thread;
use std::time::{Duration, Instant};

use support::{Recorded, Reply, Server, basic};

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
    let filler = "a".repeat(17 * 1024);
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

//! Scripted HTTP/1.1 server on 127.0.0.1 with one thread per connection.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// Maximum size in bytes of a request line plus its header lines. A larger
/// request head gets a 431 reply and is not recorded. It is above the
/// largest head that ezeep-token sends: a client id and a secret of 4096
/// characters each make an `Authorization` header of about 128 KiB.
const MAX_HEAD_BYTES: usize = 256 * 1024;

/// Maximum time that `Drop for Server` waits to connect to its own listener.
const WAKE_TIMEOUT: Duration = Duration::from_secs(5);

/// Maximum time that a connection drains unread request bytes after its
/// final reply before it closes.
const LINGER_TIMEOUT: Duration = Duration::from_secs(1);

/// One scripted HTTP reply.
#[derive(Clone, Debug)]
pub struct Reply {
    action: Action,
    delay: Duration,
}

#[derive(Clone, Debug)]
enum Action {
    Respond {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    Raw(Vec<u8>),
    Close,
    Hang,
}

impl Reply {
    /// Creates a reply with `Content-Type: application/json` and `body`.
    pub fn json(status: u16, body: &str) -> Reply {
        Reply::new(status)
            .header("Content-Type", "application/json")
            .body(body)
    }

    /// Creates a reply with `status`, an empty body and no headers besides
    /// the `Content-Length` and `Connection: close` that the server adds.
    pub fn new(status: u16) -> Reply {
        Reply::with_action(Action::Respond {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        })
    }

    /// Adds a response header. Calling it twice with one name sends the
    /// header twice. A `Content-Length`, `Transfer-Encoding` or `Connection`
    /// header set here replaces the one that the server would add.
    ///
    /// # Panics
    ///
    /// Panics on a reply made by `raw`, `close` or `hang`, which send no headers.
    #[track_caller]
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        match &mut self.action {
            Action::Respond { headers, .. } => headers.push((name.to_owned(), value.to_owned())),
            other => panic!("Reply::header needs a Reply::new or Reply::json reply, not {other:?}"),
        }
        self
    }

    /// Replaces the response body.
    ///
    /// # Panics
    ///
    /// Panics on a reply made by `raw`, `close` or `hang`, which send no body.
    #[track_caller]
    pub fn body(mut self, bytes: impl Into<Vec<u8>>) -> Reply {
        match &mut self.action {
            Action::Respond { body, .. } => *body = bytes.into(),
            other => panic!("Reply::body needs a Reply::new or Reply::json reply, not {other:?}"),
        }
        self
    }

    /// Sets how long the server waits after recording the request before it
    /// replies, closes the connection or starts to hang.
    pub fn delay(mut self, d: Duration) -> Reply {
        self.delay = d;
        self
    }

    /// Creates a reply that writes exactly `bytes` and then closes the connection.
    pub fn raw(bytes: impl Into<Vec<u8>>) -> Reply {
        Reply::with_action(Action::Raw(bytes.into()))
    }

    /// Creates a reply that reads the request and closes the connection
    /// without writing anything.
    pub fn close() -> Reply {
        Reply::with_action(Action::Close)
    }

    /// Creates a reply that reads the request and never replies. The
    /// connection stays open until the `Server` is dropped.
    pub fn hang() -> Reply {
        Reply::with_action(Action::Hang)
    }

    fn with_action(action: Action) -> Reply {
        Reply {
            action,
            delay: Duration::ZERO,
        }
    }
}

/// A request as received. Header names keep their case and order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    pub method: String,
    pub target: String,
    pub version: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    /// Returns the value of the first header named `name`, compared
    /// ASCII case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// Counts the headers named `name`, compared ASCII case-insensitively.
    pub fn header_count(&self, name: &str) -> usize {
        self.headers
            .iter()
            .filter(|(header, _)| header.eq_ignore_ascii_case(name))
            .count()
    }

    fn wants_close(&self) -> bool {
        self.version != "HTTP/1.1"
            || self
                .headers
                .iter()
                .filter(|(name, _)| name.eq_ignore_ascii_case("Connection"))
                .any(|(_, value)| has_token(value, "close"))
    }
}

/// A loopback HTTP/1.1 server on 127.0.0.1 with an ephemeral port and one
/// thread per connection.
///
/// Each request is recorded before its reply is computed and sent. Dropping
/// the server stops accepting connections and shuts down every open one,
/// hanging ones included. When a `Server::with` function panicked, dropping
/// the server panics with its messages, unless the thread is already panicking.
pub struct Server {
    address: SocketAddr,
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
}

type ReplyFunction = dyn Fn(usize, &Recorded) -> Reply + Send + Sync;

/// State that the acceptor and connection threads share with the `Server`.
struct Shared {
    reply_for: Box<ReplyFunction>,
    requests: Mutex<Vec<Recorded>>,
    stopping: AtomicBool,
    /// Open connections by id, so that `Drop for Server` can shut them down.
    connections: Mutex<HashMap<u64, TcpStream>>,
    next_connection_id: AtomicU64,
    /// Messages of panics raised by the reply function.
    reply_panics: Mutex<Vec<String>>,
}

impl Server {
    /// Starts a server that sends reply `i` for request `i` and repeats the
    /// last reply for every later request.
    ///
    /// # Panics
    ///
    /// Panics if `replies` is empty.
    #[track_caller]
    pub fn start(replies: Vec<Reply>) -> Server {
        assert!(
            !replies.is_empty(),
            "Server::start needs at least one reply"
        );
        let last = replies.len() - 1;
        Server::with(move |index, _| replies[index.min(last)].clone())
    }

    /// Starts a server that calls `f` with the 0-based request index and the
    /// recorded request to compute each reply. When `f` panics, the server
    /// closes that connection without replying.
    pub fn with(f: impl Fn(usize, &Recorded) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .unwrap_or_else(|error| panic!("failed to bind 127.0.0.1:0: {error}"));
        let address = listener
            .local_addr()
            .unwrap_or_else(|error| panic!("failed to read the listener address: {error}"));

        let shared = Arc::new(Shared {
            reply_for: Box::new(f),
            requests: Mutex::new(Vec::new()),
            stopping: AtomicBool::new(false),
            connections: Mutex::new(HashMap::new()),
            next_connection_id: AtomicU64::new(0),
            reply_panics: Mutex::new(Vec::new()),
        });

        let acceptor_shared = Arc::clone(&shared);
        let acceptor = thread::Builder::new()
            .name(format!("test-server-{}-accept", address.port()))
            .spawn(move || accept_connections(listener, acceptor_shared))
            .unwrap_or_else(|error| panic!("failed to spawn the accept thread: {error}"));

        Server {
            address,
            shared,
            acceptor: Some(acceptor),
        }
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    /// Returns `"http://127.0.0.1:PORT"` followed by `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port())
    }

    /// Returns the URL of the ezeep Blue token endpoint path on this server.
    pub fn token_url(&self) -> String {
        self.url("/oauth/access_token/")
    }

    /// Returns a copy of the recorded requests in arrival order.
    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.shared.requests).clone()
    }

    /// Returns the number of requests recorded so far. A request counts once
    /// its head and body were read, even if the client left before the reply.
    pub fn hits(&self) -> usize {
        lock(&self.shared.requests).len()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);

        // The acceptor blocks in accept(), so the server connects to itself to
        // wake it. Without that connection a join could block forever, so the
        // thread is then left detached.
        let woke = TcpStream::connect_timeout(&self.address, WAKE_TIMEOUT).is_ok();
        if let Some(acceptor) = self.acceptor.take()
            && woke
        {
            let _ = acceptor.join();
        }

        for (_, stream) in lock(&self.shared.connections).drain() {
            let _ = stream.shutdown(Shutdown::Both);
        }

        let reply_panics = std::mem::take(&mut *lock(&self.shared.reply_panics));
        if !reply_panics.is_empty() && !thread::panicking() {
            panic!(
                "the Server::with reply function panicked:\n{}",
                reply_panics.join("\n")
            );
        }
    }
}

impl Shared {
    /// Stores `request` and returns its 0-based index in arrival order.
    fn record(&self, request: &Recorded) -> usize {
        let mut requests = lock(&self.requests);
        requests.push(request.clone());
        requests.len() - 1
    }

    /// Calls the reply function and returns `None` if it panicked.
    fn compute_reply(&self, index: usize, request: &Recorded) -> Option<Reply> {
        match panic::catch_unwind(AssertUnwindSafe(|| (self.reply_for)(index, request))) {
            Ok(reply) => Some(reply),
            Err(payload) => {
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|text| (*text).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "non-string panic payload".to_owned());
                lock(&self.reply_panics).push(format!("request {index}: {message}"));
                None
            }
        }
    }
}

/// Locks `mutex` even if it is poisoned. The data stays consistent after a
/// panic because each critical section in this module is one push, take or
/// clone.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn accept_connections(listener: TcpListener, shared: Arc<Shared>) {
    for incoming in listener.incoming() {
        if shared.stopping.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = incoming else {
            // Errors such as EMFILE pass once other connections close, so
            // the acceptor waits briefly instead of spinning.
            thread::sleep(Duration::from_millis(10));
            continue;
        };

        let connection_shared = Arc::clone(&shared);
        // If the spawn fails, the stream is dropped and the client sees a
        // closed connection.
        let _ = thread::Builder::new()
            .name("test-server-connection".to_owned())
            .spawn(move || handle_connection(stream, &connection_shared));
    }
}

/// How a connection ended.
enum Outcome {
    Closed,
    Hang,
}

fn handle_connection(stream: TcpStream, shared: &Shared) {
    let id = shared.next_connection_id.fetch_add(1, Ordering::SeqCst);
    if let Ok(clone) = stream.try_clone() {
        lock(&shared.connections).insert(id, clone);
    }

    let mut reader = BufReader::new(stream);
    let outcome = serve_requests(&mut reader, shared);

    let mut connections = lock(&shared.connections);
    match outcome {
        // The registered clone stays, so the socket stays open until
        // `Drop for Server` shuts it down. Past that point nothing would shut
        // it down, so the stream is dropped instead.
        Outcome::Hang if !shared.stopping.load(Ordering::SeqCst) => {
            connections.insert(id, reader.into_inner());
        }
        Outcome::Hang | Outcome::Closed => {
            connections.remove(&id);
        }
    }
}

/// Reads requests from one connection and sends their replies until the
/// connection closes or a reply hangs. I/O errors end the connection quietly
/// because clients may leave at any point.
fn serve_requests(reader: &mut BufReader<TcpStream>, shared: &Shared) -> Outcome {
    loop {
        let request = match read_request(reader) {
            Ok(Some(request)) => request,
            Ok(None) | Err(RequestError::Disconnected) => return Outcome::Closed,
            Err(RequestError::Invalid { status, message }) => {
                let port = reader
                    .get_ref()
                    .local_addr()
                    .map_or(0, |address| address.port());
                eprintln!(
                    "test server on port {port}: replied {status} to an invalid request: {message}"
                );
                if write_error(reader.get_mut(), status, &message).is_ok() {
                    close_after_reply(reader.get_mut());
                }
                return Outcome::Closed;
            }
        };

        let index = shared.record(&request);
        let Some(reply) = shared.compute_reply(index, &request) else {
            return Outcome::Closed;
        };
        if !reply.delay.is_zero() {
            thread::sleep(reply.delay);
        }

        let stream = reader.get_mut();
        match reply.action {
            Action::Respond {
                status,
                headers,
                body,
            } => {
                let omit_body = request.method.eq_ignore_ascii_case("HEAD");
                if write_response(stream, status, &headers, &body, omit_body).is_err() {
                    return Outcome::Closed;
                }
                if request.wants_close() || !keeps_alive(&headers) {
                    close_after_reply(stream);
                    return Outcome::Closed;
                }
            }
            Action::Raw(bytes) => {
                if stream.write_all(&bytes).is_ok() {
                    close_after_reply(stream);
                }
                return Outcome::Closed;
            }
            Action::Close => return Outcome::Closed,
            Action::Hang => return Outcome::Hang,
        }
    }
}

/// Shuts down the write side of `stream` and reads unread request bytes for
/// up to `LINGER_TIMEOUT`. Closing a socket with unread input makes the kernel
/// send a reset, which can discard the reply before the client reads it.
fn close_after_reply(stream: &mut TcpStream) {
    if stream.shutdown(Shutdown::Write).is_err()
        || stream.set_read_timeout(Some(LINGER_TIMEOUT)).is_err()
    {
        return;
    }
    let deadline = Instant::now() + LINGER_TIMEOUT;
    let mut discarded = [0; 4096];
    while Instant::now() < deadline {
        match stream.read(&mut discarded) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

/// Writes a reply. `Content-Length` and `Connection: close` are added unless
/// the reply sets them. `Content-Length` is also left out when the reply sets
/// `Transfer-Encoding`, and for 1xx and 204 replies, which must not carry it.
fn write_response(
    stream: &mut TcpStream,
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
    omit_body: bool,
) -> std::io::Result<()> {
    let sets = |name: &str| {
        headers
            .iter()
            .any(|(header, _)| header.eq_ignore_ascii_case(name))
    };

    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason_phrase(status));
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    let forbids_length = (100..200).contains(&status) || status == 204;
    if !sets("Content-Length") && !sets("Transfer-Encoding") && !forbids_length {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    if !sets("Connection") {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");

    let mut message = head.into_bytes();
    if !omit_body {
        message.extend_from_slice(body);
    }
    stream.write_all(&message)?;
    stream.flush()
}

/// Returns whether the connection may carry another request after a reply
/// with `headers`. Only a reply that sets its own `Connection` header without
/// the `close` token keeps the connection open.
fn keeps_alive(headers: &[(String, String)]) -> bool {
    let mut connection_values = headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("Connection"))
        .map(|(_, value)| value)
        .peekable();
    connection_values.peek().is_some() && !connection_values.any(|value| has_token(value, "close"))
}

/// Returns whether the comma-separated header `value` contains `token`,
/// compared ASCII case-insensitively.
fn has_token(value: &str, token: &str) -> bool {
    value
        .split(',')
        .any(|item| item.trim().eq_ignore_ascii_case(token))
}

fn write_error(stream: &mut TcpStream, status: u16, message: &str) -> std::io::Result<()> {
    let body = format!("{message}\n");
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        reason_phrase(status),
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body.as_bytes())
}

/// Returns the reason phrase from RFC 9110 for common codes and an empty
/// phrase, which HTTP/1.1 allows, for the rest.
fn reason_phrase(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

enum RequestError {
    /// The client closed the connection or a read failed mid-request.
    Disconnected,
    /// The request is malformed or too large and gets an error reply.
    Invalid { status: u16, message: String },
}

fn invalid(status: u16, message: impl Into<String>) -> RequestError {
    RequestError::Invalid {
        status,
        message: message.into(),
    }
}

/// Reads one request. Returns `Ok(None)` when the connection closes before
/// the first byte of a request.
fn read_request(reader: &mut BufReader<TcpStream>) -> Result<Option<Recorded>, RequestError> {
    let mut head_budget = MAX_HEAD_BYTES;

    // RFC 9112, section 2.2 lets a server skip empty lines before the request line.
    let request_line = loop {
        match read_line(reader, &mut head_budget)? {
            None => return Ok(None),
            Some(line) if line.is_empty() => continue,
            Some(line) => break String::from_utf8_lossy(&line).into_owned(),
        }
    };
    let parts: Vec<&str> = request_line.split(' ').collect();
    let [method, target, version] = parts[..] else {
        return Err(invalid(
            400,
            format!("malformed request line {request_line:?}"),
        ));
    };
    if method.is_empty() || target.is_empty() || !version.starts_with("HTTP/") {
        return Err(invalid(
            400,
            format!("malformed request line {request_line:?}"),
        ));
    }

    let mut headers = Vec::new();
    loop {
        let line = read_line(reader, &mut head_budget)?.ok_or(RequestError::Disconnected)?;
        if line.is_empty() {
            break;
        }
        headers.push(parse_header_line(&line)?);
    }

    let mut request = Recorded {
        method: method.to_owned(),
        target: target.to_owned(),
        version: version.to_owned(),
        headers,
        body: Vec::new(),
    };

    let framing = body_framing(&request)?;
    let expects_continue = request
        .header("Expect")
        .is_some_and(|value| value.eq_ignore_ascii_case("100-continue"));
    if expects_continue && request.version == "HTTP/1.1" && !matches!(framing, Framing::Length(0)) {
        reader
            .get_mut()
            .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
            .map_err(|_| RequestError::Disconnected)?;
    }

    request.body = match framing {
        Framing::Length(length) => read_exact_body(reader, length)?,
        Framing::Chunked => read_chunked_body(reader)?,
    };
    Ok(Some(request))
}

/// Reads one line ending in LF and strips the line ending, CR included.
/// Returns `Ok(None)` at end of stream before any byte. `budget` is the number
/// of bytes that may still be read and shrinks by the bytes read.
fn read_line(
    reader: &mut impl BufRead,
    budget: &mut usize,
) -> Result<Option<Vec<u8>>, RequestError> {
    let too_large = || invalid(431, format!("request head exceeds {MAX_HEAD_BYTES} bytes"));
    if *budget == 0 {
        return Err(too_large());
    }

    let mut line = Vec::new();
    let count = reader
        .take(*budget as u64)
        .read_until(b'\n', &mut line)
        .map_err(|_| RequestError::Disconnected)?;
    *budget -= count;

    if count == 0 {
        return Ok(None);
    }
    if line.last() != Some(&b'\n') {
        return Err(if *budget == 0 {
            too_large()
        } else {
            RequestError::Disconnected
        });
    }

    line.pop();
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Some(line))
}

fn parse_header_line(line: &[u8]) -> Result<(String, String), RequestError> {
    let text = String::from_utf8_lossy(line);
    if text.starts_with([' ', '\t']) {
        return Err(invalid(
            400,
            format!("obsolete line folding in header line {text:?}"),
        ));
    }
    let Some((name, value)) = text.split_once(':') else {
        return Err(invalid(
            400,
            format!("header line without a colon: {text:?}"),
        ));
    };
    if name.is_empty() || name.contains(|c: char| c.is_ascii_whitespace()) {
        return Err(invalid(400, format!("invalid header name in {text:?}")));
    }
    Ok((name.to_owned(), value.trim_matches([' ', '\t']).to_owned()))
}

/// How the request body is delimited.
enum Framing {
    Length(u64),
    Chunked,
}

fn body_framing(request: &Recorded) -> Result<Framing, RequestError> {
    if let Some(encoding) = request.header("Transfer-Encoding") {
        // RFC 9112, section 6.3: chunked must be the final coding, and it
        // overrides any Content-Length.
        let final_coding = encoding.rsplit(',').next().unwrap_or_default().trim();
        if final_coding.eq_ignore_ascii_case("chunked") {
            return Ok(Framing::Chunked);
        }
        return Err(invalid(
            501,
            format!("unsupported Transfer-Encoding {encoding:?}"),
        ));
    }

    let mut length = None;
    for (name, value) in &request.headers {
        if !name.eq_ignore_ascii_case("Content-Length") {
            continue;
        }
        let parsed = if !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_digit()) {
            value.parse::<u64>().ok()
        } else {
            None
        };
        let Some(parsed) = parsed else {
            return Err(invalid(400, format!("invalid Content-Length {value:?}")));
        };
        if length.is_some_and(|earlier| earlier != parsed) {
            return Err(invalid(400, "conflicting Content-Length headers"));
        }
        length = Some(parsed);
    }
    Ok(Framing::Length(length.unwrap_or(0)))
}

fn read_exact_body(reader: &mut impl BufRead, length: u64) -> Result<Vec<u8>, RequestError> {
    let mut body = Vec::new();
    reader
        .take(length)
        .read_to_end(&mut body)
        .map_err(|_| RequestError::Disconnected)?;
    if body.len() as u64 != length {
        return Err(RequestError::Disconnected);
    }
    Ok(body)
}

/// Reads a chunked body and discards its trailer fields. Chunk-size lines and
/// trailers share one budget of `MAX_HEAD_BYTES`.
fn read_chunked_body(reader: &mut impl BufRead) -> Result<Vec<u8>, RequestError> {
    let mut line_budget = MAX_HEAD_BYTES;
    let mut body = Vec::new();

    loop {
        let line = read_line(reader, &mut line_budget)?.ok_or(RequestError::Disconnected)?;
        let text = String::from_utf8_lossy(&line);
        let size_text = text.split(';').next().unwrap_or_default().trim();
        let Ok(size) = u64::from_str_radix(size_text, 16) else {
            return Err(invalid(400, format!("invalid chunk size line {text:?}")));
        };
        if size == 0 {
            break;
        }

        body.extend(read_exact_body(reader, size)?);
        let terminator = read_line(reader, &mut line_budget)?.ok_or(RequestError::Disconnected)?;
        if !terminator.is_empty() {
            return Err(invalid(400, "chunk data is longer than its size"));
        }
    }

    loop {
        let trailer = read_line(reader, &mut line_budget)?.ok_or(RequestError::Disconnected)?;
        if trailer.is_empty() {
            return Ok(body);
        }
    }
}

//! A local OAuth 2.0 token endpoint that behaves like the ezeep Blue
//! authorization service, for demos, manual tests and benchmarks.
//!
//! It serves `POST /oauth/access_token/` with the client-credentials grant:
//! HTTP Basic client authentication whose id and secret are percent-encoded
//! before base64 (RFC 6749 section 2.3.1), a form-encoded request body, a
//! JSON token reply (section 5.1) and JSON errors (section 5.2). On start it
//! prints the token URL as one line on stdout. Then it logs one line per
//! request on stderr, with the client id but never the secret.
//!
//! With `--tls-cert` and `--tls-key` it serves HTTPS instead of HTTP, with
//! rustls and the ring provider, the same TLS stack that ezeep-token uses.
//!
//! Left out: keep-alive, ALPN, chunked request bodies, grant types other than
//! `client_credentials`, refresh tokens, and client credentials sent in the
//! request body. The access token only has the shape of a JWT. Its signature
//! part is 32 bytes derived from the request counter and the time, and
//! nothing verifies it. The endpoint listens on loopback addresses only.
//!
//! Run `cargo run --example token_endpoint -- --help` for the options.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use std::{env, process, thread};

use anyhow::Context;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::{ServerConfig, ServerConnection, StreamOwned};
use serde_json::json;

const TOKEN_PATH: &str = "/oauth/access_token/";
const MAX_HEADER_BYTES: usize = 16 * 1024;
const MAX_BODY_BYTES: usize = 64 * 1024;
/// Maximum wait for each read of the request. A read that times out gets 408.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

const USAGE: &str = "\
Usage: token_endpoint [OPTIONS]

Serve an ezeep-compatible OAuth 2.0 token endpoint (client-credentials grant)
on a loopback address. Prints the token URL on stdout, then logs one line per
request on stderr.

Options:
  --addr ADDR             Listen address IP:PORT, loopback only; port 0 picks
                          a free port [default: 127.0.0.1:0]
  --client-id ID          Accepted client id [default: demo-client]
  --client-secret SECRET  Accepted client secret [default: demo-secret]
  --scopes LIST           Allowed scopes, space- or comma-separated; a request
                          without scope gets all of them [default: printing]
  --expires-in SECONDS    Token lifetime in seconds [default: 3600]
  --delay-ms MILLISECONDS Wait this long before each reply [default: 0]
  --tls-cert PEM          Serve HTTPS with the certificate chain in this PEM
                          file, server certificate first; needs --tls-key
  --tls-key PEM           Private key (PKCS #8, PKCS #1 or SEC1) in PEM for
                          --tls-cert
  --quiet                 Do not log requests
  -h, --help              Print this help
";

struct Config {
    addr: SocketAddr,
    client_id: String,
    client_secret: String,
    scopes: Vec<String>,
    expires_in: u64,
    delay: Duration,
    /// Certificate chain and private key files for HTTPS. `parse_args`
    /// sets both or neither.
    tls_cert: Option<PathBuf>,
    tls_key: Option<PathBuf>,
    quiet: bool,
}

fn main() {
    let config = match parse_args(env::args().skip(1)) {
        Ok(Some(config)) => config,
        Ok(None) => {
            print!("{USAGE}");
            return;
        }
        Err(message) => {
            eprintln!("token_endpoint: error: {message} (see --help)");
            process::exit(2);
        }
    };
    if let Err(error) = serve(config) {
        eprintln!("token_endpoint: error: {error:#}");
        process::exit(1);
    }
}

/// Parses the command-line options. Returns `None` when `--help` is given.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Config>, String> {
    let mut config = Config {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        client_id: "demo-client".to_string(),
        client_secret: "demo-secret".to_string(),
        scopes: vec!["printing".to_string()],
        expires_in: 3600,
        delay: Duration::ZERO,
        tls_cert: None,
        tls_key: None,
        quiet: false,
    };
    while let Some(arg) = args.next() {
        // Both `--name value` and `--name=value` are accepted.
        let (name, inline_value) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = || {
            inline_value
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("missing value for {name}"))
        };
        match name {
            "-h" | "--help" => return Ok(None),
            "--quiet" if inline_value.is_none() => config.quiet = true,
            "--addr" => config.addr = parse_loopback_addr(&value()?)?,
            "--client-id" => config.client_id = parse_non_empty(name, value()?)?,
            "--client-secret" => config.client_secret = parse_non_empty(name, value()?)?,
            "--scopes" => config.scopes = parse_scopes(&value()?)?,
            "--expires-in" => config.expires_in = parse_number(name, &value()?)?,
            "--delay-ms" => config.delay = Duration::from_millis(parse_number(name, &value()?)?),
            "--tls-cert" => config.tls_cert = Some(parse_non_empty(name, value()?)?.into()),
            "--tls-key" => config.tls_key = Some(parse_non_empty(name, value()?)?.into()),
            _ => return Err(format!("unknown argument {arg:?}")),
        }
    }
    match (&config.tls_cert, &config.tls_key) {
        (Some(_), None) => return Err("--tls-cert needs --tls-key".to_string()),
        (None, Some(_)) => return Err("--tls-key needs --tls-cert".to_string()),
        _ => {}
    }
    Ok(Some(config))
}

fn parse_loopback_addr(text: &str) -> Result<SocketAddr, String> {
    let addr: SocketAddr = text.parse().map_err(|_| {
        format!("invalid --addr {text:?}: expected IP:PORT such as 127.0.0.1:8080 or [::1]:8080")
    })?;
    if !addr.ip().is_loopback() {
        return Err(format!(
            "--addr {addr} is not a loopback address: use 127.0.0.1 or [::1]"
        ));
    }
    Ok(addr)
}

fn parse_non_empty(name: &str, value: String) -> Result<String, String> {
    if value.is_empty() {
        return Err(format!("{name} must not be empty"));
    }
    Ok(value)
}

fn parse_number(name: &str, text: &str) -> Result<u64, String> {
    text.parse()
        .map_err(|_| format!("invalid {name} {text:?}: expected a whole number >= 0"))
}

fn parse_scopes(text: &str) -> Result<Vec<String>, String> {
    let scopes: Vec<String> = text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|scope| !scope.is_empty())
        .map(String::from)
        .collect();
    if scopes.is_empty() {
        return Err("--scopes needs at least one scope".to_string());
    }
    // RFC 6749 section 3.3: a scope token is printable ASCII except space, '"' and '\'.
    let is_scope_byte = |b: u8| b.is_ascii_graphic() && b != b'"' && b != b'\\';
    if let Some(bad) = scopes.iter().find(|s| !s.bytes().all(is_scope_byte)) {
        return Err(format!(
            "invalid scope {bad:?} in --scopes: use printable ASCII without '\"' or '\\'"
        ));
    }
    Ok(scopes)
}

struct Endpoint {
    config: Config,
    /// Server TLS settings when the endpoint serves HTTPS.
    tls: Option<Arc<ServerConfig>>,
    /// Count of connections handled so far, which numbers the log lines and
    /// the `jti` claim of the tokens.
    requests: AtomicU64,
}

fn serve(config: Config) -> anyhow::Result<()> {
    let tls = match (&config.tls_cert, &config.tls_key) {
        (Some(cert), Some(key)) => Some(load_tls_config(cert, key)?),
        _ => None,
    };
    let listener = TcpListener::bind(config.addr)
        .with_context(|| format!("failed to listen on {}", config.addr))?;
    let local_addr = listener.local_addr()?;
    let scheme = if tls.is_some() { "https" } else { "http" };
    let mut stdout = io::stdout().lock();
    writeln!(stdout, "{scheme}://{local_addr}{TOKEN_PATH}").context("failed to print the URL")?;
    stdout.flush().context("failed to print the URL")?;
    drop(stdout);

    let endpoint = Arc::new(Endpoint {
        config,
        tls,
        requests: AtomicU64::new(0),
    });
    accept_connections(&listener, &endpoint);
    Ok(())
}

/// Builds the server TLS settings from a PEM certificate chain and a PEM
/// private key, with the protocol versions that rustls enables by default
/// (TLS 1.2 and 1.3).
fn load_tls_config(cert_path: &Path, key_path: &Path) -> anyhow::Result<Arc<ServerConfig>> {
    let certs = CertificateDer::pem_file_iter(cert_path)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .with_context(|| format!("failed to read certificates from {}", cert_path.display()))?;
    if certs.is_empty() {
        anyhow::bail!("no PEM certificate found in {}", cert_path.display());
    }
    let key = PrivateKeyDer::from_pem_file(key_path)
        .with_context(|| format!("failed to read a private key from {}", key_path.display()))?;

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .context("failed to set up TLS")?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .with_context(|| {
            format!(
                "invalid TLS certificate {} or key {}",
                cert_path.display(),
                key_path.display()
            )
        })?;
    Ok(Arc::new(config))
}

/// Serves each connection on its own thread. Runs until the process ends.
fn accept_connections(listener: &TcpListener, endpoint: &Arc<Endpoint>) {
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(stream) => stream,
            Err(error) => {
                // Accept fails for example when the process runs out of file
                // descriptors, so wait a little instead of spinning.
                log(format_args!("failed to accept a connection: {error}"));
                thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        let endpoint = Arc::clone(endpoint);
        let spawned = thread::Builder::new().spawn(move || endpoint.handle_connection(stream));
        if let Err(error) = spawned {
            log(format_args!("failed to start a connection thread: {error}"));
        }
    }
}

fn log(message: std::fmt::Arguments) {
    // Ignore write errors, because a closed stderr must not stop the server.
    let _ = writeln!(io::stderr().lock(), "token_endpoint: {message}");
}

/// Logs one request. Escaping control characters keeps a client from
/// forging log lines.
fn log_request(number: u64, request: &Request, status: u16, client_id: Option<&str>) {
    // Method and path stay empty when the request line was invalid.
    let or_dash = |text: &str| match text {
        "" => "-".to_string(),
        _ => text.escape_debug().to_string(),
    };
    let (method, path) = (or_dash(&request.method), or_dash(&request.path));
    let note = client_id.map(|id| format!(" (client {})", id.escape_debug()));
    let note = note.unwrap_or_default();
    log(format_args!("#{number} {method} {path} -> {status}{note}"));
}

#[derive(Default)]
struct Request {
    method: String,
    path: String,
    query: Option<String>,
    /// Header names in lower case, values without surrounding whitespace.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        let mut values = self.headers.iter().filter(|(n, _)| n == name);
        values.next().map(|(_, value)| value.as_str())
    }
}

struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    /// JSON text; `None` sends an empty body without Content-Type.
    body: Option<String>,
}

impl Response {
    fn json(status: u16, body: serde_json::Value) -> Response {
        let body = Some(body.to_string());
        let headers = Vec::new();
        Response {
            status,
            headers,
            body,
        }
    }

    /// Builds an error reply with the RFC 6749 section 5.2 JSON body.
    fn error(status: u16, error: &str, description: impl Into<String>) -> Response {
        let description = description.into();
        Response::json(
            status,
            json!({ "error": error, "error_description": description }),
        )
    }
}

fn invalid_client(description: &str) -> Response {
    let mut response = Response::error(401, "invalid_client", description);
    let challenge = "Basic realm=\"ezeep\"".to_string();
    response.headers.push(("WWW-Authenticate", challenge));
    response
}

fn reject<T>(status: u16, error: &str, description: impl Into<String>) -> Result<T, Response> {
    Err(Response::error(status, error, description))
}

/// A client connection, with or without TLS.
enum Connection {
    Plain(TcpStream),
    Tls(Box<StreamOwned<ServerConnection, TcpStream>>),
}

impl Connection {
    fn tcp(&self) -> &TcpStream {
        match self {
            Connection::Plain(stream) => stream,
            Connection::Tls(stream) => &stream.sock,
        }
    }

    /// Sends a TLS close_notify alert when TLS is on, then shuts down the
    /// sending side of the TCP connection.
    fn shutdown_write(&mut self) {
        if let Connection::Tls(stream) = self {
            stream.conn.send_close_notify();
            let _ = stream.flush();
        }
        let _ = self.tcp().shutdown(Shutdown::Write);
    }
}

impl Read for Connection {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        match self {
            Connection::Plain(stream) => stream.read(buffer),
            Connection::Tls(stream) => stream.read(buffer),
        }
    }
}

impl Write for Connection {
    fn write(&mut self, buffer: &[u8]) -> io::Result<usize> {
        match self {
            Connection::Plain(stream) => stream.write(buffer),
            Connection::Tls(stream) => stream.write(buffer),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Connection::Plain(stream) => stream.flush(),
            Connection::Tls(stream) => stream.flush(),
        }
    }
}

enum ReadError {
    /// The connection closed or failed before a complete request, so no reply is possible.
    Disconnected(String),
    /// The request cannot be served, and this is the reply.
    Rejected(Response),
}

impl Endpoint {
    fn handle_connection(&self, stream: TcpStream) {
        let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
        let mut stream = match &self.tls {
            None => Connection::Plain(stream),
            Some(tls) => match ServerConnection::new(Arc::clone(tls)) {
                Ok(connection) => Connection::Tls(Box::new(StreamOwned::new(connection, stream))),
                Err(error) => {
                    log(format_args!("failed to start a TLS session: {error}"));
                    return;
                }
            },
        };
        // The TLS handshake happens within the first read.
        let mut request = Request::default();
        let result = read_request(&mut stream, &mut request);
        let number = self.requests.fetch_add(1, Ordering::Relaxed) + 1;
        let (response, client_id) = match result {
            Ok(()) => self.respond(&request, number),
            Err(ReadError::Rejected(response)) => (response, None),
            Err(ReadError::Disconnected(reason)) => {
                if !self.config.quiet {
                    log(format_args!("#{number} no reply: {reason}"));
                }
                return;
            }
        };

        thread::sleep(self.config.delay);
        if !self.config.quiet {
            log_request(number, &request, response.status, client_id.as_deref());
        }
        if let Err(error) = write_response(&mut stream, &response) {
            log(format_args!("#{number} failed to send the reply: {error}"));
        }
        close_connection(stream);
    }

    /// Routes one request and builds its reply. Also returns the client id
    /// from the Basic header, for the log.
    fn respond(&self, request: &Request, number: u64) -> (Response, Option<String>) {
        if request.path == "/oauth/access_token" {
            // Django's APPEND_SLASH setting redirects such a path with 301.
            let location = match &request.query {
                Some(query) => format!("{TOKEN_PATH}?{query}"),
                None => TOKEN_PATH.to_string(),
            };
            let headers = vec![("Location", location)];
            let response = Response {
                status: 301,
                headers,
                body: None,
            };
            return (response, None);
        }
        if request.path != TOKEN_PATH {
            let description = format!("no endpoint at {}; use {TOKEN_PATH}", request.path);
            return (Response::error(404, "invalid_request", description), None);
        }
        if request.method != "POST" {
            let description = format!("method {} is not allowed; use POST", request.method);
            let mut response = Response::error(405, "invalid_request", description);
            response.headers.push(("Allow", "POST".to_string()));
            return (response, None);
        }

        let credentials = request.header("authorization").and_then(decode_basic);
        let client_id = credentials.as_ref().map(|(id, _)| id.clone());
        let response = match self.grant_token(request, credentials, number) {
            Ok(response) | Err(response) => response,
        };
        (response, client_id)
    }

    /// Checks the body, grant type, client credentials and scope, in this
    /// order, and issues a token. Returns the reply to the first failed check
    /// as `Err`.
    fn grant_token(
        &self,
        request: &Request,
        credentials: Option<(String, String)>,
        number: u64,
    ) -> Result<Response, Response> {
        const FORM: &str = "application/x-www-form-urlencoded";
        let Some(content_type) = request.header("content-type") else {
            return reject(
                400,
                "invalid_request",
                format!("missing Content-Type; use {FORM}"),
            );
        };
        let media_type = content_type.split(';').next().unwrap_or("").trim();
        if !media_type.eq_ignore_ascii_case(FORM) {
            let description = format!("Content-Type must be {FORM}, not {content_type:?}");
            return reject(400, "invalid_request", description);
        }
        let form = std::str::from_utf8(&request.body).ok().and_then(parse_form);
        let Some(form) = form else {
            return reject(
                400,
                "invalid_request",
                format!("request body is not valid {FORM}"),
            );
        };

        match single_form_value(&form, "grant_type")? {
            Some("client_credentials") => {}
            Some(other) => {
                let description = format!("grant_type {other:?} is not supported");
                return reject(400, "unsupported_grant_type", description);
            }
            None => return reject(400, "invalid_request", "missing grant_type"),
        }

        let Some((client_id, secret)) = credentials else {
            return Err(invalid_client(
                "missing or malformed Basic Authorization header",
            ));
        };
        if client_id != self.config.client_id || secret != self.config.client_secret {
            return Err(invalid_client("unknown client id or wrong client secret"));
        }

        let scope = self.grant_scope(single_form_value(&form, "scope")?)?;
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let expires_in = self.config.expires_in;
        let token = make_token(&client_id, &scope, number, now, expires_in);
        Ok(Response::json(
            200,
            json!({
                "access_token": token,
                "token_type": "Bearer",
                "expires_in": expires_in,
                "scope": scope,
            }),
        ))
    }

    /// Returns the granted scope: the requested scopes without duplicates, or
    /// all allowed scopes when the request names none.
    fn grant_scope(&self, requested: Option<&str>) -> Result<String, Response> {
        let allowed = &self.config.scopes;
        let mut granted: Vec<&str> = Vec::new();
        for scope in requested.unwrap_or("").split(' ').filter(|s| !s.is_empty()) {
            if !allowed.iter().any(|a| a == scope) {
                let allowed = allowed.join(" ");
                let description = format!("scope {scope:?} is not allowed; allowed: {allowed}");
                return reject(400, "invalid_scope", description);
            }
            if !granted.contains(&scope) {
                granted.push(scope);
            }
        }
        if granted.is_empty() {
            return Ok(allowed.join(" "));
        }
        Ok(granted.join(" "))
    }
}

/// Returns the value of a form parameter that may appear at most once
/// (RFC 6749 section 3.2).
fn single_form_value<'a>(
    form: &'a [(String, String)],
    name: &str,
) -> Result<Option<&'a str>, Response> {
    let mut values = form
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str());
    let first = values.next();
    if values.next().is_some() {
        return reject(
            400,
            "invalid_request",
            format!("parameter {name} is repeated"),
        );
    }
    Ok(first)
}

/// Decodes `Basic base64(percent-encoded id ":" percent-encoded secret)`.
/// A '+' stays a '+', because only form bodies encode spaces as '+'.
fn decode_basic(header: &str) -> Option<(String, String)> {
    let (scheme, encoded) = header.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = STANDARD.decode(encoded.trim()).ok()?;
    let decoded = String::from_utf8(decoded).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((percent_decode(id, false)?, percent_decode(secret, false)?))
}

/// Decodes `%XX` escapes, and '+' to a space when `plus_is_space` is set.
/// Returns `None` for a '%' without two hex digits or for invalid UTF-8.
fn percent_decode(text: &str, plus_is_space: bool) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        rest = tail;
        match byte {
            b'%' => {
                let hex = std::str::from_utf8(rest.get(..2)?).ok()?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                bytes.push(u8::from_str_radix(hex, 16).ok()?);
                rest = &rest[2..];
            }
            b'+' if plus_is_space => bytes.push(b' '),
            _ => bytes.push(byte),
        }
    }
    String::from_utf8(bytes).ok()
}

/// Parses an `application/x-www-form-urlencoded` body into name-value pairs.
fn parse_form(body: &str) -> Option<Vec<(String, String)>> {
    let pairs = body.split('&').filter(|pair| !pair.is_empty());
    pairs
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            Some((percent_decode(name, true)?, percent_decode(value, true)?))
        })
        .collect()
}

fn make_token(client_id: &str, scope: &str, number: u64, now: Duration, expires_in: u64) -> String {
    let header = json!({ "alg": "HS256", "typ": "JWT" });
    let issued_at = now.as_secs();
    let claims = json!({
        "iss": "token_endpoint",
        "sub": client_id,
        "scope": scope,
        "iat": issued_at,
        "exp": issued_at.saturating_add(expires_in),
        // RFC 7519 section 4.1.7 makes jti a string.
        "jti": number.to_string(),
    });
    // Not a real HS256 signature: only filler that differs for every token.
    let mut signature = Vec::with_capacity(32);
    for block in 0u8..4 {
        let mut hasher = DefaultHasher::new();
        (number, now.as_nanos(), block).hash(&mut hasher);
        signature.extend_from_slice(&hasher.finish().to_be_bytes());
    }
    let header = URL_SAFE_NO_PAD.encode(header.to_string());
    let claims = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signature = URL_SAFE_NO_PAD.encode(signature);
    format!("{header}.{claims}.{signature}")
}

/// Reads one HTTP/1.x request with at most `MAX_HEADER_BYTES` of headers and
/// a body of at most `MAX_BODY_BYTES` given by Content-Length. Fills
/// `request` as far as it gets, so that a rejection can be logged with the
/// method and path.
fn read_request(stream: &mut (impl Read + Write), request: &mut Request) -> Result<(), ReadError> {
    let mut buffer = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    let (head_end, body_start) = loop {
        if let Some(ends) = find_head_end(&buffer) {
            break ends;
        }
        if buffer.len() > MAX_HEADER_BYTES {
            return Err(rejected(431, "request headers are larger than 16 KiB"));
        }
        let count = stream.read(&mut chunk).map_err(read_failed)?;
        if count == 0 {
            let reason = "connection closed before the end of the request headers";
            return Err(ReadError::Disconnected(reason.to_string()));
        }
        buffer.extend_from_slice(&chunk[..count]);
    };
    if head_end > MAX_HEADER_BYTES {
        return Err(rejected(431, "request headers are larger than 16 KiB"));
    }

    let head = std::str::from_utf8(&buffer[..head_end])
        .map_err(|_| rejected(400, "request headers are not valid UTF-8"))?;
    let mut lines = head
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line));
    let request_line = lines.next().unwrap_or("");
    let parts: Vec<&str> = request_line.split(' ').collect();
    let [method, target, version] = parts[..] else {
        return Err(rejected(400, "invalid request line"));
    };
    let is_token = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_graphic());
    if !is_token(method)
        || !target.starts_with('/')
        || !is_token(target)
        || !version.starts_with("HTTP/1.")
    {
        return Err(rejected(400, "invalid request line"));
    }
    let mut headers = Vec::new();
    for line in lines {
        // Folded continuation lines start with whitespace, so they fail this
        // check and get 400, which RFC 9112 section 5.2 allows.
        match line.split_once(':') {
            Some((name, value)) if is_token(name) => {
                headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
            }
            _ => return Err(rejected(400, "invalid header line")),
        }
    }
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path, Some(query.to_string())),
        None => (target, None),
    };
    *request = Request {
        method: method.to_string(),
        path: path.to_string(),
        query,
        headers,
        body: Vec::new(),
    };

    if request.header("transfer-encoding").is_some() {
        return Err(rejected(
            501,
            "Transfer-Encoding is not supported; send Content-Length",
        ));
    }
    let mut lengths = request
        .headers
        .iter()
        .filter(|(name, _)| name == "content-length");
    let content_length = match (lengths.next(), lengths.next()) {
        (None, _) => 0,
        (Some((_, value)), None)
            if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) =>
        {
            value
                .parse()
                .map_err(|_| rejected(413, "request body is larger than 64 KiB"))?
        }
        _ => return Err(rejected(400, "invalid or repeated Content-Length")),
    };
    if content_length > MAX_BODY_BYTES {
        return Err(rejected(413, "request body is larger than 64 KiB"));
    }

    let mut body = buffer.split_off(body_start);
    let expects_continue = request
        .header("expect")
        .is_some_and(|value| value.eq_ignore_ascii_case("100-continue"));
    if body.len() < content_length && expects_continue {
        stream
            .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
            .map_err(|error| {
                ReadError::Disconnected(format!("failed to send 100 Continue: {error}"))
            })?;
    }
    while body.len() < content_length {
        let count = stream.read(&mut chunk).map_err(read_failed)?;
        if count == 0 {
            let reason = "connection closed before the end of the request body";
            return Err(ReadError::Disconnected(reason.to_string()));
        }
        body.extend_from_slice(&chunk[..count]);
    }
    // Bytes after the body are ignored, because each connection carries one request.
    body.truncate(content_length);
    request.body = body;
    Ok(())
}

/// Returns where the request headers end and where the body starts. Bare
/// LF line ends are accepted as well as CRLF.
fn find_head_end(buffer: &[u8]) -> Option<(usize, usize)> {
    let crlf = buffer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, i + 4));
    let lf = buffer
        .windows(2)
        .position(|w| w == b"\n\n")
        .map(|i| (i, i + 2));
    match (crlf, lf) {
        (Some(crlf), Some(lf)) => Some(crlf.min(lf)),
        (crlf, lf) => crlf.or(lf),
    }
}

fn rejected(status: u16, description: &str) -> ReadError {
    ReadError::Rejected(Response::error(status, "invalid_request", description))
}

fn read_failed(error: io::Error) -> ReadError {
    match error.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => {
            rejected(408, "timed out after 10 seconds waiting for the request")
        }
        _ => ReadError::Disconnected(format!("failed to read the request: {error}")),
    }
}

fn write_response(stream: &mut impl Write, response: &Response) -> io::Result<()> {
    let status = response.status;
    let reason = match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        501 => "Not Implemented",
        _ => "",
    };

    let body = response.body.as_deref().unwrap_or("");
    let mut head = format!("HTTP/1.1 {status} {reason}\r\n");
    if response.body.is_some() {
        head.push_str("Content-Type: application/json\r\n");
    }
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    // RFC 6749 section 5.1 requires these two headers on replies with tokens.
    head.push_str("Cache-Control: no-store\r\nPragma: no-cache\r\n");
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));

    stream.write_all(head.as_bytes())?;
    stream.write_all(body.as_bytes())?;
    stream.flush()
}

/// Closes the connection after the reply. Reading what the client still
/// sends, for at most 2 seconds, keeps the kernel from resetting the
/// connection over unread data, which can make the client lose the reply.
fn close_connection(mut stream: Connection) {
    stream.shutdown_write();
    let deadline = Instant::now() + Duration::from_secs(2);
    let mut sink = [0u8; 4096];
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        if left.is_zero() || stream.tcp().set_read_timeout(Some(left)).is_err() {
            break;
        }
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decode_valid_input() {
        let cases = [
            ("plain", false, "plain"),
            ("a%3Ab", false, "a:b"),
            ("%2f%2F", false, "//"),
            ("a+b", false, "a+b"),
            ("a+b", true, "a b"),
            ("%2B", true, "+"),
            ("caf%C3%A9", false, "café"),
            ("", false, ""),
        ];
        for (input, plus_is_space, expected) in cases {
            let decoded = percent_decode(input, plus_is_space);
            assert_eq!(decoded.as_deref(), Some(expected), "input {input:?}");
        }
    }

    #[test]
    fn percent_decode_invalid_input() {
        // "%+1" would pass u8::from_str_radix, which accepts a leading '+'.
        for input in ["%", "%4", "%zz", "%+1", "a%g0", "%C3"] {
            assert_eq!(percent_decode(input, false), None, "input {input:?}");
        }
    }

    fn basic(credentials: &str) -> String {
        format!("Basic {}", STANDARD.encode(credentials))
    }

    #[test]
    fn decode_basic_valid_headers() {
        let pair = |id: &str, secret: &str| Some((id.to_string(), secret.to_string()));
        let cases = [
            (
                basic("demo-client:demo-secret"),
                pair("demo-client", "demo-secret"),
            ),
            (basic("id:a+b"), pair("id", "a+b")),
            (basic("id%3Aone:p%40ss%3Aword"), pair("id:one", "p@ss:word")),
            (basic("id:se:cret"), pair("id", "se:cret")),
            (basic("id:"), pair("id", "")),
            (
                format!("bAsIc  {}  ", STANDARD.encode("a:b")),
                pair("a", "b"),
            ),
        ];
        for (header, expected) in cases {
            assert_eq!(decode_basic(&header), expected, "header {header:?}");
        }
    }

    #[test]
    fn decode_basic_malformed_headers() {
        let cases = [
            String::new(),
            "Basic".to_string(),
            "Basic !!!".to_string(),
            format!("Bearer {}", STANDARD.encode("id:secret")),
            basic("no-colon"),
            basic("id:%zz"),
            format!("Basic {}", STANDARD.encode([b'i', b':', 0xff])),
        ];
        for header in cases {
            assert_eq!(decode_basic(&header), None, "header {header:?}");
        }
    }

    #[test]
    fn parse_form_decodes_pairs() {
        let form = parse_form("grant_type=client_credentials&&scope=a+b%20c&flag").unwrap();
        let expected = [
            ("grant_type", "client_credentials"),
            ("scope", "a b c"),
            ("flag", ""),
        ];
        let form: Vec<(&str, &str)> = form.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        assert_eq!(form, expected);
        assert_eq!(parse_form("scope=%"), None);
    }

    #[test]
    fn parse_args_rejects_bad_options() {
        let parse = |args: &[&str]| parse_args(args.iter().map(|a| a.to_string())).err();
        assert!(
            parse(&["--addr", "0.0.0.0:8080"])
                .unwrap()
                .contains("not a loopback")
        );
        assert!(parse(&["--addr", "localhost:8080"]).is_some());
        assert!(parse(&["--expires-in", "-1"]).is_some());
        assert!(parse(&["--scopes", " , "]).is_some());
        assert!(parse(&["--client-id"]).unwrap().contains("missing value"));
        assert!(parse(&["--bogus"]).is_some());
        assert!(parse(&["--addr=[::1]:0", "--scopes=a,b c", "--quiet"]).is_none());
        assert!(
            parse(&["--tls-cert", "cert.pem"])
                .unwrap()
                .contains("--tls-cert needs --tls-key")
        );
        assert!(
            parse(&["--tls-key", "key.pem"])
                .unwrap()
                .contains("--tls-key needs --tls-cert")
        );
        assert!(parse(&["--tls-cert=a.pem", "--tls-key=b.pem"]).is_none());
    }

    /// Starts a quiet endpoint with the default options on a free loopback
    /// port, serving HTTPS when `tls` is set.
    fn start_endpoint_with(tls: Option<Arc<ServerConfig>>) -> SocketAddr {
        let config = parse_args(["--quiet".to_string()].into_iter())
            .unwrap()
            .unwrap();
        let listener = TcpListener::bind(config.addr).unwrap();
        let addr = listener.local_addr().unwrap();
        let endpoint = Arc::new(Endpoint {
            config,
            tls,
            requests: AtomicU64::new(0),
        });
        thread::spawn(move || accept_connections(&listener, &endpoint));
        addr
    }

    fn start_endpoint() -> SocketAddr {
        start_endpoint_with(None)
    }

    /// Sends raw request bytes and returns the whole reply.
    fn exchange(addr: SocketAddr, request: &[u8]) -> String {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.write_all(request).unwrap();
        stream.shutdown(Shutdown::Write).unwrap();
        let mut reply = Vec::new();
        stream.read_to_end(&mut reply).unwrap();
        String::from_utf8(reply).unwrap()
    }

    fn token_request(authorization: &str, body: &str) -> String {
        format!(
            "POST /oauth/access_token/ HTTP/1.1\r\nHost: localhost\r\n\
             Authorization: {authorization}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        )
    }

    #[test]
    fn endpoint_status_codes() {
        let addr = start_endpoint();
        let good = basic("demo-client:demo-secret");
        let grant = "grant_type=client_credentials&scope=printing";
        let long_header = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(20_000));
        let cases: Vec<(&str, String, &str)> = vec![
            ("token", token_request(&good, grant), "200 OK"),
            (
                "no scope",
                token_request(&good, "grant_type=client_credentials"),
                "200 OK",
            ),
            (
                "wrong secret",
                token_request(&basic("demo-client:x"), grant),
                "401 ",
            ),
            ("no auth", token_request("", grant), "401 "),
            (
                "bad grant",
                token_request(&good, "grant_type=password"),
                "400 ",
            ),
            ("no grant", token_request(&good, "scope=printing"), "400 "),
            (
                "bad scope",
                token_request(&good, "grant_type=client_credentials&scope=admin"),
                "400 ",
            ),
            (
                "repeated",
                token_request(&good, &format!("{grant}&scope=printing")),
                "400 ",
            ),
            (
                "no slash",
                "POST /oauth/access_token HTTP/1.1\r\n\r\n".into(),
                "301 ",
            ),
            ("other path", "POST /token/ HTTP/1.1\r\n\r\n".into(), "404 "),
            (
                "get",
                "GET /oauth/access_token/ HTTP/1.1\r\n\r\n".into(),
                "405 ",
            ),
            (
                "json body",
                token_request(&good, grant).replace("x-www-form-urlencoded", "json"),
                "400 ",
            ),
            (
                "bare lf",
                token_request(&good, grant).replace("\r\n", "\n"),
                "200 OK",
            ),
            ("garbage", "\u{1}\u{2}\u{3}\r\n\r\n".into(), "400 "),
            (
                "http/2",
                "POST /oauth/access_token/ HTTP/2\r\n\r\n".into(),
                "400 ",
            ),
            (
                "bad length",
                "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n".into(),
                "400 ",
            ),
            (
                "large body",
                "POST / HTTP/1.1\r\nContent-Length: 70000\r\n\r\n".into(),
                "413 ",
            ),
            ("large headers", long_header, "431 "),
            (
                "chunked",
                "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n".into(),
                "501 ",
            ),
        ];
        for (name, request, expected) in cases {
            let reply = exchange(addr, request.as_bytes());
            let status_line = reply.lines().next().unwrap_or("");
            assert!(
                status_line.starts_with(&format!("HTTP/1.1 {expected}")),
                "{name}: {reply}"
            );
        }
    }

    #[test]
    fn endpoint_error_headers() {
        let addr = start_endpoint();
        let reply = exchange(
            addr,
            token_request("Basic eA==", "grant_type=client_credentials").as_bytes(),
        );
        assert!(
            reply.contains("\r\nWWW-Authenticate: Basic realm=\"ezeep\"\r\n"),
            "{reply}"
        );
        assert!(reply.contains(r#""error":"invalid_client""#), "{reply}");
        let reply = exchange(addr, b"POST /oauth/access_token?a=1 HTTP/1.1\r\n\r\n");
        assert!(
            reply.contains("\r\nLocation: /oauth/access_token/?a=1\r\n"),
            "{reply}"
        );
    }

    #[test]
    fn endpoint_issues_distinct_tokens() {
        let addr = start_endpoint();
        let request = token_request(
            &basic("demo-client:demo-secret"),
            "grant_type=client_credentials",
        );
        let mut tokens = Vec::new();
        for _ in 0..2 {
            let reply = exchange(addr, request.as_bytes());
            assert!(
                reply.contains("\r\nContent-Type: application/json\r\n"),
                "{reply}"
            );
            assert!(reply.contains("\r\nConnection: close\r\n"), "{reply}");
            let (_, body) = reply.split_once("\r\n\r\n").unwrap();
            let body: serde_json::Value = serde_json::from_str(body).unwrap();
            assert_eq!(body["token_type"], "Bearer");
            assert_eq!(body["expires_in"], 3600);
            assert_eq!(body["scope"], "printing");
            tokens.push(body["access_token"].as_str().unwrap().to_string());
        }
        assert_ne!(tokens[0], tokens[1]);

        let parts: Vec<Vec<u8>> = tokens[0]
            .split('.')
            .map(|part| URL_SAFE_NO_PAD.decode(part).unwrap())
            .collect();
        assert_eq!(parts.len(), 3);
        let header: serde_json::Value = serde_json::from_slice(&parts[0]).unwrap();
        assert_eq!(header, json!({ "alg": "HS256", "typ": "JWT" }));
        let claims: serde_json::Value = serde_json::from_slice(&parts[1]).unwrap();
        assert_eq!(claims["sub"], "demo-client");
        assert_eq!(claims["scope"], "printing");
        let issued_at = claims["iat"].as_u64().unwrap();
        assert_eq!(claims["exp"].as_u64(), Some(issued_at + 3600));
        assert_eq!(parts[2].len(), 32);
    }

    // A throwaway test CA and a server certificate for IP 127.0.0.1 that it
    // signed, both EC P-256 and valid from 2000-01-01 to 2100-01-01.
    const TEST_CA_PEM: &str = "\
-----BEGIN CERTIFICATE-----
MIIBdjCCARygAwIBAgICEAAwCgYIKoZIzj0EAwIwITEfMB0GA1UEAwwWdG9rZW5f
ZW5kcG9pbnQgdGVzdCBDQTAgFw0wMDAxMDEwMDAwMDBaGA8yMTAwMDEwMTAwMDAw
MFowITEfMB0GA1UEAwwWdG9rZW5fZW5kcG9pbnQgdGVzdCBDQTBZMBMGByqGSM49
AgEGCCqGSM49AwEHA0IABLUEENJyceGDSxJeslZlzE1tgY9P2FZedFJ6SERHs3n/
YizclJNOO2rLhV83FQtsRxLdeGlYXvGGXCeqHX2UVjWjQjBAMA8GA1UdEwEB/wQF
MAMBAf8wDgYDVR0PAQH/BAQDAgIEMB0GA1UdDgQWBBSi7TP+L0OnUWr2FFOV7lis
GLCjEjAKBggqhkjOPQQDAgNIADBFAiEAvYY3nJ31phhRz++SVM4z3V2Tnf0jkDxG
o+Bo91rCipACIH6Y4sNMTm65NAoe2Lz0baFX8+gFMcE1iP2Ot+b+7Hi5
-----END CERTIFICATE-----
";
    const TEST_SERVER_CERT_PEM: &str = "\
-----BEGIN CERTIFICATE-----
MIIBrzCCAVWgAwIBAgICEAEwCgYIKoZIzj0EAwIwITEfMB0GA1UEAwwWdG9rZW5f
ZW5kcG9pbnQgdGVzdCBDQTAgFw0wMDAxMDEwMDAwMDBaGA8yMTAwMDEwMTAwMDAw
MFowFDESMBAGA1UEAwwJMTI3LjAuMC4xMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcD
QgAEtfsuUqJzNg0rbG9Y7nJBfGULhdottUqSgT84sz6duQWeg7F6k0TVIdNEhSAH
iNxZlOaCosr1IWazTn+pXAaf/qOBhzCBhDAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB
/wQEAwIHgDATBgNVHSUEDDAKBggrBgEFBQcDATAPBgNVHREECDAGhwR/AAABMB8G
A1UdIwQYMBaAFKLtM/4vQ6dRavYUU5XuWKwYsKMSMB0GA1UdDgQWBBRhbQcwj4ZN
NEhUCxfDP8Odb6feVDAKBggqhkjOPQQDAgNIADBFAiEAn4+lNDybEcbY9xTpGMyz
nSsPtC9qw4mnrClS1QZK6pICIB6/pBBFMZA0igU/mA5DREBIBpUEZ1EXwQ125qi9
bRR7
-----END CERTIFICATE-----
";
    const TEST_SERVER_KEY_PEM: &str = "\
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgKcFJUcnwiNgKhxj0
ZYYwxd6Qlox1uOlq7uTzw4oB5IKhRANCAAS1+y5SonM2DStsb1juckF8ZQuF2i21
SpKBPzizPp25BZ6DsXqTRNUh00SFIAeI3FmU5oKiyvUhZrNOf6lcBp/+
-----END PRIVATE KEY-----
";

    /// Writes the test certificate and key to files in `dir` and returns
    /// their paths.
    fn write_test_tls_files(dir: &Path) -> (PathBuf, PathBuf) {
        let cert = dir.join("server.pem");
        let key = dir.join("server.key");
        std::fs::write(&cert, TEST_SERVER_CERT_PEM).unwrap();
        std::fs::write(&key, TEST_SERVER_KEY_PEM).unwrap();
        (cert, key)
    }

    /// Sends raw request bytes over TLS, trusting only the test CA, and
    /// returns the whole reply.
    fn exchange_tls(addr: SocketAddr, request: &[u8]) -> String {
        let mut roots = rustls::RootCertStore::empty();
        roots
            .add(CertificateDer::from_pem_slice(TEST_CA_PEM.as_bytes()).unwrap())
            .unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth();
        let server_name = rustls::pki_types::ServerName::try_from("127.0.0.1").unwrap();
        let connection = rustls::ClientConnection::new(Arc::new(config), server_name).unwrap();
        let mut stream = StreamOwned::new(connection, TcpStream::connect(addr).unwrap());
        stream.write_all(request).unwrap();
        stream.flush().unwrap();
        let mut reply = Vec::new();
        stream.read_to_end(&mut reply).unwrap();
        String::from_utf8(reply).unwrap()
    }

    #[test]
    fn endpoint_serves_tls() {
        let dir = tempfile::tempdir().unwrap();
        let (cert, key) = write_test_tls_files(dir.path());
        let addr = start_endpoint_with(Some(load_tls_config(&cert, &key).unwrap()));
        let request = token_request(
            &basic("demo-client:demo-secret"),
            "grant_type=client_credentials&scope=printing",
        );

        let reply = exchange_tls(addr, request.as_bytes());
        assert!(reply.starts_with("HTTP/1.1 200 OK\r\n"), "{reply}");
        assert!(reply.contains(r#""token_type":"Bearer""#), "{reply}");

        // A plain HTTP request to the TLS port gets no HTTP reply, at most a
        // TLS alert record.
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut plain = Vec::new();
        let _ = stream.read_to_end(&mut plain);
        assert!(!plain.starts_with(b"HTTP/"), "{plain:?}");
    }

    #[test]
    fn load_tls_config_rejects_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        let (cert, key) = write_test_tls_files(dir.path());
        let missing = dir.path().join("missing.pem");

        let error = load_tls_config(&missing, &key).unwrap_err();
        assert!(
            format!("{error:#}").starts_with("failed to read certificates from "),
            "{error:#}"
        );
        let error = load_tls_config(&cert, &missing).unwrap_err();
        assert!(
            format!("{error:#}").starts_with("failed to read a private key from "),
            "{error:#}"
        );
        // The key file contains no certificate.
        let error = load_tls_config(&key, &key).unwrap_err();
        assert!(
            format!("{error:#}").starts_with("no PEM certificate found in "),
            "{error:#}"
        );
        // The certificate file contains no private key.
        let error = load_tls_config(&cert, &cert).unwrap_err();
        assert!(
            format!("{error:#}").starts_with("failed to read a private key from "),
            "{error:#}"
        );
    }
}

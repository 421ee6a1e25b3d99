//! A CONNECT proxy on 127.0.0.1 that records each request and tunnels bytes
//! to loopback targets only.

use std::io::{self, Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// Maximum size of a CONNECT request head.
const MAX_HEAD_BYTES: usize = 16 * 1024;

/// A request that the proxy received. Header names keep their case.
#[derive(Clone, Debug)]
pub struct ProxyRequest {
    pub method: String,
    /// The request target, `host:port` for CONNECT.
    pub target: String,
    pub headers: Vec<(String, String)>,
}

impl ProxyRequest {
    /// Returns the first header named `name`, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// A proxy on 127.0.0.1 with an ephemeral port. It replies 200 to a
/// CONNECT to `127.0.0.1:PORT` or `localhost:PORT` and then relays bytes
/// both ways. It replies 403 to any other target and 405 to any other
/// method, so a test can never make it reach another host. With
/// `Proxy-Authorization` required, a CONNECT without the expected value
/// gets 407.
pub struct ConnectProxy {
    address: SocketAddr,
    shared: Arc<ProxyShared>,
    acceptor: Option<JoinHandle<()>>,
}

struct ProxyShared {
    stopping: AtomicBool,
    connections: AtomicUsize,
    requests: Mutex<Vec<ProxyRequest>>,
    /// The `Proxy-Authorization` value that a CONNECT must carry, if any.
    required_authorization: Option<String>,
}

impl ConnectProxy {
    /// Starts a proxy that needs no credentials.
    pub fn start() -> ConnectProxy {
        ConnectProxy::with_authorization(None)
    }

    /// Starts a proxy that accepts only a CONNECT whose
    /// `Proxy-Authorization` header equals `value`.
    pub fn requiring(value: &str) -> ConnectProxy {
        ConnectProxy::with_authorization(Some(value.to_owned()))
    }

    fn with_authorization(required_authorization: Option<String>) -> ConnectProxy {
        let listener =
            TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind the proxy to 127.0.0.1:0");
        let address = listener.local_addr().expect("proxy address");
        let shared = Arc::new(ProxyShared {
            stopping: AtomicBool::new(false),
            connections: AtomicUsize::new(0),
            requests: Mutex::new(Vec::new()),
            required_authorization,
        });
        let acceptor_shared = Arc::clone(&shared);
        let acceptor = thread::Builder::new()
            .name(format!("connect-proxy-{}", address.port()))
            .spawn(move || {
                for stream in listener.incoming() {
                    if acceptor_shared.stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    acceptor_shared.connections.fetch_add(1, Ordering::SeqCst);
                    let connection_shared = Arc::clone(&acceptor_shared);
                    thread::spawn(move || serve(stream, &connection_shared));
                }
            })
            .expect("spawn the proxy");
        ConnectProxy {
            address,
            shared,
            acceptor: Some(acceptor),
        }
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    /// Returns `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port())
    }

    /// Returns the number of accepted connections.
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// Returns a copy of the recorded requests in arrival order.
    pub fn requests(&self) -> Vec<ProxyRequest> {
        self.shared
            .requests
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }
}

impl Drop for ConnectProxy {
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        // The wake-up connection is counted, so counts must be read before
        // the proxy is dropped.
        if TcpStream::connect_timeout(&self.address, Duration::from_secs(5)).is_ok()
            && let Some(acceptor) = self.acceptor.take()
        {
            let _ = acceptor.join();
        }
    }
}

fn serve(mut client: TcpStream, shared: &ProxyShared) {
    if shared.stopping.load(Ordering::SeqCst) {
        return;
    }
    let _ = client.set_read_timeout(Some(Duration::from_secs(30)));
    let Some(request) = read_head(&mut client) else {
        return;
    };
    shared
        .requests
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .push(request.clone());

    if request.method != "CONNECT" {
        let _ = client.write_all(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
        return;
    }
    if let Some(expected) = &shared.required_authorization
        && request.header("Proxy-Authorization") != Some(expected.as_str())
    {
        let _ = client.write_all(
            b"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n",
        );
        return;
    }
    let port = match request.target.rsplit_once(':') {
        Some(("127.0.0.1" | "localhost", port)) => port.parse::<u16>().ok(),
        _ => None,
    };
    let Some(port) = port else {
        let _ = client.write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
        return;
    };
    let Ok(upstream) = TcpStream::connect((Ipv4Addr::LOCALHOST, port)) else {
        let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
        return;
    };
    if client
        .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
        .is_err()
    {
        return;
    }
    let _ = client.set_read_timeout(None);
    tunnel(client, upstream);
}

/// Copies bytes both ways until each side has closed its half.
fn tunnel(client: TcpStream, upstream: TcpStream) {
    let (Ok(client_reader), Ok(upstream_reader)) = (client.try_clone(), upstream.try_clone())
    else {
        return;
    };
    let forward = thread::spawn(move || copy_half(client_reader, upstream));
    copy_half(upstream_reader, client);
    let _ = forward.join();
}

fn copy_half(mut from: TcpStream, mut to: TcpStream) {
    let _ = io::copy(&mut from, &mut to);
    let _ = to.shutdown(Shutdown::Write);
}

/// Reads the request line and headers, byte by byte so that nothing of the
/// tunnelled data is consumed.
fn read_head(stream: &mut TcpStream) -> Option<ProxyRequest> {
    let mut head = Vec::new();
    let mut byte = [0; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if head.len() > MAX_HEAD_BYTES {
            return None;
        }
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return None,
        }
    }
    let text = String::from_utf8_lossy(&head);
    let mut lines = text.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_owned();
    let target = request_line.next()?.to_owned();
    let headers = lines
        .filter(|line| !line.is_empty())
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.to_owned(), value.trim().to_owned()))
        .collect();
    Some(ProxyRequest {
        method,
        target,
        headers,
    })
}

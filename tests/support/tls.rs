//! Test certificates made with rcgen, and a TLS front that terminates TLS on
//! 127.0.0.1 and relays each request to a plain `Server`.

use std::io::{ErrorKind, Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose};
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

/// Maximum size of a relayed request head.
const MAX_HEAD_BYTES: usize = 16 * 1024;

/// Maximum time that the front waits for a TLS client or the backend.
const IO_TIMEOUT: Duration = Duration::from_secs(30);

/// A certificate authority made for one test.
pub struct TestCa {
    pem: String,
    issuer: Issuer<'static, KeyPair>,
}

impl TestCa {
    /// Creates a self-signed CA certificate named `name`.
    pub fn new(name: &str) -> TestCa {
        let key = KeyPair::generate().expect("generate a CA key");
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA parameters");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.distinguished_name.push(DnType::CommonName, name);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let cert = params.self_signed(&key).expect("self-sign the CA");
        TestCa {
            pem: cert.pem(),
            issuer: Issuer::new(params, key),
        }
    }

    /// Returns the CA certificate in PEM format.
    pub fn pem(&self) -> &str {
        &self.pem
    }

    /// Writes the CA certificate as PEM to `directory/name` and returns the
    /// path.
    pub fn write_pem(&self, directory: &Path, name: &str) -> PathBuf {
        let path = directory.join(name);
        std::fs::write(&path, &self.pem).expect("write the CA certificate");
        path
    }

    /// Issues a server certificate for `localhost` and `127.0.0.1`, and
    /// returns it with its private key.
    pub fn server_cert(&self) -> (CertificateDer<'static>, PrivateKeyDer<'static>) {
        let key = KeyPair::generate().expect("generate a server key");
        let mut params =
            CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()])
                .expect("server parameters");
        params
            .distinguished_name
            .push(DnType::CommonName, "ezeep-token test server");
        let cert = params
            .signed_by(&key, &self.issuer)
            .expect("sign the server certificate");
        let key = PrivateKeyDer::Pkcs8(key.serialize_der().into());
        (cert.der().clone(), key)
    }
}

/// A TLS listener on 127.0.0.1 with an ephemeral port. It decrypts each
/// connection, relays one request to a plain HTTP server on loopback, and
/// sends back that server's reply. The backend must close the connection
/// after its reply, as `Server` does by default.
pub struct TlsFront {
    address: SocketAddr,
    shared: Arc<FrontShared>,
    acceptor: Option<JoinHandle<()>>,
}

struct FrontShared {
    config: Arc<rustls::ServerConfig>,
    backend_port: u16,
    stopping: AtomicBool,
    /// Connections whose TLS handshake completed.
    handshakes: AtomicUsize,
    /// Messages of handshakes that failed, such as the client's alert.
    handshake_errors: Mutex<Vec<String>>,
}

impl TlsFront {
    /// Starts the front with a server certificate from `ca`, relaying to
    /// the server on `127.0.0.1:backend_port`.
    pub fn start(ca: &TestCa, backend_port: u16) -> TlsFront {
        let (cert, key) = ca.server_cert();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_no_client_auth()
            .with_single_cert(vec![cert], key)
            .expect("server certificate");

        let listener =
            TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind the TLS front to 127.0.0.1:0");
        let address = listener.local_addr().expect("TLS front address");
        let shared = Arc::new(FrontShared {
            config: Arc::new(config),
            backend_port,
            stopping: AtomicBool::new(false),
            handshakes: AtomicUsize::new(0),
            handshake_errors: Mutex::new(Vec::new()),
        });
        let acceptor_shared = Arc::clone(&shared);
        let acceptor = thread::Builder::new()
            .name(format!("tls-front-{}", address.port()))
            .spawn(move || {
                for stream in listener.incoming() {
                    if acceptor_shared.stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let connection_shared = Arc::clone(&acceptor_shared);
                    thread::spawn(move || relay(stream, &connection_shared));
                }
            })
            .expect("spawn the TLS front");
        TlsFront {
            address,
            shared,
            acceptor: Some(acceptor),
        }
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    /// Returns `"https://127.0.0.1:PORT"` followed by `path`.
    pub fn url(&self, path: &str) -> String {
        format!("https://127.0.0.1:{}{path}", self.port())
    }

    /// Returns the URL of the ezeep Blue token endpoint path on this front.
    pub fn token_url(&self) -> String {
        self.url("/oauth/access_token/")
    }

    /// Returns the number of completed TLS handshakes.
    pub fn handshakes(&self) -> usize {
        self.shared.handshakes.load(Ordering::SeqCst)
    }

    /// Returns the errors of failed TLS handshakes.
    pub fn handshake_errors(&self) -> Vec<String> {
        self.shared
            .handshake_errors
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }
}

impl Drop for TlsFront {
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        if TcpStream::connect_timeout(&self.address, Duration::from_secs(5)).is_ok()
            && let Some(acceptor) = self.acceptor.take()
        {
            let _ = acceptor.join();
        }
    }
}

/// Serves one TLS connection: handshake, one request, one reply.
fn relay(mut tcp: TcpStream, shared: &FrontShared) {
    if shared.stopping.load(Ordering::SeqCst) {
        return;
    }
    let _ = tcp.set_read_timeout(Some(IO_TIMEOUT));
    let Ok(mut connection) = rustls::ServerConnection::new(Arc::clone(&shared.config)) else {
        return;
    };
    while connection.is_handshaking() {
        if let Err(error) = connection.complete_io(&mut tcp) {
            shared
                .handshake_errors
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .push(error.to_string());
            return;
        }
    }
    shared.handshakes.fetch_add(1, Ordering::SeqCst);
    let mut tls = rustls::StreamOwned::new(connection, tcp);

    let Some(request) = read_request(&mut tls) else {
        return;
    };
    let Ok(mut backend) = TcpStream::connect((Ipv4Addr::LOCALHOST, shared.backend_port)) else {
        return;
    };
    let _ = backend.set_read_timeout(Some(IO_TIMEOUT));
    if backend.write_all(&request).is_err() {
        return;
    }
    let mut reply = Vec::new();
    let mut buffer = [0; 8192];
    loop {
        match backend.read(&mut buffer) {
            Ok(0) => break,
            Ok(count) => reply.extend_from_slice(&buffer[..count]),
            Err(error) if error.kind() == ErrorKind::Interrupted => continue,
            Err(_) => break,
        }
    }
    let _ = backend.shutdown(Shutdown::Both);
    if reply.is_empty() {
        // The backend closed without a reply, so the client sees a closed
        // connection too.
        let _ = tls.sock.shutdown(Shutdown::Both);
        return;
    }
    let _ = tls.write_all(&reply);
    tls.conn.send_close_notify();
    let _ = tls.flush();
    let _ = tls.sock.shutdown(Shutdown::Write);
}

/// Reads a request head and a `Content-Length` body, and returns the raw
/// bytes.
fn read_request(stream: &mut impl Read) -> Option<Vec<u8>> {
    let mut request = Vec::new();
    let mut byte = [0; 1];
    while !request.ends_with(b"\r\n\r\n") {
        if request.len() > MAX_HEAD_BYTES {
            return None;
        }
        match stream.read(&mut byte) {
            Ok(1) => request.push(byte[0]),
            _ => return None,
        }
    }
    let head = String::from_utf8_lossy(&request).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|value| value.trim().parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    stream.read_exact(&mut body).ok()?;
    request.extend_from_slice(&body);
    Some(request)
}

//! Failed attempts: their error, whether to retry them, and the mapping of
//! transport failures (connection, timeout, TLS, proxy) to errors.

use std::time::Duration;

use super::{CONNECT_TIMEOUT, TokenRequest, proxy, retry, seconds, tls};
use crate::error::{Category, Error};

/// A failed attempt: its error, and whether another attempt may succeed.
pub struct Failure {
    pub error: Error,
    pub retry: Option<Retry>,
}

/// The reason to retry, for the verbose log, and the wait that the server
/// asked for.
pub struct Retry {
    pub reason: String,
    pub retry_after: Option<Duration>,
}

impl Failure {
    pub fn fatal(error: Error) -> Failure {
        Failure { error, retry: None }
    }

    pub fn retryable(error: Error, reason: impl Into<String>) -> Failure {
        Failure {
            error,
            retry: Some(Retry {
                reason: reason.into(),
                retry_after: None,
            }),
        }
    }
}

pub fn timed_out(request: &TokenRequest) -> Error {
    let through = match request.network.proxy.proxy_url() {
        Some(proxy) => format!(" through proxy {}", proxy.redacted()),
        None => String::new(),
    };
    Error::new(
        Category::TempFail,
        format!(
            "request to {}{through} timed out after {} (--timeout; token URL {})",
            request.token_url.authority,
            seconds(request.timeout),
            request.token_url.url
        ),
    )
    .with_hint("check the network, or raise --timeout")
}

/// Maps a ureq failure that happened before a complete reply arrived.
/// Connection failures and timeouts may be retried; certificate and
/// protocol errors may not.
pub fn transport_failure(error: ureq::Error, request: &TokenRequest) -> Failure {
    let authority = &request.token_url.authority;
    let url = &request.token_url.url;
    let proxy = request.network.proxy.proxy_url();
    if let Some(tls_error) = tls::rustls_error(&error) {
        let peer = match proxy.filter(|proxy| proxy.is_https()) {
            Some(proxy) => format!("{authority} or of proxy {}", proxy.redacted()),
            None => authority.clone(),
        };
        return Failure::fatal(tls::handshake_error(tls_error, &peer));
    }
    let temporary = |message: String| Error::new(Category::TempFail, message);
    match error {
        ureq::Error::Timeout(ureq::Timeout::Connect) => Failure::retryable(
            temporary(format!(
                "connecting to {} timed out after {} (token URL {url})",
                match proxy {
                    Some(proxy) => format!("proxy {}", proxy.redacted()),
                    None => authority.clone(),
                },
                seconds(CONNECT_TIMEOUT)
            ))
            .with_hint("check the network and the proxy settings"),
            "connect timeout",
        ),
        ureq::Error::Timeout(_) => Failure::retryable(timed_out(request), "timeout"),
        ureq::Error::HostNotFound => Failure::fatal(match proxy {
            Some(proxy) => temporary(format!(
                "cannot resolve the host of proxy {} (token URL {url})",
                proxy.redacted()
            )),
            None => temporary(format!(
                "cannot resolve host {} (token URL {url})",
                request.token_url.host
            )),
        }),
        ureq::Error::Io(io) => {
            use std::io::ErrorKind;
            let target = match proxy {
                Some(proxy) if io.kind() == ErrorKind::ConnectionRefused => {
                    format!("proxy {}", proxy.redacted())
                }
                _ => authority.clone(),
            };
            let error = if io.kind() == ErrorKind::UnexpectedEof {
                temporary(format!(
                    "connection to {target} closed before a complete reply (token URL {url})"
                ))
            } else {
                temporary(format!(
                    "connection to {target} failed (token URL {url}): {io}"
                ))
            };
            match io.kind() {
                ErrorKind::ConnectionRefused
                | ErrorKind::ConnectionReset
                | ErrorKind::ConnectionAborted
                | ErrorKind::UnexpectedEof
                | ErrorKind::BrokenPipe
                | ErrorKind::NotConnected
                | ErrorKind::TimedOut => Failure::retryable(error, io.to_string()),
                _ => Failure::fatal(error),
            }
        }
        ureq::Error::ConnectionFailed => Failure::retryable(
            temporary(format!("cannot connect to {authority} (token URL {url})")),
            "connection failed",
        ),
        ureq::Error::ConnectProxyFailed(reason) => proxy_failure(&reason, request),
        ureq::Error::Protocol(protocol) => Failure::fatal(Error::protocol(format!(
            "invalid HTTP reply from {authority} (token URL {url}): {protocol}"
        ))),
        ureq::Error::LargeResponseHeader(_, limit) => Failure::fatal(Error::protocol(format!(
            "invalid HTTP reply from {authority} (token URL {url}): the reply head is larger than {} KiB",
            limit / 1024
        ))),
        other => Failure::fatal(temporary(format!(
            "request to {authority} failed (token URL {url}): {other}"
        ))),
    }
}

/// Maps a failed CONNECT. ureq reports the proxy's reply as text such as
/// `proxy server responded 407/Proxy Authentication Required`.
fn proxy_failure(reason: &str, request: &TokenRequest) -> Failure {
    let network = request.network;
    let (shown, variable) = match &network.proxy {
        proxy::ProxyChoice::Proxy { url, variable } => (url.redacted().to_owned(), *variable),
        _ => ("(none)".to_owned(), "the proxy variable"),
    };
    let authority = &request.token_url.authority;
    let status = reason
        .strip_prefix("proxy server responded ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse::<u16>().ok());
    match status {
        Some(407) => Failure::fatal(
            Error::config(format!(
                "proxy {shown} requires authentication (HTTP 407) for the tunnel to {authority}"
            ))
            .with_hint(format!(
                "put the proxy user name and password in {variable}, as http://USER:PASSWORD@HOST:PORT"
            )),
        ),
        // A proxy that refuses the tunnel for good, such as with 403 for a
        // host its policy blocks, needs a change of proxy settings.
        Some(status) if !retry::is_retryable_status(status) => Failure::fatal(
            Error::config(format!(
                "proxy {shown} refused the tunnel to {authority}: HTTP {status}"
            ))
            .with_hint(format!(
                "check that the proxy allows {authority}, or list the host in NO_PROXY"
            )),
        ),
        _ => Failure::retryable(
            Error::new(
                Category::TempFail,
                format!("proxy {shown} could not open a tunnel to {authority}: {reason}"),
            ),
            reason.to_owned(),
        ),
    }
}

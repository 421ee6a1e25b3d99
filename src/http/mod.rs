//! The token request on the wire: the ureq agent, the POST with its retries
//! and same-origin redirects, and the classification of every reply and
//! transport failure into a token or a categorised error.
//!
//! Every attempt, wait and redirect shares one deadline, `--timeout`.
//! Transient failures are retried (see `retry`), 307 and 308 redirects to
//! the same origin are followed (see `redirect`), and everything else ends
//! the request with one error. The credentials (see `client_auth`) go only
//! to the configured origin, directly or through the proxy that `proxy`
//! chose, over TLS verified with the roots from `tls`.

pub mod client_auth;
pub mod proxy;
mod redirect;
mod retry;
mod tls;

use std::time::{Duration, Instant, SystemTime};

use crate::error::{Category, Error, Result, escape_control};
use crate::log;
use crate::secret::Secret;
use crate::settings::{NetworkSettings, TokenUrl};
use crate::token::{self, Parsed, Token};

use client_auth::Credentials;
use retry::Deadline;

/// Maximum size of a reply body. A token reply is about 1 KiB.
pub const MAX_BODY_BYTES: u64 = 64 * 1024;
/// Maximum time to set up one connection, TLS and proxy tunnel included.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Maximum number of characters of a reply body shown in an error.
const EXCERPT_CHARS: usize = 200;

/// Everything one token request needs.
#[derive(Debug)]
pub struct TokenRequest<'a> {
    pub token_url: &'a TokenUrl,
    pub client_id: &'a str,
    pub client_secret: &'a Secret,
    pub scope: &'a str,
    /// The total time for all attempts, waits and redirects.
    pub timeout: Duration,
    pub network: &'a NetworkSettings,
}

/// Sends the token request, with retries and same-origin redirects, and
/// returns the validated token.
pub fn request_token(request: &TokenRequest) -> Result<Token> {
    let agent = build_agent(request)?;
    let network = request.network;
    let credentials = Credentials::new(
        network.client_auth.value,
        network.basic_encoding.value,
        request.client_id,
        request.client_secret,
        request.scope,
    );
    let deadline = Deadline::after(request.timeout);
    let attempts = network.retries.value + 1;

    let mut attempt = 1;
    loop {
        let failure = match attempt_once(&agent, request, &credentials, &deadline, attempt) {
            Ok(parsed) => {
                for warning in &parsed.warnings {
                    log::warn(warning);
                }
                return Ok(parsed.token);
            }
            Err(failure) => failure,
        };
        let Some(retry) = failure.retry else {
            return Err(if attempt > 1 {
                failure
                    .error
                    .context(format!("attempt {attempt} of {attempts}"))
            } else {
                failure.error
            });
        };
        let remaining = deadline.remaining();
        if attempt >= attempts || remaining.is_zero() {
            return Err(if attempt > 1 {
                failure
                    .error
                    .context(format!("gave up after {attempt} attempts"))
            } else {
                failure.error
            });
        }

        let (delay, source) = match retry.retry_after {
            Some(delay) => (delay, "as Retry-After asks"),
            None => (retry::backoff(attempt, retry::random_jitter()), "backoff"),
        };
        if delay >= remaining {
            return Err(failure.error.context(format!(
                "gave up after {attempt} of {attempts} attempts, because the retry delay of {} ({source}) exceeds the {} left of --timeout {}",
                seconds(delay),
                seconds(remaining),
                seconds(deadline.total())
            )));
        }
        log::verbose(|| {
            format!(
                "attempt {attempt} of {attempts} failed: {}; retrying in {} ({source})",
                retry.reason,
                seconds(delay)
            )
        });
        std::thread::sleep(delay);
        attempt += 1;
    }
}

/// Formats a duration as seconds with up to three decimals, such as `0.25 s`.
fn seconds(duration: Duration) -> String {
    let text = format!("{:.3}", duration.as_secs_f64());
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text} s")
}

/// Builds the agent: no automatic redirects or proxy, HTTP statuses as
/// replies rather than errors, the connect timeout, and the TLS roots when
/// the token URL or the proxy uses `https`.
fn build_agent(request: &TokenRequest) -> Result<ureq::Agent> {
    let network = request.network;
    let proxy = network.proxy.proxy_url();
    let mut config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .proxy(proxy.map(proxy::ProxyUrl::to_ureq))
        .user_agent(concat!("ezeep-token/", env!("CARGO_PKG_VERSION")));
    let uses_tls = request.token_url.url.starts_with("https://")
        || proxy.is_some_and(proxy::ProxyUrl::is_https);
    if uses_tls {
        let tls = ureq::tls::TlsConfig::builder()
            .root_certs(tls::root_certs(network)?)
            .build();
        config = config.tls_config(tls);
    }
    if let Some(proxy) = proxy {
        log::verbose(|| format!("proxy: {}", proxy.redacted()));
    }
    Ok(config.build().into())
}

/// Why an attempt failed, and whether another attempt may succeed.
struct Failure {
    error: Error,
    retry: Option<Retry>,
}

/// The reason to retry, for the verbose log, and the wait that the server
/// asked for.
struct Retry {
    reason: String,
    retry_after: Option<Duration>,
}

impl Failure {
    fn fatal(error: Error) -> Failure {
        Failure { error, retry: None }
    }

    fn retryable(error: Error, reason: impl Into<String>) -> Failure {
        Failure {
            error,
            retry: Some(Retry {
                reason: reason.into(),
                retry_after: None,
            }),
        }
    }
}

/// Sends the POST once, following up to [`redirect::MAX_REDIRECTS`]
/// same-origin 307 and 308 redirects, and classifies the final reply.
fn attempt_once(
    agent: &ureq::Agent,
    request: &TokenRequest,
    credentials: &Credentials,
    deadline: &Deadline,
    attempt: u32,
) -> std::result::Result<Parsed, Failure> {
    let mut url = request.token_url.url.clone();
    let mut redirects = 0;
    loop {
        let reply = exchange(agent, &url, request, credentials, deadline, attempt)?;
        if !redirect::keeps_method(reply.status) {
            return classify(&reply, request.scope, &invalid_client_hint(request));
        }
        let Some(location) = reply.location.as_deref() else {
            return Err(Failure::fatal(redirect::redirect_error(
                &url,
                reply.status,
                None,
            )));
        };
        let target = redirect::resolve_location(&url, location);
        if !redirect::same_origin(&url, &target) {
            return Err(Failure::fatal(redirect::redirect_error(
                &url,
                reply.status,
                Some(location),
            )));
        }
        if redirects == redirect::MAX_REDIRECTS {
            return Err(Failure::fatal(redirect::too_many_redirects(
                &url,
                reply.status,
                location,
            )));
        }
        redirects += 1;
        log::verbose(|| {
            format!(
                "HTTP {} redirects to {target} on the same origin; repeating the POST",
                reply.status
            )
        });
        url = target;
    }
}

fn invalid_client_hint(request: &TokenRequest) -> Option<String> {
    client_auth::invalid_client_hint(
        request.network.client_auth.value,
        request.network.basic_encoding.value,
        request.client_id,
        request.client_secret,
    )
}

/// Sends one POST to `url` and reads the reply, within what is left of the
/// deadline.
fn exchange(
    agent: &ureq::Agent,
    url: &str,
    request: &TokenRequest,
    credentials: &Credentials,
    deadline: &Deadline,
    attempt: u32,
) -> std::result::Result<Reply, Failure> {
    let remaining = deadline.remaining();
    if remaining.is_zero() {
        return Err(Failure::retryable(timed_out(request), "timeout"));
    }
    log::verbose(|| {
        format!(
            "POST {url} (attempt {attempt}, scope {:?}, {} left of --timeout)",
            request.scope,
            seconds(remaining)
        )
    });

    let mut builder = agent
        .post(url)
        .config()
        .timeout_global(Some(remaining))
        .build()
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json");
    if let Some(authorization) = &credentials.authorization {
        builder = builder.header("Authorization", authorization.expose());
    }
    let sent_at = SystemTime::now();
    let started = Instant::now();
    let mut response = builder
        .send(credentials.body.expose().as_bytes())
        .map_err(|error| transport_failure(error, request))?;

    let status = response.status().as_u16();
    let content_type = header(&response, "content-type").unwrap_or_default();
    let location = header(&response, "location");
    let retry_after = header(&response, "retry-after");
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_BODY_BYTES)
        .read_to_vec()
        .map_err(|error| match error {
            ureq::Error::BodyExceedsLimit(_) => Failure::fatal(Error::protocol(format!(
                "invalid token response from {url}: HTTP {status}: the body is larger than {} KiB",
                MAX_BODY_BYTES / 1024
            ))),
            other => transport_failure(other, request),
        })?;
    log::verbose(|| {
        format!(
            "HTTP {status} ({content_type}, {} bytes) in {} ms",
            body.len(),
            started.elapsed().as_millis()
        )
    });

    Ok(Reply {
        url: url.to_owned(),
        status,
        content_type,
        location,
        retry_after,
        body,
        sent_at,
    })
}

fn header(response: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    let value = response.headers().get(name)?;
    Some(String::from_utf8_lossy(value.as_bytes()).into_owned())
}

/// A complete HTTP reply, with what classification and error messages
/// need.
struct Reply {
    url: String,
    status: u16,
    content_type: String,
    location: Option<String>,
    retry_after: Option<String>,
    body: Vec<u8>,
    /// When the request was sent, from which the token's expiry counts.
    sent_at: SystemTime,
}

/// Turns a reply into a token or a failure. `invalid_client_hint` replaces
/// the generic hint of an `invalid_client` error.
fn classify(
    reply: &Reply,
    scope: &str,
    invalid_client_hint: &Option<String>,
) -> std::result::Result<Parsed, Failure> {
    match reply.status {
        200 => token::parse_token_reply(&reply.body, scope, reply.sent_at)
            .map_err(|reason| Failure::fatal(reply.invalid(&reason))),
        300..=399 => Err(Failure::fatal(redirect::redirect_error(
            &reply.url,
            reply.status,
            reply.location.as_deref(),
        ))),
        status if retry::is_retryable_status(status) => {
            let retry_after = reply
                .retry_after
                .as_deref()
                .and_then(|value| retry::parse_retry_after(value, SystemTime::now()));
            Err(Failure {
                error: reply.transient(),
                retry: Some(Retry {
                    reason: format!("HTTP {status}"),
                    retry_after,
                }),
            })
        }
        500..=599 => Err(Failure::fatal(reply.transient())),
        _ => Err(Failure::fatal(reply.rejected(invalid_client_hint))),
    }
}

impl Reply {
    /// Describes the reply as `HTTP STATUS (TYPE): "excerpt"`.
    fn describe(&self) -> String {
        let content_type = if self.content_type.is_empty() {
            "no content type"
        } else {
            &self.content_type
        };
        format!(
            "HTTP {} ({content_type}): {}",
            self.status,
            excerpt(&self.body)
        )
    }

    fn invalid(&self, reason: &str) -> Error {
        Error::protocol(format!(
            "invalid token response from {}: {reason}; {}",
            self.url,
            self.describe()
        ))
    }

    fn transient(&self) -> Error {
        let detail = match token::parse_oauth_error(&self.body) {
            Some(oauth) => format!("HTTP {}: {}", self.status, describe_oauth(&oauth)),
            None => self.describe(),
        };
        Error::new(
            Category::TempFail,
            format!("token endpoint {} is unavailable: {detail}", self.url),
        )
        .with_hint("try again later")
    }

    /// Classifies a 4xx or other unexpected status. OAuth error replies and
    /// any 401 or 403 are rejections (exit 77); anything else is a protocol
    /// error (exit 76).
    fn rejected(&self, invalid_client_hint: &Option<String>) -> Error {
        if let Some(oauth) = token::parse_oauth_error(&self.body) {
            let error = Error::new(
                Category::NoPerm,
                format!(
                    "token request rejected by {}: HTTP {}: {}",
                    self.url,
                    self.status,
                    describe_oauth(&oauth)
                ),
            );
            return match oauth.code.as_str() {
                "invalid_client" if invalid_client_hint.is_some() => {
                    error.with_hint(invalid_client_hint.clone().unwrap_or_default())
                }
                "invalid_client" | "unauthorized_client" => error.with_hint(
                    "check the client id and secret; `ezeep-token config` shows where each comes from",
                ),
                "invalid_scope" => error.with_hint("check --scope; ezeep issues tokens for `printing`"),
                _ => error,
            };
        }
        if matches!(self.status, 401 | 403) {
            return Error::new(
                Category::NoPerm,
                format!(
                    "token request rejected by {}: {}",
                    self.url,
                    self.describe()
                ),
            );
        }
        self.invalid("unexpected status")
    }
}

fn describe_oauth(oauth: &token::OAuthError) -> String {
    match &oauth.description {
        Some(description) => format!("{}: {description}", oauth.code),
        None => oauth.code.clone(),
    }
}

/// JSON fields whose string values are bearer credentials, which an
/// excerpt never shows.
const CREDENTIAL_FIELDS: [&str; 3] = ["access_token", "refresh_token", "id_token"];

/// Returns up to 200 characters of the body in quotes, with control
/// characters escaped and credential values redacted, or `empty body`.
fn excerpt(body: &[u8]) -> String {
    if body.is_empty() {
        return "empty body".to_owned();
    }
    let text = redact_credentials(&String::from_utf8_lossy(body));
    let mut shown: String = text.chars().take(EXCERPT_CHARS).collect();
    if text.chars().count() > EXCERPT_CHARS {
        shown.push_str("...");
    }
    format!("\"{}\"", escape_control(&shown))
}

/// Replaces the string value of every [`CREDENTIAL_FIELDS`] member with
/// `<redacted>`. It scans the text rather than parsing it, so that a
/// truncated or otherwise invalid JSON body is redacted too.
fn redact_credentials(text: &str) -> String {
    let mut redacted = text.to_owned();
    for field in CREDENTIAL_FIELDS {
        let key = format!("\"{field}\"");
        let mut search_from = 0;
        while let Some(found) = redacted[search_from..].find(&key) {
            let after_key = search_from + found + key.len();
            search_from = after_key;
            let rest = &redacted[after_key..];
            let Some(colon) = rest.trim_start().strip_prefix(':') else {
                continue;
            };
            let Some(value) = colon.trim_start().strip_prefix('"') else {
                continue;
            };
            let value_start = redacted.len() - value.len();
            let mut value_end = redacted.len();
            let mut escaped = false;
            for (offset, character) in value.char_indices() {
                match character {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => {
                        value_end = value_start + offset;
                        break;
                    }
                    _ => {}
                }
            }
            redacted.replace_range(value_start..value_end, "<redacted>");
            search_from = value_start;
        }
    }
    redacted
}

fn timed_out(request: &TokenRequest) -> Error {
    Error::new(
        Category::TempFail,
        format!(
            "request to {} timed out after {} (--timeout; token URL {})",
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
fn transport_failure(error: ureq::Error, request: &TokenRequest) -> Failure {
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
                "connecting to {authority} timed out after {} (token URL {url})",
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
        Some(status) if !retry::is_retryable_status(status) => Failure::fatal(Error::new(
            Category::TempFail,
            format!("proxy {shown} refused the tunnel to {authority}: HTTP {status}"),
        )),
        _ => Failure::retryable(
            Error::new(
                Category::TempFail,
                format!("proxy {shown} could not open a tunnel to {authority}: {reason}"),
            ),
            reason.to_owned(),
        ),
    }
}

#[cfg(test)]
mod tests;

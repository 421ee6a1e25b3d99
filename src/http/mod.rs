//! The token request on the wire: the ureq agent, and the POST with its
//! retries and same-origin redirects.
//!
//! Every attempt, wait and redirect shares one deadline, `--timeout`.
//! `reply` and `failure` turn each reply or transport failure into a token
//! or a categorised error, and decide whether another attempt may succeed.
//! Transient failures are retried (see `retry`), 307 and 308 redirects to
//! the same origin are followed (see `redirect`), and everything else ends
//! the request with one error. The credentials (see `client_auth`) go only
//! to the configured origin, directly or through the proxy that `proxy`
//! chose, over TLS verified with the roots from `tls`.

pub mod client_auth;
mod failure;
pub mod proxy;
mod redirect;
mod reply;
mod resolve;
mod retry;
mod tls;

use std::time::{Duration, Instant, SystemTime};

use crate::cli::BasicEncoding;
use crate::error::{Error, Result};
use crate::log;
use crate::secret::Secret;
use crate::settings::{NetworkSettings, TokenUrl};
use crate::token::{Parsed, Token};

use client_auth::Credentials;
use failure::{Failure, timed_out, transport_failure};
use reply::{Reply, classify};
use retry::Deadline;

/// Maximum size of a reply body. A token reply is about 1 KiB.
pub const MAX_BODY_BYTES: u64 = 64 * 1024;
/// Maximum time to set up one connection, TLS and proxy tunnel included.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Maximum size of a reply head: the status line and all header lines. A
/// token reply's head is a few hundred bytes.
const MAX_REPLY_HEAD_BYTES: usize = 32 * 1024;
/// Size of the buffer that ureq reads a connection into. ureq zeroes it when
/// the connection opens. It must be larger than [`MAX_REPLY_HEAD_BYTES`],
/// because ureq reports a head over that limit only once it has buffered
/// more than the limit. With a full buffer and no complete head it reports
/// a closed connection instead.
const INPUT_BUFFER_BYTES: usize = MAX_REPLY_HEAD_BYTES + 4 * 1024;
/// Size of the buffer that ureq writes a request into, unless
/// [`request_head_bound`] needs more for one request. ureq zeroes it when the
/// connection opens, and fails a request whose request line or a header
/// line does not fit it.
const OUTPUT_BUFFER_BYTES: usize = 16 * 1024;

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
///
/// An error never contains the client secret or the Basic credentials,
/// even when a server echoes them back in its reply.
pub fn request_token(request: &TokenRequest) -> Result<Token> {
    send_with_retries(request).map_err(|error| error.redact(&sensitive_values(request)))
}

/// Returns the forms in which the client secret travels on the wire.
fn sensitive_values(request: &TokenRequest) -> Vec<String> {
    let secret = request.client_secret.expose();
    let mut values = vec![
        secret.to_owned(),
        client_auth::percent_encode(secret),
        client_auth::form_encode(secret),
    ];
    for encoding in [BasicEncoding::Urlencoded, BasicEncoding::Raw] {
        let header =
            client_auth::basic_authorization(request.client_id, request.client_secret, encoding);
        values.push(header.expose().trim_start_matches("Basic ").to_owned());
    }
    values
}

fn send_with_retries(request: &TokenRequest) -> Result<Token> {
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
            Some(delay) => (delay, "from Retry-After"),
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

/// Builds the agent for one token request.
///
/// It follows no redirects, uses only the proxy chosen here, returns HTTP
/// error statuses as replies, and has the connect timeout and small
/// buffers. Its resolver needs no thread for an IP address. TLS roots are
/// loaded only when the token URL or the proxy uses `https`.
fn build_agent(request: &TokenRequest) -> Result<ureq::Agent> {
    let network = request.network;
    let proxy = network.proxy.proxy_url();
    let mut config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .max_response_header_size(MAX_REPLY_HEAD_BYTES)
        .input_buffer_size(INPUT_BUFFER_BYTES)
        .output_buffer_size(OUTPUT_BUFFER_BYTES)
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
    Ok(ureq::Agent::with_parts(
        config.build(),
        ureq::unversioned::transport::DefaultConnector::default(),
        resolve::IpLiteralResolver::default(),
    ))
}

/// Returns an upper bound in bytes for the head of a POST to `url` with
/// `credentials`: the request line and the `Host` header each contain at
/// most the URL, the `Authorization` header contains the Basic credentials,
/// and the other headers that this module and ureq add take less than
/// 1 KiB.
///
/// A client id and a secret of 4096 four-byte characters each,
/// percent-encoded and in base64, make an `Authorization` value of 131,082
/// bytes, more than ureq's default buffer of 128 KiB. A redirect can make
/// `url` longer than the token URL, so the bound is computed for each POST.
fn request_head_bound(url: &str, credentials: &Credentials) -> usize {
    let authorization = credentials.authorization.as_ref().map_or(0, |value| {
        "Authorization: \r\n".len() + value.expose().len()
    });
    2 * url.len() + authorization + 1024
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

    let mut config = agent.post(url).config().timeout_global(Some(remaining));
    let head_bound = request_head_bound(url, credentials);
    if head_bound > OUTPUT_BUFFER_BYTES {
        // A request-level buffer size keeps this connection out of ureq's
        // pool, which matters only for a redirect or a retry.
        config = config.output_buffer_size(head_bound);
    }
    let mut builder = config
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_short() {
        assert_eq!(seconds(Duration::from_millis(250)), "0.25 s");
        assert_eq!(seconds(Duration::from_secs(2)), "2 s");
        assert_eq!(seconds(Duration::from_micros(374_999)), "0.375 s");
    }
}

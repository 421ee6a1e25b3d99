//! The token request on the wire: client authentication, the form body, the
//! ureq agent and the classification of every reply and transport failure
//! into a token or a categorised error.
//!
//! One POST is sent. Redirects are not followed, so that the client secret
//! never goes to a URL the user did not configure.

use std::time::{Duration, Instant, SystemTime};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::error::{Category, Error, Result, escape_control};
use crate::log;
use crate::secret::Secret;
use crate::settings::TokenUrl;
use crate::token::{self, Token};

/// Maximum size of a reply body. A token reply is about 1 KiB.
pub const MAX_BODY_BYTES: u64 = 64 * 1024;
/// Maximum number of characters of a reply body shown in an error.
const EXCERPT_CHARS: usize = 200;

/// Everything one token request needs.
#[derive(Debug)]
pub struct TokenRequest<'a> {
    pub token_url: &'a TokenUrl,
    pub client_id: &'a str,
    pub client_secret: &'a Secret,
    pub scope: &'a str,
    pub timeout: Duration,
}

/// Returns the `Authorization` header value `Basic base64(id:secret)`, with
/// the id and the secret each percent-encoded first (RFC 6749 section 2.3.1).
pub fn basic_authorization(client_id: &str, client_secret: &Secret) -> Secret {
    let pair = format!(
        "{}:{}",
        percent_encode(client_id),
        percent_encode(client_secret.expose())
    );
    Secret::new(format!("Basic {}", STANDARD.encode(pair)))
}

/// Percent-encodes every byte except the RFC 3986 unreserved characters
/// `A-Za-z0-9-._~`.
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// Encodes a value for an `application/x-www-form-urlencoded` body, where a
/// space becomes `+`.
pub fn form_encode(text: &str) -> String {
    percent_encode(text).replace("%20", "+")
}

/// Returns the request body for the client-credentials grant.
pub fn form_body(scope: &str) -> String {
    format!("grant_type=client_credentials&scope={}", form_encode(scope))
}

/// Sends the token request and returns the validated token.
pub fn request_token(request: &TokenRequest) -> Result<Token> {
    let url = &request.token_url.url;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(request.timeout))
        .user_agent(concat!("ezeep-token/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let authorization = basic_authorization(request.client_id, request.client_secret);

    log::verbose(|| {
        format!(
            "POST {url} (scope {:?}, timeout {:?})",
            request.scope, request.timeout
        )
    });
    let sent_at = SystemTime::now();
    let started = Instant::now();
    let result = agent
        .post(url)
        .header("Authorization", authorization.expose())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .send(form_body(request.scope).as_bytes());
    let mut response = result.map_err(|error| transport_error(error, request))?;

    let status = response.status().as_u16();
    let content_type = header(&response, "content-type").unwrap_or_default();
    let location = header(&response, "location");
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_BODY_BYTES)
        .read_to_vec()
        .map_err(|error| match error {
            ureq::Error::BodyExceedsLimit(_) => Error::protocol(format!(
                "invalid token response from {url}: HTTP {status}: the body is larger than {} KiB",
                MAX_BODY_BYTES / 1024
            )),
            other => transport_error(other, request),
        })?;
    log::verbose(|| {
        format!(
            "HTTP {status} ({content_type}, {} bytes) in {} ms",
            body.len(),
            started.elapsed().as_millis()
        )
    });

    let reply = Reply {
        url,
        status,
        content_type: &content_type,
        body: &body,
    };
    match status {
        200 => {
            let parsed = token::parse_token_reply(&body, request.scope, sent_at)
                .map_err(|reason| reply.invalid(&reason))?;
            for warning in &parsed.warnings {
                log::warn(warning);
            }
            Ok(parsed.token)
        }
        300..=399 => Err(redirect_error(url, status, location.as_deref())),
        429 | 500..=599 => Err(reply.transient()),
        _ => Err(reply.rejected()),
    }
}

fn header(response: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    let value = response.headers().get(name)?;
    Some(String::from_utf8_lossy(value.as_bytes()).into_owned())
}

/// A reply that is not a token, with what an error message needs.
struct Reply<'a> {
    url: &'a str,
    status: u16,
    content_type: &'a str,
    body: &'a [u8],
}

impl Reply<'_> {
    /// Describes the reply as `HTTP STATUS (TYPE): "excerpt"`.
    fn describe(&self) -> String {
        let content_type = if self.content_type.is_empty() {
            "no content type"
        } else {
            self.content_type
        };
        format!(
            "HTTP {} ({content_type}): {}",
            self.status,
            excerpt(self.body)
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
        let detail = match token::parse_oauth_error(self.body) {
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
    fn rejected(&self) -> Error {
        if let Some(oauth) = token::parse_oauth_error(self.body) {
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

/// Returns up to 200 characters of the body in quotes, with control
/// characters escaped, or `empty body`.
fn excerpt(body: &[u8]) -> String {
    if body.is_empty() {
        return "empty body".to_owned();
    }
    let text = String::from_utf8_lossy(body);
    let mut shown: String = text.chars().take(EXCERPT_CHARS).collect();
    if text.chars().count() > EXCERPT_CHARS {
        shown.push_str("...");
    }
    format!("\"{}\"", escape_control(&shown))
}

fn redirect_error(url: &str, status: u16, location: Option<&str>) -> Error {
    let Some(location) = location else {
        return Error::protocol(format!(
            "token endpoint {url} replied HTTP {status} (a redirect) without a Location header"
        ));
    };
    let target = resolve_location(url, location);
    let error = Error::protocol(format!(
        "token endpoint {url} replied HTTP {status} redirecting to {location}; redirects are not followed"
    ));
    let without_query = url.split(['?', '#']).next().unwrap_or(url);
    if target == format!("{without_query}/") {
        error.with_hint(format!(
            "the token URL needs a trailing slash: use --token-url {target}"
        ))
    } else {
        error.with_hint(format!(
            "if you trust {target}, set it as the token URL; the client secret is never sent to a redirect target"
        ))
    }
}

/// Resolves a `Location` value against the request URL for the common forms:
/// absolute URLs and absolute paths. Other relative forms are returned as is.
fn resolve_location(url: &str, location: &str) -> String {
    if location.contains("://") {
        return location.to_owned();
    }
    if location.starts_with('/') && !location.starts_with("//") {
        let scheme_end = url.find("://").map_or(0, |index| index + 3);
        let origin_end = url[scheme_end..]
            .find('/')
            .map_or(url.len(), |index| scheme_end + index);
        return format!("{}{location}", &url[..origin_end]);
    }
    location.to_owned()
}

/// Maps a ureq failure that happened before a complete reply arrived.
fn transport_error(error: ureq::Error, request: &TokenRequest) -> Error {
    let authority = &request.token_url.authority;
    let url = &request.token_url.url;
    match error {
        ureq::Error::Timeout(_) => Error::new(
            Category::TempFail,
            format!(
                "request to {authority} timed out after {} s (token URL {url})",
                request.timeout.as_secs_f64()
            ),
        )
        .with_hint("check the network, or raise --timeout"),
        ureq::Error::HostNotFound => Error::new(
            Category::TempFail,
            format!(
                "cannot resolve host {} (token URL {url})",
                request.token_url.host
            ),
        ),
        ureq::Error::Io(io) => Error::new(
            Category::TempFail,
            format!("cannot connect to {authority} (token URL {url}): {io}"),
        ),
        ureq::Error::ConnectionFailed => Error::new(
            Category::TempFail,
            format!("cannot connect to {authority} (token URL {url})"),
        ),
        ureq::Error::Protocol(protocol) => Error::protocol(format!(
            "invalid HTTP reply from {authority} (token URL {url}): {protocol}"
        )),
        other => Error::new(
            Category::TempFail,
            format!("request to {authority} failed (token URL {url}): {other}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded_basic(id: &str, secret: &str) -> String {
        let header = basic_authorization(id, &Secret::new(secret));
        let encoded = header.expose().strip_prefix("Basic ").unwrap();
        String::from_utf8(STANDARD.decode(encoded).unwrap()).unwrap()
    }

    #[test]
    fn basic_plain_credentials_unchanged() {
        assert_eq!(decoded_basic("abc123", "XyZ789"), "abc123:XyZ789");
        assert_eq!(
            basic_authorization("abc123", &Secret::new("XyZ789")).expose(),
            format!("Basic {}", STANDARD.encode("abc123:XyZ789"))
        );
    }

    #[test]
    fn basic_special_characters_encoded() {
        assert_eq!(
            decoded_basic("svc", "a+b/c=d:e%f g"),
            "svc:a%2Bb%2Fc%3Dd%3Ae%25f%20g"
        );
        assert_eq!(decoded_basic("a:b", "-._~"), "a%3Ab:-._~");
        assert_eq!(decoded_basic("\u{e9}", "x"), "%C3%A9:x");
    }

    #[test]
    fn form_body_encodes_scope() {
        assert_eq!(
            form_body("printing"),
            "grant_type=client_credentials&scope=printing"
        );
        assert_eq!(
            form_body("printing user:read"),
            "grant_type=client_credentials&scope=printing+user%3Aread"
        );
    }

    #[test]
    fn excerpt_is_bounded_and_escaped() {
        assert_eq!(excerpt(b""), "empty body");
        assert_eq!(excerpt(b"a\nb"), "\"a\\nb\"");
        let long = "x".repeat(500);
        assert_eq!(
            excerpt(long.as_bytes()),
            format!("\"{}...\"", "x".repeat(200))
        );
    }

    #[test]
    fn location_resolution() {
        let url = "http://127.0.0.1:8080/oauth/access_token";
        assert_eq!(
            resolve_location(url, "/oauth/access_token/"),
            "http://127.0.0.1:8080/oauth/access_token/"
        );
        assert_eq!(
            resolve_location(url, "https://other.example/x"),
            "https://other.example/x"
        );
        assert_eq!(resolve_location("http://h", "/x"), "http://h/x");
    }

    #[test]
    fn redirect_suggests_trailing_slash() {
        let error = redirect_error(
            "http://127.0.0.1:1/oauth/access_token",
            301,
            Some("/oauth/access_token/"),
        );
        assert_eq!(error.category(), Category::Protocol);
        assert_eq!(
            error.message(),
            "token endpoint http://127.0.0.1:1/oauth/access_token replied HTTP 301 redirecting to /oauth/access_token/; redirects are not followed"
        );
        assert_eq!(
            error.hint(),
            Some(
                "the token URL needs a trailing slash: use --token-url http://127.0.0.1:1/oauth/access_token/"
            )
        );
    }
}

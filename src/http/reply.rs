//! A complete HTTP reply and its classification into a token or a
//! categorised error, and the body excerpt that errors show.

use std::time::SystemTime;

use super::failure::{Failure, Retry};
use super::{redirect, retry};
use crate::error::{Category, Error, escape_control};
use crate::token::{self, Parsed};

/// Maximum number of characters of a reply body shown in an error.
const EXCERPT_CHARS: usize = 200;

/// A complete HTTP reply, with what classification and error messages
/// need.
pub struct Reply {
    pub url: String,
    pub status: u16,
    pub content_type: String,
    pub location: Option<String>,
    pub retry_after: Option<String>,
    pub body: Vec<u8>,
    /// When the request was sent, from which the token's expiry counts.
    pub sent_at: SystemTime,
}

/// Turns a reply into a token or a failure. `invalid_client_hint` replaces
/// the generic hint of an `invalid_client` error.
pub fn classify(
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
            )
            .with_hint(
                "check the client id and secret; `ezeep-token config` shows where each comes from",
            );
        }
        let error = self.invalid("unexpected status");
        if matches!(self.status, 404 | 405) {
            return error.with_hint(format!(
                "check the token URL; ezeep's is {}",
                crate::settings::DEFAULT_TOKEN_URL
            ));
        }
        error
    }
}

/// Returns `code: description`, cut to 200 characters because both come
/// from the server.
fn describe_oauth(oauth: &token::OAuthError) -> String {
    let text = match &oauth.description {
        Some(description) => format!("{}: {description}", oauth.code),
        None => oauth.code.clone(),
    };
    let mut shown: String = text.chars().take(EXCERPT_CHARS).collect();
    if text.chars().count() > EXCERPT_CHARS {
        shown.push_str("...");
    }
    shown
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

/// Replaces the value of every [`CREDENTIAL_FIELDS`] member with
/// `<redacted>`, both as a JSON string and as a form-encoded `name=value`
/// pair, which some servers send despite RFC 6749. It scans the text
/// rather than parsing it, so that a truncated or otherwise invalid body is
/// redacted too.
fn redact_credentials(text: &str) -> String {
    redact_form_pairs(&redact_json_strings(text))
}

/// Replaces the value in each `name=value` pair of a credential field, up
/// to the next `&`, whitespace or end of text.
fn redact_form_pairs(text: &str) -> String {
    let mut redacted = text.to_owned();
    for field in CREDENTIAL_FIELDS {
        let key = format!("{field}=");
        let mut search_from = 0;
        while let Some(found) = redacted[search_from..].find(&key) {
            let key_start = search_from + found;
            let value_start = key_start + key.len();
            search_from = value_start;
            let at_pair_start = redacted[..key_start]
                .chars()
                .next_back()
                .is_none_or(|before| before == '&' || before == '?' || before.is_whitespace());
            if !at_pair_start {
                continue;
            }
            let value_end = redacted[value_start..]
                .find(|c: char| c == '&' || c.is_whitespace())
                .map_or(redacted.len(), |offset| value_start + offset);
            redacted.replace_range(value_start..value_end, "<redacted>");
        }
    }
    redacted
}

/// Replaces the string value of each JSON member named after a credential
/// field.
fn redact_json_strings(text: &str) -> String {
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

#[cfg(test)]
mod tests;

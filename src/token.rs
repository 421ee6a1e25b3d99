//! The token response model and its validation, and the OAuth error reply
//! (RFC 6749 sections 5.1 and 5.2).
//!
//! Parsing is lenient where real servers differ (`expires_in` as a number or
//! a numeric string, `token_type` in any letter case, `scope` absent, extra
//! fields) and strict about everything that would print a broken or unsafe
//! token. HTTP status handling is left to `http`.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value;

use crate::secret::Secret;

/// Maximum accepted `expires_in`, 10 years. A larger value is a server bug,
/// and caching its token would keep it long after the server revoked it.
const MAX_EXPIRES_IN_SECONDS: u64 = 10 * 365 * 24 * 3600;

/// A validated access token.
#[derive(Debug, Clone)]
pub struct Token {
    pub access_token: Secret,
    /// Always `Bearer`: the only type this tool accepts, in its canonical case.
    pub token_type: &'static str,
    /// Expiry as Unix seconds, computed from the local clock when the request
    /// was sent, or `None` when the server sent no `expires_in`.
    pub expires_at: Option<u64>,
    /// The granted scope. When the reply has none, this is the requested
    /// scope, as RFC 6749 section 5.1 specifies.
    pub scope: String,
}

impl Token {
    /// Returns the seconds left until expiry at `now`, zero if expired.
    pub fn seconds_left(&self, now: SystemTime) -> Option<u64> {
        let expires_at = self.expires_at?;
        Some(expires_at.saturating_sub(unix_seconds(now)))
    }
}

/// A parsed token reply plus warnings for the user.
#[derive(Debug)]
pub struct Parsed {
    pub token: Token,
    pub warnings: Vec<String>,
}

/// Parses a 200 reply body into a token.
///
/// `sent_at` is when the request was sent. Expiry counts from then, so the
/// time spent waiting for the reply only shortens the token's assumed life.
/// The error is a reason such as "access_token is missing", to which the
/// caller adds the status and a body excerpt.
pub fn parse_token_reply(
    body: &[u8],
    requested_scope: &str,
    sent_at: SystemTime,
) -> Result<Parsed, String> {
    let value: Value =
        serde_json::from_slice(body).map_err(|error| format!("invalid JSON ({error})"))?;
    let Value::Object(fields) = value else {
        return Err("the JSON is not an object".to_owned());
    };
    let mut warnings = Vec::new();

    let access_token = match fields.get("access_token") {
        Some(Value::String(token)) if token.is_empty() => {
            return Err("access_token is empty".to_owned());
        }
        Some(Value::String(token)) => token,
        Some(Value::Null) | None => return Err("access_token is missing".to_owned()),
        Some(_) => return Err("access_token is not a string".to_owned()),
    };
    if let Some(position) = access_token.chars().position(|c| !c.is_ascii_graphic()) {
        return Err(format!(
            "access_token contains a space, control or non-ASCII character at position {}",
            position + 1
        ));
    }

    match fields.get("token_type") {
        Some(Value::String(kind)) if kind.eq_ignore_ascii_case("bearer") => {}
        Some(Value::String(kind)) => {
            return Err(format!(
                "token_type {kind:?} is not supported; only Bearer is"
            ));
        }
        Some(Value::Null) | None => {
            warnings
                .push("the token reply has no token_type; treating the token as Bearer".to_owned());
        }
        Some(_) => return Err("token_type is not a string".to_owned()),
    }

    let expires_in = match fields.get("expires_in") {
        None | Some(Value::Null) => None,
        Some(Value::Number(number)) => Some(
            number
                .as_u64()
                .or_else(|| {
                    number
                        .as_f64()
                        .filter(|n| *n >= 0.0 && n.fract() == 0.0)
                        // Clamping keeps a huge float above the maximum, so
                        // that the check below rejects it.
                        .map(|n| n.min((MAX_EXPIRES_IN_SECONDS + 1) as f64) as u64)
                })
                .ok_or_else(|| format!("expires_in {number} is not a whole number of seconds"))?,
        ),
        Some(Value::String(text)) => Some(
            text.trim()
                .parse::<u64>()
                .map_err(|_| format!("expires_in {text:?} is not a whole number of seconds"))?,
        ),
        Some(_) => return Err("expires_in is not a number".to_owned()),
    };

    if expires_in.is_some_and(|seconds| seconds > MAX_EXPIRES_IN_SECONDS) {
        return Err(format!(
            "expires_in is more than 10 years ({MAX_EXPIRES_IN_SECONDS} s)"
        ));
    }

    let scope = match fields.get("scope") {
        None | Some(Value::Null) => requested_scope.to_owned(),
        Some(Value::String(scope)) => scope.clone(),
        Some(_) => return Err("scope is not a string".to_owned()),
    };

    let token = Token {
        access_token: Secret::new(access_token.clone()),
        token_type: "Bearer",
        expires_at: expires_in.map(|seconds| unix_seconds(sent_at).saturating_add(seconds)),
        scope,
    };
    Ok(Parsed { token, warnings })
}

/// An OAuth error reply: `error` and the optional `error_description`.
#[derive(Debug, PartialEq, Eq)]
pub struct OAuthError {
    pub code: String,
    pub description: Option<String>,
}

/// Parses an RFC 6749 section 5.2 error body, or returns `None` when the body
/// is not a JSON object with a string `error`.
pub fn parse_oauth_error(body: &[u8]) -> Option<OAuthError> {
    let Value::Object(fields) = serde_json::from_slice(body).ok()? else {
        return None;
    };
    let code = fields.get("error")?.as_str()?.to_owned();
    let description = fields
        .get("error_description")
        .and_then(Value::as_str)
        .filter(|text| !text.is_empty())
        .map(str::to_owned);
    Some(OAuthError { code, description })
}

pub fn unix_seconds(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

#[cfg(test)]
mod proptests;

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    fn parse(body: &str) -> Result<Parsed, String> {
        parse_token_reply(body.as_bytes(), "printing", at(1_000))
    }

    #[test]
    fn ezeep_documented_shape() {
        let parsed =
            parse(r#"{"access_token":"AT1","token_type":"Bearer","expires_in":3600,"scope":""}"#)
                .unwrap();
        assert_eq!(parsed.token.access_token.expose(), "AT1");
        assert_eq!(parsed.token.expires_at, Some(4_600));
        assert_eq!(parsed.token.scope, "");
        assert!(parsed.warnings.is_empty());
    }

    #[test]
    fn lenient_variants_accepted() {
        let parsed = parse(
            r#"{"access_token":"AT1","token_type":"bearer","expires_in":"3600","extra":[1]}"#,
        )
        .unwrap();
        assert_eq!(parsed.token.token_type, "Bearer");
        assert_eq!(parsed.token.expires_at, Some(4_600));
        assert_eq!(parsed.token.scope, "printing");
        assert!(parsed.warnings.is_empty());
        let parsed =
            parse(r#"{"access_token":"AT1","token_type":"BEARER","expires_in":60.0}"#).unwrap();
        assert_eq!(parsed.token.expires_at, Some(1_060));
    }

    #[test]
    fn missing_token_type_warns() {
        let parsed = parse(r#"{"access_token":"AT1","expires_in":1}"#).unwrap();
        assert_eq!(
            parsed.warnings,
            ["the token reply has no token_type; treating the token as Bearer"]
        );
    }

    #[test]
    fn missing_expiry_is_none() {
        let parsed = parse(r#"{"access_token":"AT1","token_type":"Bearer"}"#).unwrap();
        assert_eq!(parsed.token.expires_at, None);
        assert_eq!(parsed.token.seconds_left(at(2_000)), None);
    }

    #[test]
    fn invalid_replies_rejected() {
        let cases = [
            (
                "",
                "invalid JSON (EOF while parsing a value at line 1 column 0)",
            ),
            ("[]", "the JSON is not an object"),
            (r#"{"access_token":null}"#, "access_token is missing"),
            (r#"{"access_token":""}"#, "access_token is empty"),
            (r#"{"access_token":5}"#, "access_token is not a string"),
            (
                r#"{"access_token":"a b"}"#,
                "access_token contains a space, control or non-ASCII character at position 2",
            ),
            (
                r#"{"access_token":"a\nb"}"#,
                "access_token contains a space, control or non-ASCII character at position 2",
            ),
            (
                r#"{"access_token":"A","token_type":"mac"}"#,
                "token_type \"mac\" is not supported; only Bearer is",
            ),
            (
                r#"{"access_token":"A","expires_in":-5}"#,
                "expires_in -5 is not a whole number of seconds",
            ),
            (
                r#"{"access_token":"A","expires_in":"soon"}"#,
                "expires_in \"soon\" is not a whole number of seconds",
            ),
            (
                r#"{"access_token":"A","expires_in":true}"#,
                "expires_in is not a number",
            ),
            (
                r#"{"access_token":"A","expires_in":1e30}"#,
                "expires_in is more than 10 years (315360000 s)",
            ),
            (
                r#"{"access_token":"A","expires_in":315360001}"#,
                "expires_in is more than 10 years (315360000 s)",
            ),
            (
                r#"{"access_token":"A","scope":["a"]}"#,
                "scope is not a string",
            ),
        ];
        for (body, reason) in cases {
            assert_eq!(parse(body).unwrap_err(), reason, "body {body}");
        }
    }

    #[test]
    fn seconds_left_saturates() {
        let parsed =
            parse(r#"{"access_token":"A","token_type":"Bearer","expires_in":100}"#).unwrap();
        assert_eq!(parsed.token.seconds_left(at(1_040)), Some(60));
        assert_eq!(parsed.token.seconds_left(at(9_000)), Some(0));
    }

    #[test]
    fn oauth_error_parsed() {
        let error = parse_oauth_error(
            br#"{"error":"invalid_client","error_description":"Client authentication failed"}"#,
        );
        assert_eq!(
            error,
            Some(OAuthError {
                code: "invalid_client".into(),
                description: Some("Client authentication failed".into())
            })
        );
        assert_eq!(parse_oauth_error(b"<html>"), None);
        assert_eq!(parse_oauth_error(br#"{"error":5}"#), None);
    }
}

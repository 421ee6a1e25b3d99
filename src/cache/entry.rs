//! The format of a cache entry: a JSON object with exactly
//! `access_token`, `token_type`, `scope` and `expires_at` (Unix seconds).
//!
//! Nothing else is stored: no client id, no secret, no Basic value, no time
//! of the request. Decoding is strict, so a file that is not an entry
//! written by this version is reported as invalid instead of half-used.

use serde::{Deserialize, Serialize};

use crate::secret::Secret;
use crate::token::Token;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    access_token: String,
    token_type: String,
    scope: String,
    expires_at: u64,
}

/// Encodes a token as an entry, or returns `None` for a token without an
/// expiry, which is never cached.
pub fn encode(token: &Token) -> Option<Vec<u8>> {
    let entry = Entry {
        access_token: token.access_token.expose().to_owned(),
        token_type: token.token_type.to_owned(),
        scope: token.scope.clone(),
        expires_at: token.expires_at?,
    };
    let mut bytes = serde_json::to_vec(&entry).expect("a struct of strings and numbers serializes");
    bytes.push(b'\n');
    Some(bytes)
}

/// Decodes an entry. The error is a reason such as "invalid JSON (...)"
/// that never contains the token.
pub fn decode(bytes: &[u8]) -> Result<Token, String> {
    let entry: Entry = serde_json::from_slice(bytes).map_err(describe_json_error)?;
    if entry.access_token.is_empty() || !entry.access_token.bytes().all(|b| b.is_ascii_graphic()) {
        return Err("access_token is empty or contains invalid characters".to_owned());
    }
    if !entry.token_type.eq_ignore_ascii_case("bearer") {
        return Err(format!("token_type {:?} is not Bearer", entry.token_type));
    }
    Ok(Token {
        access_token: Secret::new(entry.access_token),
        token_type: "Bearer",
        expires_at: Some(entry.expires_at),
        scope: entry.scope,
    })
}

/// Describes a parse failure by its kind and position only, because
/// serde_json quotes values in its messages and a value may be a token.
fn describe_json_error(error: serde_json::Error) -> String {
    let kind = match error.classify() {
        serde_json::error::Category::Data => "the fields are not those of a cache entry",
        serde_json::error::Category::Eof => "the JSON ends early",
        serde_json::error::Category::Syntax | serde_json::error::Category::Io => "invalid JSON",
    };
    format!("{kind} (line {}, column {})", error.line(), error.column())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(expires_at: Option<u64>) -> Token {
        Token {
            access_token: Secret::new("AT1"),
            token_type: "Bearer",
            expires_at,
            scope: "printing".to_owned(),
        }
    }

    #[test]
    fn encode_writes_four_fields() {
        let bytes = encode(&token(Some(4_600))).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "{\"access_token\":\"AT1\",\"token_type\":\"Bearer\",\"scope\":\"printing\",\"expires_at\":4600}\n"
        );
    }

    #[test]
    fn token_without_expiry_not_encoded() {
        assert_eq!(encode(&token(None)), None);
    }

    #[test]
    fn decode_round_trips() {
        let decoded = decode(&encode(&token(Some(4_600))).unwrap()).unwrap();
        assert_eq!(decoded.access_token.expose(), "AT1");
        assert_eq!(decoded.token_type, "Bearer");
        assert_eq!(decoded.expires_at, Some(4_600));
        assert_eq!(decoded.scope, "printing");
    }

    #[test]
    fn decode_rejects_invalid_entries() {
        let cases = [
            ("{garbage", "invalid JSON (line 1, column 2)"),
            ("{", "the JSON ends early (line 1, column 1)"),
            (
                r#"{"access_token":"A","token_type":"Bearer","scope":""}"#,
                "the fields are not those of a cache entry (line 1, column 53)",
            ),
            (
                r#"{"access_token":"A","token_type":"Bearer","scope":"","expires_at":"AT1"}"#,
                "the fields are not those of a cache entry (line 1, column 71)",
            ),
            (
                r#"{"access_token":"A","token_type":"Bearer","scope":"","expires_at":1,"x":1}"#,
                "the fields are not those of a cache entry (line 1, column 71)",
            ),
            (
                r#"{"access_token":"A B","token_type":"Bearer","scope":"","expires_at":1}"#,
                "access_token is empty or contains invalid characters",
            ),
            (
                r#"{"access_token":"A","token_type":"mac","scope":"","expires_at":1}"#,
                "token_type \"mac\" is not Bearer",
            ),
        ];
        for (body, reason) in cases {
            assert_eq!(decode(body.as_bytes()).unwrap_err(), reason, "entry {body}");
        }
    }
}

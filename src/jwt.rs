//! Decoding of a JWT in the JWS compact form (RFC 7515, section 7.1):
//! three base64url parts, header, claims and signature, joined by dots.
//!
//! The signature is decoded but never verified, because this tool has no
//! key to verify it with. The claims are shown for reading only and
//! nothing in this tool trusts them, token expiry included.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

/// A decoded JWT.
#[derive(Debug, PartialEq)]
pub struct Jwt {
    pub header: Map<String, Value>,
    pub claims: Map<String, Value>,
    /// Length of the decoded signature in bytes, zero for `alg: none`.
    pub signature_length: usize,
}

/// Decodes `token`. The error names the part that failed, such as "the
/// claims (part 2) are not valid base64url", and never contains the token.
pub fn decode(token: &str) -> Result<Jwt, String> {
    let parts: Vec<&str> = token.split('.').collect();
    let [header, claims, signature] = parts[..] else {
        return Err(format!(
            "expected 3 parts separated by dots, found {}",
            parts.len()
        ));
    };
    Ok(Jwt {
        header: decode_object(header, "the header (part 1) is")?,
        claims: decode_object(claims, "the claims (part 2) are")?,
        signature_length: decode_base64url(signature)
            .ok_or("the signature (part 3) is not valid base64url")?
            .len(),
    })
}

/// Decodes one base64url part that must be a JSON object. `subject` is the
/// start of the error sentence, with its verb.
fn decode_object(part: &str, subject: &str) -> Result<Map<String, Value>, String> {
    let bytes = decode_base64url(part).ok_or_else(|| format!("{subject} not valid base64url"))?;
    match serde_json::from_slice(&bytes) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err(format!("{subject} not a JSON object")),
        Err(_) => Err(format!("{subject} not valid JSON")),
    }
}

/// Decodes base64url without padding, as JWTs use it. Trailing `=` padding
/// is accepted too, because some libraries write it.
fn decode_base64url(part: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(part.trim_end_matches('=')).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE;

    fn encode(text: &str) -> String {
        URL_SAFE_NO_PAD.encode(text)
    }

    fn token(header: &str, claims: &str, signature: &str) -> String {
        format!(
            "{}.{}.{}",
            encode(header),
            encode(claims),
            encode(signature)
        )
    }

    #[test]
    fn decodes_header_and_claims() {
        let jwt = decode(&token(
            r#"{"alg":"RS256","typ":"JWT"}"#,
            r#"{"sub":"client","exp":1700003600}"#,
            "sig",
        ))
        .unwrap();
        assert_eq!(jwt.header["alg"], "RS256");
        assert_eq!(jwt.claims["sub"], "client");
        assert_eq!(jwt.claims["exp"], 1_700_003_600);
        assert_eq!(jwt.signature_length, 3);
    }

    #[test]
    fn accepts_padding_and_empty_signature() {
        let padded = format!(
            "{}.{}.",
            URL_SAFE.encode(r#"{"alg":"none"}"#),
            URL_SAFE.encode(r#"{"a":1}"#)
        );
        let jwt = decode(&padded).unwrap();
        assert_eq!(jwt.header["alg"], "none");
        assert_eq!(jwt.signature_length, 0);
    }

    #[test]
    fn names_the_failing_part() {
        let header = encode(r#"{"alg":"none"}"#);
        let claims = encode(r#"{"a":1}"#);
        let cases = [
            (
                "not.a.jwt".to_owned(),
                "the header (part 1) is not valid base64url",
            ),
            (
                "abc".to_owned(),
                "expected 3 parts separated by dots, found 1",
            ),
            (
                format!("{header}.{claims}.sig.x.y"),
                "expected 3 parts separated by dots, found 5",
            ),
            (
                format!("{}.{claims}.", encode("[1]")),
                "the header (part 1) is not a JSON object",
            ),
            (
                format!("{header}.{}.", encode("{oops")),
                "the claims (part 2) are not valid JSON",
            ),
            (
                format!("{header}.!!.sig"),
                "the claims (part 2) are not valid base64url",
            ),
            (
                format!("{header}.{claims}.a+b"),
                "the signature (part 3) is not valid base64url",
            ),
        ];
        for (input, reason) in cases {
            assert_eq!(decode(&input).unwrap_err(), reason, "input {input}");
        }
    }
}

//! Client authentication (RFC 6749 section 2.3.1) and the form body.
//!
//! With `basic`, the id and the secret go in an `Authorization: Basic`
//! header, percent-encoded first (`urlencoded`) or as they are (`raw`). With
//! `post`, they go form-encoded in the body and no `Authorization` header
//! is sent.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::cli::{BasicEncoding, ClientAuth};
use crate::secret::Secret;

/// The parts of the request that carry the credentials.
pub struct Credentials {
    /// The `Authorization` header value, or `None` with `--client-auth post`.
    pub authorization: Option<Secret>,
    /// The form body, which contains the secret with `--client-auth post`.
    pub body: Secret,
}

impl Credentials {
    pub fn new(
        client_auth: ClientAuth,
        encoding: BasicEncoding,
        client_id: &str,
        client_secret: &Secret,
        scope: &str,
    ) -> Credentials {
        match client_auth {
            ClientAuth::Basic => Credentials {
                authorization: Some(basic_authorization(client_id, client_secret, encoding)),
                body: Secret::new(form_body(scope)),
            },
            ClientAuth::Post => Credentials {
                authorization: None,
                body: Secret::new(format!(
                    "{}&client_id={}&client_secret={}",
                    form_body(scope),
                    form_encode(client_id),
                    form_encode(client_secret.expose())
                )),
            },
        }
    }
}

/// Returns the `Authorization` header value `Basic base64(id:secret)`. With
/// `urlencoded`, the id and the secret are each percent-encoded first.
pub fn basic_authorization(
    client_id: &str,
    client_secret: &Secret,
    encoding: BasicEncoding,
) -> Secret {
    let pair = match encoding {
        BasicEncoding::Urlencoded => format!(
            "{}:{}",
            percent_encode(client_id),
            percent_encode(client_secret.expose())
        ),
        BasicEncoding::Raw => format!("{client_id}:{}", client_secret.expose()),
    };
    Secret::new(format!("Basic {}", STANDARD.encode(pair)))
}

fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// Percent-encodes every byte except the RFC 3986 unreserved characters
/// `A-Za-z0-9-._~`.
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if is_unreserved(byte) {
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

/// Returns a hint for an `invalid_client` reply when the Basic encoding
/// may be the cause: the credentials contain a character outside
/// `A-Za-z0-9-._~`, for which the two encodings send different bytes.
/// Returns `None` with `--client-auth post` or plain credentials.
pub fn invalid_client_hint(
    client_auth: ClientAuth,
    encoding: BasicEncoding,
    client_id: &str,
    client_secret: &Secret,
) -> Option<String> {
    let plain = |text: &str| text.bytes().all(is_unreserved);
    if client_auth == ClientAuth::Post || (plain(client_id) && plain(client_secret.expose())) {
        return None;
    }
    let hint = match encoding {
        BasicEncoding::Urlencoded => {
            "the client id or secret contains characters that the urlencoded Basic \
             encoding (the default) percent-encodes; if the server compares the \
             header literally, try --basic-encoding raw (basic_encoding = \"raw\" \
             in the profile)"
        }
        BasicEncoding::Raw => {
            "the client id or secret contains characters that --basic-encoding raw \
             sends unencoded; servers that follow RFC 6749 decode them, so try \
             --basic-encoding urlencoded"
        }
    };
    Some(hint.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded_basic(id: &str, secret: &str, encoding: BasicEncoding) -> String {
        let header = basic_authorization(id, &Secret::new(secret), encoding);
        let encoded = header.expose().strip_prefix("Basic ").unwrap();
        String::from_utf8(STANDARD.decode(encoded).unwrap()).unwrap()
    }

    #[test]
    fn basic_plain_credentials_unchanged() {
        let encodings = [BasicEncoding::Urlencoded, BasicEncoding::Raw];
        for encoding in encodings {
            assert_eq!(decoded_basic("abc123", "XyZ789", encoding), "abc123:XyZ789");
        }
        assert_eq!(
            basic_authorization("abc123", &Secret::new("XyZ789"), BasicEncoding::Urlencoded)
                .expose(),
            format!("Basic {}", STANDARD.encode("abc123:XyZ789"))
        );
    }

    #[test]
    fn basic_special_characters_encoded() {
        let urlencoded = BasicEncoding::Urlencoded;
        assert_eq!(
            decoded_basic("svc", "a+b/c=d:e%f g", urlencoded),
            "svc:a%2Bb%2Fc%3Dd%3Ae%25f%20g"
        );
        assert_eq!(decoded_basic("a:b", "-._~", urlencoded), "a%3Ab:-._~");
        assert_eq!(decoded_basic("\u{e9}", "x", urlencoded), "%C3%A9:x");
    }

    #[test]
    fn basic_raw_sends_bytes_as_they_are() {
        assert_eq!(
            decoded_basic("svc", "a+b/c=d:e%f g", BasicEncoding::Raw),
            "svc:a+b/c=d:e%f g"
        );
        assert_eq!(decoded_basic("\u{e9}", "x", BasicEncoding::Raw), "\u{e9}:x");
    }

    #[test]
    fn post_puts_credentials_in_body() {
        let credentials = Credentials::new(
            ClientAuth::Post,
            BasicEncoding::Urlencoded,
            "svc id",
            &Secret::new("a+b&c=d"),
            "printing",
        );
        assert!(credentials.authorization.is_none());
        assert_eq!(
            credentials.body.expose(),
            "grant_type=client_credentials&scope=printing&client_id=svc+id&client_secret=a%2Bb%26c%3Dd"
        );
    }

    #[test]
    fn basic_keeps_body_free_of_credentials() {
        let credentials = Credentials::new(
            ClientAuth::Basic,
            BasicEncoding::Raw,
            "id",
            &Secret::new("secret"),
            "printing",
        );
        assert_eq!(
            credentials.body.expose(),
            "grant_type=client_credentials&scope=printing"
        );
        assert!(credentials.authorization.is_some());
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
    fn hint_names_other_encoding() {
        let special = Secret::new("a+b");
        let plain = Secret::new("ab");
        let hint =
            invalid_client_hint(ClientAuth::Basic, BasicEncoding::Urlencoded, "id", &special);
        assert!(hint.unwrap().contains("--basic-encoding raw"));
        let hint = invalid_client_hint(ClientAuth::Basic, BasicEncoding::Raw, "i d", &plain);
        assert!(hint.unwrap().contains("--basic-encoding urlencoded"));
        let hint = invalid_client_hint(ClientAuth::Basic, BasicEncoding::Raw, "id", &plain);
        assert_eq!(hint, None);
        let hint = invalid_client_hint(ClientAuth::Post, BasicEncoding::Raw, "id", &special);
        assert_eq!(hint, None);
    }
}

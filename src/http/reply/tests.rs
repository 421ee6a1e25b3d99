use super::*;

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
fn excerpt_redacts_credentials() {
    let cases = [
        (
            r#"{"access_token":"eyJ.x.y","token_type":"mac"}"#,
            r#"{"access_token":"<redacted>","token_type":"mac"}"#,
        ),
        (
            r#"{ "access_token" : "a\"b", "refresh_token":"r"}"#,
            r#"{ "access_token" : "<redacted>", "refresh_token":"<redacted>"}"#,
        ),
        (
            r#"{"access_token":"eyJhbGci"#,
            r#"{"access_token":"<redacted>"#,
        ),
        (r#"{"access_token":5}"#, r#"{"access_token":5}"#),
        (
            r#"{"id_token":"" , "x":"access_token"}"#,
            r#"{"id_token":"<redacted>" , "x":"access_token"}"#,
        ),
        ("\"access_token\"", "\"access_token\""),
        (
            "access_token=FORM123&token_type=bearer&expires_in=3600",
            "access_token=<redacted>&token_type=bearer&expires_in=3600",
        ),
        (
            "expires_in=1&refresh_token=R2 id_token=I3",
            "expires_in=1&refresh_token=<redacted> id_token=<redacted>",
        ),
        ("my_access_token=x", "my_access_token=x"),
    ];
    for (body, expected) in cases {
        assert_eq!(redact_credentials(body), expected, "{body}");
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use std::time::{Duration, UNIX_EPOCH};

    fn reply(status: u16, body: Vec<u8>, header: Option<String>) -> Reply {
        Reply {
            url: "http://127.0.0.1:1/oauth/access_token/".to_owned(),
            status,
            content_type: "application/json".to_owned(),
            location: header.clone(),
            retry_after: header,
            body,
            sent_at: UNIX_EPOCH + Duration::from_secs(1_700_000_000),
        }
    }

    proptest! {
        #[test]
        fn classify_never_panics(
            status in 100u16..600,
            body in proptest::collection::vec(any::<u8>(), 0..300),
            header in proptest::option::of(".{0,40}"),
            hint in proptest::option::of("[a-z ]{1,20}"),
        ) {
            let reply = reply(status, body, header);
            match classify(&reply, "printing", &hint) {
                Ok(parsed) => {
                    prop_assert_eq!(status, 200);
                    prop_assert!(!parsed.token.access_token.expose().is_empty());
                }
                Err(failure) => {
                    let message = failure.error.message();
                    prop_assert!(!message.contains('\n'), "{}", message);
                }
            }
        }

        #[test]
        fn excerpt_never_panics_or_shows_tokens(
            prefix in ".{0,20}",
            token in "[A-Za-z0-9._-]{8,40}",
            suffix in ".{0,20}",
        ) {
            let body = format!(r#"{prefix}{{"access_token":"{token}"{suffix}"#);
            let shown = excerpt(body.as_bytes());
            prop_assert!(!shown.contains(&token), "{}", shown);
        }

        #[test]
        fn redaction_never_panics(text in ".{0,200}") {
            let _ = redact_credentials(&text);
        }
    }
}

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
    ];
    for (body, expected) in cases {
        assert_eq!(redact_credentials(body), expected, "{body}");
    }
}

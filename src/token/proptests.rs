//! Property tests of the token reply parser: no input makes it panic, and
//! every reply it accepts yields a usable token.

use std::time::{Duration, UNIX_EPOCH};

use proptest::prelude::*;

use super::*;

fn sent_at() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_700_000_000)
}

/// Asserts what every accepted reply must satisfy.
fn check_accepted(parsed: &Parsed) {
    let token = parsed.token.access_token.expose();
    assert!(!token.is_empty(), "accepted an empty token");
    assert!(
        token.chars().all(|c| c.is_ascii_graphic()),
        "accepted a token with a space, control or non-ASCII character: {token:?}"
    );
    assert_eq!(parsed.token.token_type, "Bearer");
}

/// JSON values of every kind, for the fields of a generated reply.
fn json_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        "[ -~]{1,40}".prop_map(Value::String),
        prop_oneof![Just("Bearer"), Just("bearer"), Just("mac"), Just("")]
            .prop_map(|kind| Value::String(kind.to_owned())),
        "[0-9]{1,6}".prop_map(Value::String),
    ]
}

/// JSON objects made of the token reply's fields, each present or absent
/// with a value of any kind, plus an unknown field.
fn token_like_object() -> impl Strategy<Value = Vec<u8>> {
    let field = |name: &'static str| {
        proptest::option::of(json_value()).prop_map(move |value| (name, value))
    };
    (
        field("access_token"),
        field("token_type"),
        field("expires_in"),
        field("scope"),
        field("extra"),
    )
        .prop_map(|fields| {
            let (a, b, c, d, e) = fields;
            let object: serde_json::Map<String, Value> = [a, b, c, d, e]
                .into_iter()
                .filter_map(|(name, value)| Some((name.to_owned(), value?)))
                .collect();
            serde_json::to_vec(&Value::Object(object)).expect("a JSON object serializes")
        })
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(body in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(parsed) = parse_token_reply(&body, "printing", sent_at()) {
            check_accepted(&parsed);
        }
        let _ = parse_oauth_error(&body);
    }

    #[test]
    fn arbitrary_text_never_panics(body in ".{0,256}") {
        if let Ok(parsed) = parse_token_reply(body.as_bytes(), "printing", sent_at()) {
            check_accepted(&parsed);
        }
        let _ = parse_oauth_error(body.as_bytes());
    }

    #[test]
    fn token_like_replies_accepted_only_with_token(body in token_like_object()) {
        if let Ok(parsed) = parse_token_reply(&body, "printing", sent_at()) {
            check_accepted(&parsed);
        }
    }

    #[test]
    fn valid_replies_accepted(
        token in "[!-~]{1,200}",
        kind in prop_oneof![Just("Bearer"), Just("bearer"), Just("BEARER")],
        expires_in in proptest::option::of(0u64..10_000_000),
    ) {
        let mut object = serde_json::json!({"access_token": token, "token_type": kind});
        if let Some(seconds) = expires_in {
            object["expires_in"] = Value::from(seconds);
        }
        let body = serde_json::to_vec(&object).expect("serializes");
        let parsed = parse_token_reply(&body, "printing", sent_at()).expect("accepted");
        check_accepted(&parsed);
        prop_assert_eq!(parsed.token.access_token.expose(), token.as_str());
        prop_assert_eq!(
            parsed.token.expires_at,
            expires_in.map(|seconds| 1_700_000_000 + seconds)
        );
    }
}

//! Property tests of the profile file parser: no input makes it panic, and
//! every error is one line.

use proptest::prelude::*;

use super::*;

/// Lines that look like a profile file: known and unknown keys, tables and
/// values of several TOML types, some of them malformed.
fn profile_like_text() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("client_id"),
        Just("client_secret"),
        Just("client_secret_file"),
        Just("client_secret_command"),
        Just("scope"),
        Just("token_url"),
        Just("timeout"),
        Just("retries"),
        Just("client_auth"),
        Just("basic_encoding"),
        Just("cacert"),
        Just("default_profile"),
        Just("unknown"),
    ];
    let value = prop_oneof![
        "\"[ -~]{0,12}\"",
        "-?[0-9]{1,12}",
        "[0-9]{1,4}\\.[0-9]{1,3}",
        Just("true".to_owned()),
        Just("[\"a\", \"b\"]".to_owned()),
        Just("[1, \"a\"]".to_owned()),
        Just("{ x = 1 }".to_owned()),
        Just("\"basic\"".to_owned()),
        Just("\"raw\"".to_owned()),
        "[ -~]{0,8}",
    ];
    let line = prop_oneof![
        (key, value).prop_map(|(key, value)| format!("{key} = {value}")),
        "\\[profiles\\.[a-z]{1,6}\\]",
        Just("[profiles]".to_owned()),
        "[ -~]{0,20}",
    ];
    proptest::collection::vec(line, 0..12).prop_map(|lines| lines.join("\n"))
}

fn check(text: &str) {
    if let Err(message) = parse(text) {
        assert!(!message.contains('\n'), "multi-line error: {message:?}");
    }
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,300}") {
        check(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn profile_like_text_never_panics(text in profile_like_text()) {
        check(&text);
    }
}

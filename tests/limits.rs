//! Size limits on the wire: the longest client id and secret that
//! ezeep-token accepts must still fit the request, and a large but legal
//! reply head must still be read, while an oversized one fails clearly.

mod support;

use support::{Reply, Run, Sandbox, Server, basic};

/// Maximum length of a client id or secret that ezeep-token accepts, in
/// characters.
const MAX_CREDENTIAL_CHARS: usize = 4096;

const TOKEN_REPLY: &str = r#"{"access_token":"AT1","token_type":"Bearer","expires_in":3600}"#;

/// Returns a credential of `MAX_CREDENTIAL_CHARS` characters: `filler`, a
/// character of four UTF-8 bytes that percent-encodes to 12 bytes, followed
/// by `tail`.
fn longest_credential(filler: char, tail: &str) -> String {
    let mut value: String =
        std::iter::repeat_n(filler, MAX_CREDENTIAL_CHARS - tail.chars().count()).collect();
    value.push_str(tail);
    assert_eq!(value.chars().count(), MAX_CREDENTIAL_CHARS);
    value
}

/// Percent-encodes every byte except `A-Za-z0-9-._~` (RFC 3986 unreserved).
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|byte| {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                char::from(byte).to_string()
            } else {
                format!("%{byte:02X}")
            }
        })
        .collect()
}

fn run_with_credentials(server: &Server, id: &str, secret: &str, args: &[&str]) -> Run {
    let url = server.token_url();
    let env = [
        ("EZEEP_CLIENT_ID", id),
        ("EZEEP_CLIENT_SECRET", secret),
        ("EZEEP_TOKEN_URL", url.as_str()),
    ];
    let mut all_args = vec!["--no-cache", "--timeout", "10"];
    all_args.extend_from_slice(args);
    Sandbox::new().run_env(&all_args, &env)
}

#[test]
fn longest_credentials_in_basic_header() {
    // Only four-byte characters: the largest header, over 128 KiB.
    let worst_id = longest_credential('\u{1F600}', "");
    let worst_secret = longest_credential('\u{1F511}', "");
    let worst = basic(&format!(
        "{}:{}",
        percent_encode(&worst_id),
        percent_encode(&worst_secret)
    ));
    assert!(worst.len() > 128 * 1024, "{}", worst.len());

    let id = longest_credential('\u{1F600}', " :%+/=");
    let secret = longest_credential('\u{1F511}', "&?#\u{E9}");
    let mixed = basic(&format!(
        "{}:{}",
        percent_encode(&id),
        percent_encode(&secret)
    ));
    // The raw encoding rejects a ':' in the id.
    let raw_id = id.replace(':', ";");
    let raw = basic(&format!("{raw_id}:{secret}"));

    let cases = [
        (&worst_id, &worst_secret, "urlencoded", &worst),
        (&id, &secret, "urlencoded", &mixed),
        (&raw_id, &secret, "raw", &raw),
    ];
    for (id, secret, encoding, expected) in cases {
        let server = Server::start(vec![Reply::json(200, TOKEN_REPLY)]);
        let args = ["--client-auth", "basic", "--basic-encoding", encoding];
        run_with_credentials(&server, id, secret, &args)
            .assert_success()
            .assert_stdout("AT1\n");
        let requests = server.requests();
        assert_eq!(requests.len(), 1, "--basic-encoding {encoding}");
        assert_eq!(
            requests[0].header("Authorization"),
            Some(expected.as_str()),
            "--basic-encoding {encoding}"
        );
    }
}

#[test]
fn longest_credentials_in_post_body() {
    let id = longest_credential('\u{1F600}', " :%+/=");
    let secret = longest_credential('\u{1F511}', "&?#\u{E9}");
    let server = Server::start(vec![Reply::json(200, TOKEN_REPLY)]);

    run_with_credentials(&server, &id, &secret, &["--client-auth", "post"])
        .assert_success()
        .assert_stdout("AT1\n");

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].header_count("Authorization"), 0);
    let form_encode = |text: &str| percent_encode(text).replace("%20", "+");
    assert_eq!(
        String::from_utf8_lossy(&requests[0].body),
        format!(
            "grant_type=client_credentials&scope=printing&client_id={}&client_secret={}",
            form_encode(&id),
            form_encode(&secret)
        )
    );
}

/// Returns a token reply with `count` extra headers of 512 bytes each,
/// line ending included.
fn reply_with_headers(count: usize) -> Reply {
    let mut reply = Reply::json(200, TOKEN_REPLY);
    for index in 0..count {
        let name = format!("X-Filler-{index:03}");
        // "NAME: VALUE\r\n" is 512 bytes.
        let value = "v".repeat(512 - name.len() - 4);
        reply = reply.header(&name, &value);
    }
    reply
}

#[test]
fn large_reply_head_accepted() {
    // 24 headers of 512 bytes: 12 KiB.
    let server = Server::start(vec![reply_with_headers(24)]);

    run_with_credentials(&server, "id", "secret", &[])
        .assert_success()
        .assert_stdout("AT1\n");
    assert_eq!(server.hits(), 1);
}

#[test]
fn oversized_reply_head_rejected() {
    // 80 headers of 512 bytes: 40 KiB, over the limit of 32 KiB.
    let server = Server::start(vec![reply_with_headers(80)]);

    let run = run_with_credentials(&server, "id", "secret", &[]);

    run.assert_code(76).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        [format!(
            "ezeep-token: error: invalid HTTP reply from 127.0.0.1:{} (token URL {}): the reply head is larger than 32 KiB",
            server.port(),
            server.token_url()
        )]
    );
    assert_eq!(server.hits(), 1, "an oversized reply head is not retried");
}

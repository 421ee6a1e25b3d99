//! `ezeep-token inspect`: decoding of a known JWT from the argument, from
//! stdin and from the token endpoint, and exit 65 for input that is not a
//! JWT.

mod support;

use serde_json::Value;
use support::{Reply, Sandbox, Server, jwt};

const HEADER: &str = r#"{"alg":"RS256","typ":"JWT"}"#;
const CLAIMS: &str = r#"{"iat":1700000000,"exp":1700003600,"scope":"printing","sub":"client-1"}"#;

const EXPECTED_TEXT: &str = r#"header:
{
  "alg": "RS256",
  "typ": "JWT"
}
claims:
{
  "exp": 1700003600,
  "iat": 1700000000,
  "scope": "printing",
  "sub": "client-1"
}
signature:  20 bytes, not verified
issued at:  2023-11-14T22:13:20Z (1700000000)
expires at: 2023-11-14T23:13:20Z (1700003600)
"#;

#[test]
fn inspect_prints_claims() {
    let sandbox = Sandbox::new();
    let token = jwt(HEADER, CLAIMS);

    let run = sandbox.run(&["inspect", &token]);

    run.assert_success();
    let stdout = run.stdout_str();
    assert!(stdout.starts_with(EXPECTED_TEXT), "{run}");
    let last = stdout.lines().last().unwrap();
    assert!(last.starts_with("time left:  expired "), "{run}");
    assert!(last.ends_with(" s ago"), "{run}");
    assert_eq!(run.stderr, "", "{run}");
}

#[test]
fn inspect_json_is_one_object() {
    let sandbox = Sandbox::new();
    let token = jwt(HEADER, CLAIMS);

    let run = sandbox.run(&["inspect", "--json", &token]);

    run.assert_success();
    let stdout = run.stdout_str();
    assert_eq!(stdout.lines().count(), 1, "{run}");
    let document: Value = serde_json::from_str(stdout).unwrap();
    assert_eq!(document["header"]["alg"], "RS256");
    assert_eq!(document["claims"]["sub"], "client-1");
    assert_eq!(document["signature_verified"], false);
    assert_eq!(document["issued_at"], 1_700_000_000);
    assert_eq!(document["issued_at_utc"], "2023-11-14T22:13:20Z");
    assert_eq!(document["expires_at"], 1_700_003_600);
    assert_eq!(document["expires_at_utc"], "2023-11-14T23:13:20Z");
    assert!(document["expires_in"].as_i64().unwrap() < 0, "{run}");
}

#[test]
fn inspect_reads_header_line_from_stdin() {
    let sandbox = Sandbox::new();
    let line = format!("Authorization: Bearer {}\n", jwt(HEADER, CLAIMS));

    let run = sandbox.run_stdin(&["inspect", "-"], &[], line.as_bytes());

    run.assert_success();
    assert!(run.stdout_str().starts_with(EXPECTED_TEXT), "{run}");
}

#[test]
fn inspect_not_a_jwt_exits_65() {
    let sandbox = Sandbox::new();

    let run = sandbox.run(&["inspect", "not.a.jwt"]);

    run.assert_code(65).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        ["ezeep-token: error: invalid JWT: the header (part 1) is not valid base64url"]
    );
}

#[test]
fn inspect_names_failing_part() {
    let sandbox = Sandbox::new();
    let token = jwt(HEADER, CLAIMS);
    let (header, _) = token.split_once('.').unwrap();
    let bad_claims = format!("{header}.e30K!.c2ln");

    let run = sandbox.run(&["inspect", &bad_claims]);

    run.assert_code(65).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        ["ezeep-token: error: invalid JWT: the claims (part 2) are not valid base64url"]
    );
}

#[test]
fn inspect_fetches_without_argument() {
    let token = jwt(HEADER, CLAIMS);
    let server = Server::start(vec![Reply::json(
        200,
        &format!(r#"{{"access_token":"{token}","token_type":"Bearer","expires_in":3600}}"#),
    )]);
    let sandbox = Sandbox::new();
    let token_url = server.token_url();
    let env = [
        ("EZEEP_CLIENT_ID", "inspect-id"),
        ("EZEEP_CLIENT_SECRET", "inspect-secret"),
        ("EZEEP_TOKEN_URL", token_url.as_str()),
    ];

    let first = sandbox.run_env(&["inspect"], &env);
    let second = sandbox.run_env(&["inspect"], &env);

    first.assert_success();
    assert!(first.stdout_str().starts_with(EXPECTED_TEXT), "{first}");
    second.assert_success();
    assert!(second.stdout_str().starts_with(EXPECTED_TEXT), "{second}");
    assert_eq!(server.hits(), 1);
}

#[test]
fn opaque_fetched_token_exits_65() {
    let server = Server::start(vec![Reply::json(
        200,
        r#"{"access_token":"opaque-token","token_type":"Bearer","expires_in":3600}"#,
    )]);
    let sandbox = Sandbox::new();
    let token_url = server.token_url();
    let env = [
        ("EZEEP_CLIENT_ID", "inspect-id"),
        ("EZEEP_CLIENT_SECRET", "inspect-secret"),
        ("EZEEP_TOKEN_URL", token_url.as_str()),
    ];

    let run = sandbox.run_env(&["inspect"], &env);

    run.assert_code(65).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        ["ezeep-token: error: invalid JWT: expected 3 parts separated by dots, found 1"]
    );
}

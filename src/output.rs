//! Rendering of a token in the output formats, and writing to stdout.
//!
//! stdout carries only the rendered result. A closed stdout (`| head -c0`)
//! is not an error, because the reader chose to stop reading.

use std::io::Write;
use std::time::SystemTime;

use serde::Serialize;

use crate::cli::OutputFormat;
use crate::error::{Category, Error, Result};
use crate::token::Token;

/// The `--json` document, in this field order.
#[derive(Serialize)]
struct JsonToken<'a> {
    access_token: &'a str,
    token_type: &'a str,
    /// Seconds left at the time of printing.
    expires_in: Option<u64>,
    /// Expiry as Unix seconds.
    expires_at: Option<u64>,
    scope: &'a str,
}

/// Renders the token as one newline-terminated line.
pub fn render(token: &Token, format: OutputFormat, now: SystemTime) -> String {
    let value = token.access_token.expose();
    match format {
        OutputFormat::Raw => format!("{value}\n"),
        OutputFormat::Header => format!("Authorization: Bearer {value}\n"),
        OutputFormat::Json => {
            let document = JsonToken {
                access_token: value,
                token_type: token.token_type,
                expires_in: token.seconds_left(now),
                expires_at: token.expires_at,
                scope: &token.scope,
            };
            let mut line = serde_json::to_string(&document)
                .expect("a struct of strings and numbers serializes");
            line.push('\n');
            line
        }
        OutputFormat::Env => format!("export EZEEP_ACCESS_TOKEN={}\n", shell_quote(value)),
    }
}

/// Quotes a value for POSIX shells with single quotes.
pub fn shell_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// Writes `text` to stdout in one call and flushes it. A broken pipe counts
/// as success.
pub fn write_stdout(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    let result = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
    match result {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Error::wrap(Category::IoErr, error).context("cannot write to stdout")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;
    use std::time::{Duration, UNIX_EPOCH};

    fn token() -> Token {
        Token {
            access_token: Secret::new("AT1"),
            token_type: "Bearer",
            expires_at: Some(4_600),
            scope: "printing".into(),
        }
    }

    #[test]
    fn formats_render_exactly() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000);
        assert_eq!(render(&token(), OutputFormat::Raw, now), "AT1\n");
        assert_eq!(
            render(&token(), OutputFormat::Header, now),
            "Authorization: Bearer AT1\n"
        );
        assert_eq!(
            render(&token(), OutputFormat::Json, now),
            "{\"access_token\":\"AT1\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"expires_at\":4600,\"scope\":\"printing\"}\n"
        );
        assert_eq!(
            render(&token(), OutputFormat::Env, now),
            "export EZEEP_ACCESS_TOKEN='AT1'\n"
        );
    }

    #[test]
    fn shell_quote_escapes_single_quote() {
        assert_eq!(shell_quote("a'b"), r"'a'\''b'");
    }
}

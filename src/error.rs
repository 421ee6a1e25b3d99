//! Error categories, their exit codes, and the one error type that every
//! failure travels in up to `main`.
//!
//! An [`Error`] carries a [`Category`], a chain of causes (an `anyhow::Error`)
//! and an optional hint. `main` prints it once, as one line on stderr, and
//! exits with the category's code. Command-line parse errors are clap's own
//! and never become an `Error`.

use std::fmt;
use std::process::ExitCode;

/// What kind of failure happened, which decides the exit code.
///
/// The codes follow sysexits.h so that scripts can tell a transient failure
/// (retry later) from a configuration mistake (fix the input).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// A transient failure: unreachable host, timeout, HTTP 5xx or 429.
    TempFail,
    /// The reply is not a valid token response.
    Protocol,
    /// The server rejected the client credentials or the scope.
    NoPerm,
    /// Missing or invalid configuration, unsafe permissions, insecure URL.
    Config,
    /// A local I/O failure, such as writing to stdout.
    IoErr,
    /// The input data is invalid, such as a token that is not a JWT.
    DataErr,
    /// `exec` found the command but could not run it.
    CommandNotExecutable,
    /// `exec` did not find the command.
    CommandNotFound,
}

impl Category {
    /// Returns the process exit code for this category.
    pub fn exit_code(self) -> u8 {
        match self {
            Category::IoErr => 74,
            Category::TempFail => 75,
            Category::Protocol => 76,
            Category::NoPerm => 77,
            Category::Config => 78,
            Category::DataErr => 65,
            Category::CommandNotExecutable => 126,
            Category::CommandNotFound => 127,
        }
    }
}

/// A failure with its category, cause chain and optional hint.
pub struct Error {
    category: Category,
    cause: anyhow::Error,
    hint: Option<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(category: Category, message: impl fmt::Display) -> Error {
        Error {
            category,
            cause: anyhow::anyhow!("{message}"),
            hint: None,
        }
    }

    pub fn config(message: impl fmt::Display) -> Error {
        Error::new(Category::Config, message)
    }

    pub fn protocol(message: impl fmt::Display) -> Error {
        Error::new(Category::Protocol, message)
    }

    /// Wraps an existing error value, keeping its `source()` chain.
    pub fn wrap(category: Category, cause: impl Into<anyhow::Error>) -> Error {
        Error {
            category,
            cause: cause.into(),
            hint: None,
        }
    }

    /// Adds a hint line, replacing any earlier hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Error {
        self.hint = Some(hint.into());
        self
    }

    /// Prefixes the message with what was being done, such as "reading FILE".
    pub fn context(mut self, context: impl fmt::Display + Send + Sync + 'static) -> Error {
        self.cause = self.cause.context(context);
        self
    }

    /// Replaces every occurrence of `values` in the message and the hint
    /// with `<redacted>`. Values shorter than 4 characters are skipped,
    /// because replacing them would garble the text without hiding much.
    pub fn redact(self, values: &[String]) -> Error {
        let needles: Vec<&str> = values
            .iter()
            .map(String::as_str)
            .filter(|value| value.chars().count() >= 4)
            .collect();
        let message = self.message();
        let contains_any = |text: &str| needles.iter().any(|needle| text.contains(needle));
        if !contains_any(&message) && !self.hint.as_deref().is_some_and(contains_any) {
            return self;
        }
        let replace_all = |text: &str| {
            needles.iter().fold(text.to_owned(), |text, needle| {
                text.replace(needle, "<redacted>")
            })
        };
        Error {
            category: self.category,
            cause: anyhow::anyhow!("{}", replace_all(&message)),
            hint: self.hint.as_deref().map(replace_all),
        }
    }

    pub fn category(&self) -> Category {
        self.category
    }

    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }

    /// Returns the cause chain as one line, joined by ": ", with control
    /// characters escaped so that server text cannot move the cursor or
    /// forge extra lines.
    pub fn message(&self) -> String {
        let joined = self
            .cause
            .chain()
            .map(|cause| cause.to_string())
            .collect::<Vec<_>>()
            .join(": ");
        escape_control(&joined)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.category, self.message())
    }
}

/// Adds a category and context to any `Result` whose error converts into
/// `anyhow::Error`.
pub trait ResultExt<T> {
    fn or_fail(self, category: Category, context: impl FnOnce() -> String) -> Result<T>;
}

impl<T, E: Into<anyhow::Error>> ResultExt<T> for std::result::Result<T, E> {
    fn or_fail(self, category: Category, context: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|error| Error::wrap(category, error).context(context()))
    }
}

/// Replaces control characters with Rust-style escapes (`\n`, `\u{1b}`) and
/// leaves all other characters, including non-ASCII letters, unchanged.
pub fn escape_control(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        if character.is_control() {
            escaped.extend(character.escape_default());
        } else {
            escaped.push(character);
        }
    }
    escaped
}

/// Prints the error as `ezeep-token: error: ...` plus an optional
/// `hint: ...` line, and returns the exit code of its category.
pub fn report(error: &Error) -> ExitCode {
    eprintln!("ezeep-token: error: {}", error.message());
    if let Some(hint) = error.hint() {
        eprintln!("hint: {}", escape_control(hint));
    }
    ExitCode::from(error.category().exit_code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_joins_chain_and_escapes() {
        let error = Error::protocol("body \"a\nb\u{1b}[31m\"").context("reading reply");
        assert_eq!(error.message(), "reading reply: body \"a\\nb\\u{1b}[31m\"");
    }

    #[test]
    fn exit_codes_follow_sysexits() {
        assert_eq!(Category::TempFail.exit_code(), 75);
        assert_eq!(Category::Protocol.exit_code(), 76);
        assert_eq!(Category::NoPerm.exit_code(), 77);
        assert_eq!(Category::Config.exit_code(), 78);
        assert_eq!(Category::DataErr.exit_code(), 65);
    }

    #[test]
    fn exec_failures_use_shell_codes() {
        assert_eq!(Category::CommandNotExecutable.exit_code(), 126);
        assert_eq!(Category::CommandNotFound.exit_code(), 127);
    }

    #[test]
    fn escape_control_keeps_unicode_letters() {
        assert_eq!(escape_control("Zürich\tok"), "Zürich\\tok");
    }
}

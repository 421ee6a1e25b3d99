//! The [`Secret`] type and the sources a client secret is read from.
//!
//! A `Secret` has no `Display`, and its `Debug` prints a placeholder, so a
//! secret cannot reach a log line or an error message by accident. The raw
//! value is reached only through [`Secret::expose`]. The same type stores
//! access tokens, which are bearer credentials too.

use std::fmt;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use crate::error::{Category, Error, Result, ResultExt};

mod command;

/// Maximum size of a secret file, of a secret read from stdin and of a secret
/// command's output. Real client secrets are well under 1 KiB, so a larger
/// input is the wrong file.
const MAX_SECRET_BYTES: u64 = 64 * 1024;

/// Maximum length of a client id or secret. Real ones are well under 100
/// characters. The request buffer grows for a longer Basic header, so this
/// limit only rejects input that cannot be a credential.
const MAX_CREDENTIAL_CHARS: usize = 4096;

/// A credential whose value is never printed by `Debug` or `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// Returns the raw value, for the one place that must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Returns the length in characters, which `config` shows instead of the
    /// value.
    pub fn char_count(&self) -> usize {
        self.0.chars().count()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// The source of a client secret, before the secret is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretSource {
    /// A literal value, from a flag, an environment variable or the profile.
    Value(Secret),
    /// A file path. `-` means standard input.
    File(PathBuf),
    /// A shell command whose standard output is the secret.
    Command(String),
}

impl SecretSource {
    /// Reads the secret and checks it with [`validate_credential`].
    ///
    /// One trailing `\n` or `\r\n` is removed from file, stdin and command
    /// output, because editors and `echo` add one and no secret ends with a
    /// line break.
    pub fn read(&self, label: &str) -> Result<Secret> {
        let value = match self {
            SecretSource::Value(secret) => secret.expose().to_owned(),
            SecretSource::File(path) if path.as_os_str().is_empty() => {
                return Err(Error::config(format!("{label} file path is empty")));
            }
            SecretSource::File(path) => strip_one_line_ending(read_secret_file(path)?),
            SecretSource::Command(command) => command::run(command)?,
        };
        if value.is_empty() {
            let message = match self {
                SecretSource::Value(_) => format!("{label} is empty"),
                SecretSource::File(path) => {
                    format!("{label} in {} is empty", display_secret_path(path))
                }
                SecretSource::Command(command) => {
                    format!("{label} from command {command:?} is empty")
                }
            };
            return Err(Error::config(message));
        }
        validate_credential(label, &value)?;
        Ok(Secret(value))
    }
}

/// Returns the path as shown in messages, with `-` shown as standard input.
pub fn display_secret_path(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".to_owned()
    } else {
        format!("file {}", path.display())
    }
}

fn read_secret_file(path: &Path) -> Result<String> {
    let mut bytes = Vec::new();
    let shown = display_secret_path(path);
    let result = if path == Path::new("-") {
        if std::io::stdin().is_terminal() {
            // Without this line, `--client-secret-file -` typed at a prompt
            // waits for input with no visible reason.
            eprintln!(
                "ezeep-token: reading the client secret from standard input; end it with Ctrl-D"
            );
        }
        std::io::stdin()
            .lock()
            .take(MAX_SECRET_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path)
            .and_then(|file| file.take(MAX_SECRET_BYTES + 1).read_to_end(&mut bytes))
    };
    result.or_fail(Category::Config, || {
        format!("cannot read the client secret from {shown}")
    })?;
    if bytes.len() as u64 > MAX_SECRET_BYTES {
        return Err(Error::config(format!(
            "client secret in {shown} is larger than {} KiB",
            MAX_SECRET_BYTES / 1024
        )));
    }
    String::from_utf8(bytes)
        .map_err(|_| Error::config(format!("client secret in {shown} is not valid UTF-8")))
}

fn strip_one_line_ending(mut value: String) -> String {
    if value.ends_with("\r\n") {
        value.truncate(value.len() - 2);
    } else if value.ends_with('\n') {
        value.truncate(value.len() - 1);
    }
    value
}

/// Rejects a client id or secret that is empty, longer than 4096
/// characters, or contains a control character, such as an inner line break
/// left by a copy and paste. The value itself is never part of the message.
pub fn validate_credential(label: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::config(format!("{label} is empty")));
    }
    if value.chars().count() > MAX_CREDENTIAL_CHARS {
        return Err(Error::config(format!(
            "{label} is longer than {MAX_CREDENTIAL_CHARS} characters"
        )));
    }
    if let Some(position) = value.chars().position(char::is_control) {
        return Err(Error::config(format!(
            "{label} contains a control character at position {}",
            position + 1
        ))
        .with_hint("remove line breaks and other control characters from the value"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_redacted() {
        let secret = Secret::new("s3cr3t");
        assert_eq!(format!("{secret:?}"), "Secret(<redacted>)");
        let source = SecretSource::Value(secret);
        assert!(!format!("{source:?}").contains("s3cr3t"));
    }

    #[test]
    fn one_line_ending_is_stripped() {
        assert_eq!(strip_one_line_ending("a\n".into()), "a");
        assert_eq!(strip_one_line_ending("a\r\n".into()), "a");
        assert_eq!(strip_one_line_ending("a\n\n".into()), "a\n");
        assert_eq!(strip_one_line_ending("a".into()), "a");
    }

    #[test]
    fn control_characters_are_rejected() {
        let error = validate_credential("client secret", "ab\ncd").unwrap_err();
        assert_eq!(
            error.message(),
            "client secret contains a control character at position 3"
        );
        assert!(validate_credential("client secret", "a+b/c=d:e%f g").is_ok());
    }
}

//! The `exec` subcommand: runs a command with the token in its environment,
//! so that the token never appears on a command line, where other local
//! users could read it from the process list.
//!
//! On Unix the command replaces this process, so signals reach it directly
//! and its exit status is returned to the caller unchanged. Elsewhere the
//! command runs as a child and its exit code is passed on.

use std::ffi::OsString;
use std::io;
use std::process::{Command, ExitCode};

use crate::error::{Category, Error, Result};
use crate::token::Token;

/// The variable that receives the raw token.
pub const ENV_ACCESS_TOKEN: &str = "EZEEP_ACCESS_TOKEN";
/// The variable that receives `Bearer TOKEN`, the `Authorization` value.
pub const ENV_AUTHORIZATION: &str = "EZEEP_AUTHORIZATION";

/// Runs `command` (program and arguments) with the token in its
/// environment. On Unix it returns only when the program cannot be started.
pub fn run(token: &Token, command: &[OsString]) -> Result<ExitCode> {
    let Some((program, arguments)) = command.split_first() else {
        return Err(Error::config("exec needs a command to run"));
    };
    let mut child = Command::new(program);
    child
        .args(arguments)
        .env(ENV_ACCESS_TOKEN, token.access_token.expose())
        .env(
            ENV_AUTHORIZATION,
            format!("Bearer {}", token.access_token.expose()),
        );
    replace_process(child, program)
}

#[cfg(unix)]
fn replace_process(mut child: Command, program: &OsString) -> Result<ExitCode> {
    use std::os::unix::process::CommandExt;

    // `exec` returns only on failure.
    let error = child.exec();
    Err(start_error(program, error))
}

#[cfg(not(unix))]
fn replace_process(mut child: Command, program: &OsString) -> Result<ExitCode> {
    let status = child
        .status()
        .map_err(|error| start_error(program, error))?;
    // NOTE: Windows exit codes above 255 do not fit an ExitCode built from a
    // u8, so they become 1.
    let code = status
        .code()
        .and_then(|code| u8::try_from(code).ok())
        .unwrap_or(1);
    Ok(ExitCode::from(code))
}

/// Maps a failure to start the program to exit code 127 when it was not
/// found and 126 otherwise, as POSIX shells do.
fn start_error(program: &OsString, error: io::Error) -> Error {
    let name = program.to_string_lossy();
    if error.kind() == io::ErrorKind::NotFound {
        return Error::new(
            Category::CommandNotFound,
            format!("cannot run {name}: command not found"),
        )
        .with_hint("check the command name and PATH");
    }
    Error::wrap(Category::CommandNotExecutable, error).context(format!("cannot run {name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_found_exits_127() {
        let error = start_error(
            &OsString::from("no-such-tool"),
            io::Error::from(io::ErrorKind::NotFound),
        );
        assert_eq!(error.category(), Category::CommandNotFound);
        assert_eq!(
            error.message(),
            "cannot run no-such-tool: command not found"
        );
    }

    #[test]
    fn permission_denied_exits_126() {
        let error = start_error(
            &OsString::from("./script"),
            io::Error::from(io::ErrorKind::PermissionDenied),
        );
        assert_eq!(error.category(), Category::CommandNotExecutable);
        assert_eq!(error.message(), "cannot run ./script: permission denied");
    }
}

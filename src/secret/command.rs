//! Running a `client_secret_command` and taking its standard output as the
//! client secret.
//!
//! The command runs with `sh -c`, standard input connected to the null
//! device, and standard output and error captured. It must exit with status
//! 0 within [`TIMEOUT`] and print a non-empty secret. Its standard error is
//! shown in the error when it does not.

use std::io::Read;
use std::process::{Child, ChildStderr, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use super::{MAX_SECRET_BYTES, strip_one_line_ending};
use crate::error::{Error, Result, escape_control};

/// Maximum time the command may run, including the time until its output
/// closes.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// Maximum number of bytes of the command's standard error that are kept.
const MAX_STDERR_BYTES: usize = 4096;
/// Maximum number of characters of standard error shown in an error.
const STDERR_EXCERPT_CHARS: usize = 300;
/// Maximum time to wait for the rest of standard error after the command
/// failed, before the error shows what arrived.
const STDERR_WAIT: Duration = Duration::from_secs(1);
const POLL_INTERVAL: Duration = Duration::from_millis(10);

/// Runs `command` and returns its output without one trailing line break.
pub fn run(command: &str) -> Result<String> {
    let failed =
        |reason: String| Error::config(format!("client secret command {command:?} {reason}"));

    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| failed(format!("could not be started: {error}")))?;
    let stdout = Collector::start(child.stdout.take(), MAX_SECRET_BYTES as usize + 1);
    let stderr = Collector::start(child.stderr.take(), MAX_STDERR_BYTES);

    let deadline = Instant::now() + TIMEOUT;
    let finished = wait_until(&mut child, deadline)
        .map_err(|error| failed(format!("could not be awaited: {error}")))?;
    let Some(status) = finished else {
        // The shell is this process's own child, so killing it by its
        // handle is safe. Processes that the shell started may outlive it.
        let _ = child.kill();
        let _ = child.wait();
        return Err(failed(format!(
            "did not finish within {} s{}",
            TIMEOUT.as_secs(),
            stderr.describe()
        )));
    };
    if !status.success() {
        stderr.wait_closed(deadline.min(Instant::now() + STDERR_WAIT));
        return Err(failed(format!(
            "failed with {}{}",
            describe_status(status),
            stderr.describe()
        )));
    }

    // A process that the command left running in the background may keep
    // the output open after the shell exited.
    if !stdout.wait_closed(deadline) {
        return Err(failed(format!(
            "exited, but its output stayed open for {} s",
            TIMEOUT.as_secs()
        )));
    }
    let bytes = stdout.bytes();
    if bytes.len() as u64 > MAX_SECRET_BYTES {
        return Err(failed(format!(
            "printed more than {} KiB",
            MAX_SECRET_BYTES / 1024
        )));
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(failed("printed output that is not valid UTF-8".to_owned()));
    };
    let secret = strip_one_line_ending(text);
    if secret.is_empty() {
        stderr.wait_closed(deadline.min(Instant::now() + STDERR_WAIT));
        return Err(failed(format!("printed no secret{}", stderr.describe())));
    }
    Ok(secret)
}

/// Polls `child` until it exits or `deadline` passes. Returns `None` on
/// timeout.
fn wait_until(child: &mut Child, deadline: Instant) -> std::io::Result<Option<ExitStatus>> {
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            return Ok(None);
        }
        thread::sleep(POLL_INTERVAL);
    }
}

fn describe_status(status: ExitStatus) -> String {
    if let Some(code) = status.code() {
        return format!("exit status {code}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return format!("signal {signal}");
        }
    }
    status.to_string()
}

/// Output of a pipe, read on a background thread into a shared buffer so
/// that the bytes read so far are available even while the pipe is open.
struct Collector {
    state: Arc<Mutex<Collected>>,
}

#[derive(Default)]
struct Collected {
    bytes: Vec<u8>,
    closed: bool,
}

impl Collector {
    /// Starts reading `pipe`, keeping at most `limit` bytes and discarding
    /// the rest so that the command never blocks on a full pipe.
    fn start(pipe: Option<impl PipeReader>, limit: usize) -> Collector {
        let state = Arc::new(Mutex::new(Collected::default()));
        let Some(mut pipe) = pipe else {
            lock(&state).closed = true;
            return Collector { state };
        };
        let shared = Arc::clone(&state);
        thread::spawn(move || {
            let mut buffer = [0; 4096];
            loop {
                match pipe.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(count) => {
                        let mut collected = lock(&shared);
                        let room = limit.saturating_sub(collected.bytes.len());
                        collected
                            .bytes
                            .extend_from_slice(&buffer[..count.min(room)]);
                    }
                }
            }
            lock(&shared).closed = true;
        });
        Collector { state }
    }

    /// Waits until the pipe closes or `deadline` passes, and returns whether
    /// it closed.
    fn wait_closed(&self, deadline: Instant) -> bool {
        loop {
            if lock(&self.state).closed {
                return true;
            }
            if Instant::now() >= deadline {
                return false;
            }
            thread::sleep(POLL_INTERVAL);
        }
    }

    fn bytes(&self) -> Vec<u8> {
        lock(&self.state).bytes.clone()
    }

    /// Returns `: stderr "..."` with an excerpt of the collected bytes, or
    /// an empty string when there are none.
    fn describe(&self) -> String {
        let bytes = self.bytes();
        let text = String::from_utf8_lossy(&bytes);
        let text = text.trim();
        if text.is_empty() {
            return String::new();
        }
        let mut shown: String = text.chars().take(STDERR_EXCERPT_CHARS).collect();
        if text.chars().count() > STDERR_EXCERPT_CHARS {
            shown.push_str("...");
        }
        format!(": stderr \"{}\"", escape_control(&shown))
    }
}

/// The pipe types that a `Collector` reads.
trait PipeReader: Read + Send + 'static {}
impl PipeReader for ChildStdout {}
impl PipeReader for ChildStderr {}

/// Locks `mutex` even if a reader thread panicked while holding it, because
/// each critical section leaves the buffer consistent.
fn lock(mutex: &Mutex<Collected>) -> std::sync::MutexGuard<'_, Collected> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_line_ending_stripped() {
        assert_eq!(run("printf 's3cr3t\\n'").unwrap(), "s3cr3t");
        assert_eq!(run("printf 'a b\\r\\n'").unwrap(), "a b");
    }

    #[test]
    fn failure_shows_status_and_stderr() {
        let error = run("echo 'no such entry' >&2; exit 3").unwrap_err();
        assert_eq!(
            error.message(),
            "client secret command \"echo 'no such entry' >&2; exit 3\" failed with exit status 3: stderr \"no such entry\""
        );
    }

    #[test]
    fn empty_output_is_error() {
        let error = run("echo; echo locked >&2").unwrap_err();
        assert_eq!(
            error.message(),
            "client secret command \"echo; echo locked >&2\" printed no secret: stderr \"locked\""
        );
    }

    #[test]
    fn invalid_utf8_is_error() {
        let error = run("printf '\\377'").unwrap_err();
        assert!(
            error
                .message()
                .ends_with("printed output that is not valid UTF-8")
        );
    }
}

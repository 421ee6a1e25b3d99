//! Running the built binary with a time limit and checking the outcome.

use std::fmt;
use std::io::{Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

/// Maximum time that one run of the binary may take before it is killed.
const RUN_TIMEOUT: Duration = Duration::from_secs(60);

/// Maximum time that stdout and stderr may stay open after the binary exited.
/// Only a process that the binary started could keep them open that long.
const PIPE_CLOSE_TIMEOUT: Duration = Duration::from_secs(5);

const POLL_INTERVAL: Duration = Duration::from_millis(10);

/// The outcome of one run. Its `Display` shows the command line with the
/// environment additions, the exit code, stdout and stderr.
#[derive(Clone, Debug)]
pub struct Run {
    /// Shell-style command line: the environment additions as `NAME=value`,
    /// then `ezeep-token` and the arguments, then any stdin.
    pub command: String,
    /// Exit code, or `None` if a signal terminated the binary.
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    /// Standard error, with invalid UTF-8 replaced by U+FFFD.
    pub stderr: String,
}

impl Run {
    /// Returns stdout as text.
    ///
    /// # Panics
    ///
    /// Panics with the report if stdout is not valid UTF-8.
    #[track_caller]
    pub fn stdout_str(&self) -> &str {
        std::str::from_utf8(&self.stdout)
            .unwrap_or_else(|error| panic!("stdout is not valid UTF-8: {error}\n{self}"))
    }

    /// Panics with the report unless the binary exited with `code`.
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Run {
        assert!(
            self.code == Some(code),
            "expected exit code {code}, got {}\n{self}",
            describe_code(self.code)
        );
        self
    }

    /// Panics with the report unless the binary exited with code 0.
    #[track_caller]
    pub fn assert_success(&self) -> &Run {
        self.assert_code(0)
    }

    /// Panics with the report unless stdout is exactly the bytes of `expected`.
    #[track_caller]
    pub fn assert_stdout(&self, expected: &str) -> &Run {
        assert!(
            self.stdout == expected.as_bytes(),
            "stdout differs\nexpected: {expected:?}\nactual:   {:?}\n{self}",
            String::from_utf8_lossy(&self.stdout)
        );
        self
    }

    /// Panics with the report unless stdout is empty.
    #[track_caller]
    pub fn assert_stdout_empty(&self) -> &Run {
        assert!(self.stdout.is_empty(), "expected empty stdout\n{self}");
        self
    }

    /// Panics with the report unless stderr contains `needle`.
    #[track_caller]
    pub fn assert_stderr_contains(&self, needle: &str) -> &Run {
        assert!(
            self.stderr.contains(needle),
            "expected stderr to contain {needle:?}\n{self}"
        );
        self
    }

    /// Panics with the report if stderr contains `needle`.
    #[track_caller]
    pub fn assert_stderr_lacks(&self, needle: &str) -> &Run {
        assert!(
            !self.stderr.contains(needle),
            "expected stderr not to contain {needle:?}\n{self}"
        );
        self
    }

    /// Splits stderr into lines without their line endings.
    pub fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "command: {}", self.command)?;
        writeln!(f, "exit code: {}", describe_code(self.code))?;

        let stdout = String::from_utf8_lossy(&self.stdout);
        let encoding_note = if std::str::from_utf8(&self.stdout).is_ok() {
            ""
        } else {
            ", invalid UTF-8 shown as U+FFFD"
        };
        writeln!(
            f,
            "--- stdout ({} bytes{encoding_note}) ---",
            self.stdout.len()
        )?;
        write_section(f, &stdout)?;

        writeln!(f, "--- stderr ({} bytes) ---", self.stderr.len())?;
        write_section(f, &self.stderr)?;
        write!(f, "--- end ---")
    }
}

fn write_section(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    if text.is_empty() || text.ends_with('\n') {
        write!(f, "{text}")
    } else {
        writeln!(f, "{text}")
    }
}

fn describe_code(code: Option<i32>) -> String {
    match code {
        Some(code) => code.to_string(),
        None => "none (terminated by a signal)".to_owned(),
    }
}

/// Builds the `Run::command` text for a run.
pub(super) fn describe_command(
    args: &[&str],
    env: &[(&str, &str)],
    stdin: Option<&[u8]>,
) -> String {
    let mut words: Vec<String> = env
        .iter()
        .map(|(name, value)| format!("{name}={}", shell_quote(value)))
        .collect();
    words.push("ezeep-token".to_owned());
    words.extend(args.iter().map(|arg| shell_quote(arg)));

    let mut line = words.join(" ");
    if let Some(bytes) = stdin {
        line.push_str(&format!(" [stdin: {:?}]", String::from_utf8_lossy(bytes)));
    }
    line
}

/// Quotes `word` for a POSIX shell unless it contains only safe characters.
fn shell_quote(word: &str) -> String {
    let is_safe = |c: char| c.is_ascii_alphanumeric() || "_-./:=@%+,".contains(c);
    if !word.is_empty() && word.chars().all(is_safe) {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// Runs `command` with `stdin` as standard input, or a null device when
/// `stdin` is `None`, and collects its output.
///
/// # Panics
///
/// Panics with the report if the binary cannot be started, runs longer than
/// `RUN_TIMEOUT` (it is killed first), or leaves stdout or stderr open longer
/// than `PIPE_CLOSE_TIMEOUT` after it exited.
#[track_caller]
pub(super) fn execute(mut command: Command, description: String, stdin: Option<&[u8]>) -> Run {
    command
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command
        .spawn()
        .unwrap_or_else(|error| panic!("failed to start {description}: {error}"));

    // Threads feed stdin and drain stdout and stderr, so that a full pipe
    // never blocks the binary while this thread polls for its exit.
    if let (Some(mut pipe), Some(bytes)) = (child.stdin.take(), stdin) {
        let bytes = bytes.to_vec();
        // The binary may exit without reading stdin, so write errors such as
        // EPIPE are expected. Dropping the pipe sends end of file.
        thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    let stdout_receiver = read_in_background(child.stdout.take());
    let stderr_receiver = read_in_background(child.stderr.take());

    let status = wait_with_timeout(&mut child, &description);

    let pipes_deadline = Instant::now() + PIPE_CLOSE_TIMEOUT;
    let stdout = receive_before(&stdout_receiver, pipes_deadline);
    let stderr = receive_before(&stderr_receiver, pipes_deadline);
    let pipes_closed = stdout.is_some() && stderr.is_some();

    let run = Run {
        command: description,
        code: status.and_then(|status| status.code()),
        stdout: stdout.unwrap_or_default(),
        stderr: String::from_utf8_lossy(&stderr.unwrap_or_default()).into_owned(),
    };
    assert!(
        status.is_some(),
        "the binary did not exit within {} s and was killed\n{run}",
        RUN_TIMEOUT.as_secs()
    );
    assert!(
        pipes_closed,
        "stdout or stderr stayed open {} s after the binary exited, so a process that it started may still be running\n{run}",
        PIPE_CLOSE_TIMEOUT.as_secs()
    );
    run
}

/// Waits for `child` to exit. Returns `None` after killing it when it runs
/// longer than `RUN_TIMEOUT`.
#[track_caller]
fn wait_with_timeout(child: &mut Child, description: &str) -> Option<ExitStatus> {
    let deadline = Instant::now() + RUN_TIMEOUT;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            Ok(None) => thread::sleep(POLL_INTERVAL),
            Err(error) => panic!("failed to wait for {description}: {error}"),
        }
    }
}

/// Reads `pipe` to its end on a new thread and sends the bytes once it closes.
fn read_in_background(pipe: Option<impl Read + Send + 'static>) -> Receiver<Vec<u8>> {
    let (sender, receiver) = mpsc::channel();
    match pipe {
        Some(mut pipe) => {
            thread::spawn(move || {
                // On a read error the bytes read so far are still sent.
                let mut bytes = Vec::new();
                let _ = pipe.read_to_end(&mut bytes);
                let _ = sender.send(bytes);
            });
        }
        None => {
            let _ = sender.send(Vec::new());
        }
    }
    receiver
}

/// Returns the bytes from `receiver`, or `None` if they do not arrive before `deadline`.
fn receive_before(receiver: &Receiver<Vec<u8>>, deadline: Instant) -> Option<Vec<u8>> {
    let remaining = deadline.saturating_duration_since(Instant::now());
    receiver.recv_timeout(remaining).ok()
}

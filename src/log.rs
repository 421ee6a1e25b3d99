//! Diagnostics on stderr: warnings, which always print, and verbose step
//! messages, which print only with `--verbose`.
//!
//! Callers pass text that contains no secret. Values that came from a server
//! are escaped here, so that they cannot inject terminal control sequences.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::escape_control;

static VERBOSE: AtomicBool = AtomicBool::new(false);

pub fn set_verbose(enabled: bool) {
    VERBOSE.store(enabled, Ordering::Relaxed);
}

pub fn is_verbose() -> bool {
    VERBOSE.load(Ordering::Relaxed)
}

/// Prints `ezeep-token: warning: MESSAGE` on stderr.
pub fn warn(message: &str) {
    eprintln!("ezeep-token: warning: {}", escape_control(message));
}

/// Prints `ezeep-token: MESSAGE` on stderr when verbose output is on.
pub fn verbose(message: impl FnOnce() -> String) {
    if is_verbose() {
        eprintln!("ezeep-token: {}", escape_control(&message()));
    }
}

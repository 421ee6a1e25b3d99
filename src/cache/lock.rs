//! The per-key exclusive lock that makes concurrent invocations with a cold
//! cache send one request between them.
//!
//! The lock is an advisory `File::lock` on `<key>.lock` beside the entry.
//! The operating system releases it when the holder exits, killed or not,
//! so a dead process never blocks the others. The file is not deleted on
//! unlock: a process that opened it just before the deletion would lock a
//! file that no longer has a name while a third process locks a new one.
//! `cache clear` may delete it while holding the lock, which is safe because
//! [`acquire`] checks after locking that the path still names the locked file.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use crate::log;

/// A held lock, released when dropped.
#[derive(Debug)]
pub struct KeyLock {
    // Closing the file releases the lock.
    _file: File,
}

#[derive(Debug)]
pub enum LockError {
    /// Another process held the lock for the whole wait.
    TimedOut,
    /// The lock file cannot be opened or locked, for example on a file
    /// system without lock support.
    Io(io::Error),
}

/// Takes the exclusive lock at `path`, creating the file with mode 0600 if
/// needed, and waits at most `timeout` for another holder to release it.
pub fn acquire(path: &Path, timeout: Duration) -> Result<KeyLock, LockError> {
    let deadline = Instant::now() + timeout;
    let mut announced = false;
    loop {
        let file = open_lock_file(path, true).map_err(LockError::Io)?;
        let file = wait_for_lock(file, deadline, || {
            if !announced {
                announced = true;
                log::verbose(|| {
                    format!(
                        "cache: waiting for another ezeep-token process that holds {}",
                        path.display()
                    )
                });
            }
        })?;
        if names_file(path, &file).map_err(LockError::Io)? {
            return Ok(KeyLock { _file: file });
        }
        // `cache clear` deleted the file between the open and the lock, so
        // the lock protects nothing. Lock the file that the path names now.
    }
}

/// Takes the lock at `path` without waiting. Returns `Ok(None)` when the
/// file does not exist or another process holds the lock.
pub fn try_acquire_existing(path: &Path) -> io::Result<Option<KeyLock>> {
    let file = match open_lock_file(path, false) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
    };
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => return Ok(None),
        Err(TryLockError::Error(error)) => return Err(error),
    }
    if !names_file(path, &file)? {
        return Ok(None);
    }
    Ok(Some(KeyLock { _file: file }))
}

fn open_lock_file(path: &Path, create: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options
        .read(true)
        .write(true)
        .create(create)
        .truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Takes the lock on `file`, and returns the file once it holds it.
///
/// std has no lock with a timeout, so when the lock is busy a helper thread
/// blocks in `File::lock`, and the caller waits for it until `deadline`.
/// The kernel wakes the helper as soon as the holder releases the lock,
/// which polling with pauses would notice only after the pause. After a
/// timeout the helper keeps the file, and closes it, releasing any lock it
/// got, as soon as its `File::lock` returns.
fn wait_for_lock(file: File, deadline: Instant, on_busy: impl FnOnce()) -> Result<File, LockError> {
    match file.try_lock() {
        Ok(()) => return Ok(file),
        Err(TryLockError::Error(error)) => return Err(LockError::Io(error)),
        Err(TryLockError::WouldBlock) => {}
    }
    on_busy();

    let (sender, receiver) = mpsc::sync_channel(1);
    thread::Builder::new()
        .name("cache-lock".to_owned())
        .spawn(move || {
            let result = file.lock().map(|()| file);
            // The caller has gone after a timeout, and the file is closed here.
            let _ = sender.send(result);
        })
        .map_err(LockError::Io)?;
    let remaining = deadline.saturating_duration_since(Instant::now());
    match receiver.recv_timeout(remaining) {
        Ok(Ok(file)) => Ok(file),
        Ok(Err(error)) => Err(LockError::Io(error)),
        Err(RecvTimeoutError::Timeout) => Err(LockError::TimedOut),
        Err(RecvTimeoutError::Disconnected) => Err(LockError::Io(io::Error::other(
            "the thread waiting for the lock ended without a result",
        ))),
    }
}

/// Returns whether `path` still names the open `file`.
#[cfg(unix)]
fn names_file(path: &Path, file: &File) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;

    let opened = file.metadata()?;
    match std::fs::metadata(path) {
        Ok(named) => Ok(named.dev() == opened.dev() && named.ino() == opened.ino()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(error) => Err(error),
    }
}

/// Returns true: `cache clear` deletes lock files only on Unix, so the path
/// always names the file that was opened.
#[cfg(not(unix))]
fn names_file(_path: &Path, _file: &File) -> io::Result<bool> {
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_holder_times_out() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("k.lock");
        let key_lock = acquire(&path, Duration::from_secs(1)).unwrap();
        let result = acquire(&path, Duration::from_millis(50));
        assert!(matches!(result, Err(LockError::TimedOut)), "{result:?}");
        drop(key_lock);
        assert!(acquire(&path, Duration::from_millis(50)).is_ok());
    }

    #[test]
    fn waiter_takes_released_lock() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("k.lock");
        let key_lock = acquire(&path, Duration::from_secs(1)).unwrap();
        let file = open_lock_file(&path, true).unwrap();
        let (busy_sender, busy_receiver) = mpsc::channel();
        let deadline = Instant::now() + Duration::from_secs(30);
        let waiter = thread::spawn(move || {
            wait_for_lock(file, deadline, move || busy_sender.send(()).unwrap()).map(drop)
        });

        // The waiter found the lock busy, so it now waits in its helper.
        busy_receiver.recv().unwrap();
        drop(key_lock);

        let result = waiter.join().unwrap();
        assert!(result.is_ok(), "{result:?}");
    }

    #[test]
    fn try_acquire_skips_busy_and_missing() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("k.lock");
        assert!(try_acquire_existing(&path).unwrap().is_none());
        let key_lock = acquire(&path, Duration::from_secs(1)).unwrap();
        assert!(try_acquire_existing(&path).unwrap().is_none());
        drop(key_lock);
        assert!(try_acquire_existing(&path).unwrap().is_some());
    }

    #[cfg(unix)]
    #[test]
    fn lock_file_is_private() {
        use std::os::unix::fs::PermissionsExt;

        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("k.lock");
        let _key_lock = acquire(&path, Duration::from_secs(1)).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn deleted_lock_file_is_not_trusted() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("k.lock");
        let file = open_lock_file(&path, true).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert!(!names_file(&path, &file).unwrap());
        let recreated = open_lock_file(&path, true).unwrap();
        assert!(names_file(&path, &recreated).unwrap());
    }
}

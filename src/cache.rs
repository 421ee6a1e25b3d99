//! The on-disk token cache: lookup, single-flight locking, atomic store and
//! removal.
//!
//! [`obtain`] returns a cached token while it has at least the minimum TTL
//! left, and otherwise calls the request function once. Concurrent callers
//! with the same key wait on one lock, so only the first sends a request
//! and the rest read the entry that it stored. Expiry is computed from the
//! local clock when the request was sent, never from the token's claims or
//! the server's `Date` header, so a server with a wrong clock does no harm.
//!
//! A failure to store is a warning, because the token itself is valid. A
//! cache directory that is unsafe to use is an error.

mod entry;
mod key;
mod lock;
mod private;
mod store;

use std::path::Path;
use std::time::{Duration, SystemTime};

pub use key::CacheKey;
use lock::LockError;
#[cfg(unix)]
pub use private::current_uid;
use store::{CacheDir, Lookup};

use crate::error::{Category, Error, Result};
use crate::log;
use crate::settings::{CacheSettings, ENV_CACHE_DIR};
use crate::token::Token;

/// Returns the token for `key` from the cache, or from `request` when the
/// cache has no entry with at least the minimum TTL left.
///
/// `timeout` bounds the wait for another process that holds the key's lock;
/// running out of it is a transient error (exit 75).
pub fn obtain(
    settings: &CacheSettings,
    key: &CacheKey,
    timeout: Duration,
    request: impl FnOnce() -> Result<Token>,
) -> Result<Token> {
    // The settings lines of `-v` already report that the cache is off.
    if !settings.enabled.value {
        return request();
    }
    let Some(directory) = &settings.directory else {
        log::warn(&format!(
            "no cache directory, because there is no home directory; set {ENV_CACHE_DIR} or pass --no-cache"
        ));
        return request();
    };
    let cache = match CacheDir::open(&directory.value) {
        Ok(cache) => cache,
        Err(error) if error.category() == Category::Config => return Err(error),
        Err(error) => {
            log::warn(&format!(
                "{}; requesting a token without the cache",
                error.message()
            ));
            return request();
        }
    };

    let min_ttl = settings.min_ttl.value;
    let mut lookup = KeyLookup::new(&cache, key, min_ttl);
    // With --refresh, the token stored now is the one to replace. A different
    // token found after waiting for the lock was stored by another process
    // that refreshed meanwhile, and is used instead of a second request.
    let mut replaced = None;
    if settings.refresh {
        log::verbose(|| "cache: --refresh skips the lookup".to_owned());
        replaced = lookup.stored_access_token();
    } else if let Some(token) = lookup.cached_token() {
        return Ok(token);
    }

    let lock_path = cache.lock_path(key);
    let key_lock = match lock::acquire(&lock_path, timeout) {
        Ok(key_lock) => {
            log::verbose(|| format!("cache: holding the lock {}", lock_path.display()));
            Some(key_lock)
        }
        Err(LockError::TimedOut) => return Err(lock_timeout(&lock_path, timeout)),
        Err(LockError::Io(error)) => {
            log::warn(&format!(
                "cannot lock {}: {error}; concurrent calls may each request a token",
                lock_path.display()
            ));
            None
        }
    };
    // Another process may have stored a token while this one waited.
    if !settings.refresh
        && let Some(token) = lookup.cached_token()
    {
        return Ok(token);
    }
    if settings.refresh
        && lookup.stored_access_token() != replaced
        && let Some(token) = lookup.cached_token()
    {
        log::verbose(|| {
            "cache: another process refreshed the token while this one waited".to_owned()
        });
        return Ok(token);
    }

    let token = request()?;
    store(&cache, key, &token, min_ttl);
    drop(key_lock);
    Ok(token)
}

/// Reads one key's entry and logs why it is not used. An invalid entry is
/// reported once, although it is read before and after taking the lock.
struct KeyLookup<'a> {
    cache: &'a CacheDir,
    key: &'a CacheKey,
    min_ttl: u64,
    warned: bool,
}

impl<'a> KeyLookup<'a> {
    fn new(cache: &'a CacheDir, key: &'a CacheKey, min_ttl: u64) -> KeyLookup<'a> {
        KeyLookup {
            cache,
            key,
            min_ttl,
            warned: false,
        }
    }

    /// Returns the stored access token whatever its time left, or `None`
    /// when there is no valid entry.
    fn stored_access_token(&self) -> Option<String> {
        match self.cache.read(self.key) {
            Lookup::Found(token) => Some(token.access_token.expose().to_owned()),
            Lookup::Missing | Lookup::Invalid(_) => None,
        }
    }

    /// Returns the cached token if it has at least the minimum TTL left.
    fn cached_token(&mut self) -> Option<Token> {
        let path = self.cache.entry_path(self.key);
        match self.cache.read(self.key) {
            Lookup::Missing => {
                log::verbose(|| format!("cache: no entry at {}", path.display()));
                None
            }
            Lookup::Invalid(reason) => {
                if !self.warned {
                    self.warned = true;
                    log::warn(&format!(
                        "ignoring cache entry {}: {reason}; requesting a new token",
                        path.display()
                    ));
                }
                None
            }
            Lookup::Found(token) => {
                let left = token.seconds_left(SystemTime::now()).unwrap_or(0);
                // A token with no time left is expired even when the
                // minimum TTL is 0.
                if left >= self.min_ttl.max(1) {
                    log::verbose(|| {
                        format!(
                            "cache: using the token in {} ({left} s left)",
                            path.display()
                        )
                    });
                    Some(token)
                } else {
                    log::verbose(|| {
                        format!(
                            "cache: the token in {} has {left} s left, less than the minimum TTL of {} s",
                            path.display(),
                            self.min_ttl
                        )
                    });
                    None
                }
            }
        }
    }
}

/// Stores a new token, warning when its lifetime is below the minimum TTL,
/// so that the user knows why every call sends a request.
fn store(cache: &CacheDir, key: &CacheKey, token: &Token, min_ttl: u64) {
    let Some(lifetime) = token.seconds_left(SystemTime::now()) else {
        log::verbose(|| {
            "cache: not storing the token, because the reply has no expires_in".to_owned()
        });
        return;
    };
    if lifetime < min_ttl {
        log::warn(&format!(
            "the server issued a token valid for {lifetime} s, less than the minimum TTL of {min_ttl} s; \
             each call requests a new token (lower it with --min-ttl)"
        ));
    }
    match cache.write(key, token) {
        Ok(()) => log::verbose(|| {
            format!(
                "cache: stored the token in {}",
                cache.entry_path(key).display()
            )
        }),
        Err(error) => log::warn(&format!("{}; the token is not cached", error.message())),
    }
}

fn lock_timeout(lock_path: &Path, timeout: Duration) -> Error {
    Error::new(
        Category::TempFail,
        format!(
            "timed out after {} s waiting for another ezeep-token process that holds the cache lock {}",
            timeout.as_secs_f64(),
            lock_path.display()
        ),
    )
    .with_hint("try again, raise --timeout, or pass --no-cache")
}

/// Removes every entry from the cache directory, and returns how many
/// there were. A missing directory has none.
pub fn clear_all(directory: &Path) -> Result<usize> {
    match CacheDir::existing(directory)? {
        Some(cache) => cache.remove_all(),
        None => Ok(0),
    }
}

/// Removes the entry for `key`, waiting at most `timeout` for a process that
/// is storing it, and returns whether there was one.
pub fn clear_key(directory: &Path, key: &CacheKey, timeout: Duration) -> Result<bool> {
    let Some(cache) = CacheDir::existing(directory)? else {
        return Ok(false);
    };
    let lock_path = cache.lock_path(key);
    match lock::acquire(&lock_path, timeout) {
        Ok(key_lock) => cache.remove_key(key, key_lock),
        Err(LockError::TimedOut) => Err(lock_timeout(&lock_path, timeout)),
        Err(LockError::Io(error)) => Err(Error::wrap(Category::IoErr, error)
            .context(format!("cannot lock {}", lock_path.display()))),
    }
}

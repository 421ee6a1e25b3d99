//! The cache directory on disk: its layout, reading an entry, the atomic
//! write, and removal. The permission checks are in `private`.
//!
//! Layout, for each key: the entry `<key>`, the lock file `<key>.lock`, and
//! while an entry is written, the temporary file `.<key>.tmp`. Only the
//! holder of the key's lock writes, so one temporary name per key is enough.
//! A temporary file left by a killed writer is replaced by the next writer
//! of that key, so they cannot pile up.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::entry;
use super::key::CacheKey;
use super::lock;
use super::private::{check_directory, create_directory, read_private_file, write_private_file};
use crate::error::{Category, Error, Result, ResultExt};
use crate::log;
use crate::token::Token;

/// Maximum size of an entry. A real one is about 1 KiB.
const MAX_ENTRY_BYTES: u64 = 64 * 1024;

const LOCK_SUFFIX: &str = ".lock";
const TEMP_PREFIX: &str = ".";
const TEMP_SUFFIX: &str = ".tmp";

/// The outcome of reading one entry.
#[derive(Debug)]
pub enum Lookup {
    Missing,
    Found(Token),
    /// The entry exists but must not be used, for this reason.
    Invalid(String),
}

/// A cache directory that exists and is private to the current user.
#[derive(Debug)]
pub struct CacheDir {
    path: PathBuf,
}

impl CacheDir {
    /// Creates the directory with mode 0700, or checks an existing one.
    ///
    /// An existing directory that group or others can access is changed to
    /// 0700 with a warning. One that belongs to another user, or that
    /// others can write to (such as `/tmp`), is rejected with a
    /// configuration error, because its entries may have been replaced.
    /// Other failures are I/O errors.
    pub fn open(path: &Path) -> Result<CacheDir> {
        match fs::metadata(path) {
            Ok(metadata) => check_directory(path, &metadata)?,
            Err(error) if error.kind() == io::ErrorKind::NotFound => create_directory(path)?,
            Err(error) => {
                return Err(Error::wrap(Category::IoErr, error)
                    .context(format!("cannot open cache directory {}", path.display())));
            }
        }
        Ok(CacheDir {
            path: path.to_owned(),
        })
    }

    /// Returns the directory if it exists, without creating or changing it.
    pub fn existing(path: &Path) -> Result<Option<CacheDir>> {
        match fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => Ok(Some(CacheDir {
                path: path.to_owned(),
            })),
            Ok(_) => Err(Error::config(format!(
                "cache directory {} is not a directory",
                path.display()
            ))),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(Error::wrap(Category::IoErr, error)
                .context(format!("cannot open cache directory {}", path.display()))),
        }
    }

    pub fn entry_path(&self, key: &CacheKey) -> PathBuf {
        self.path.join(key.as_str())
    }

    pub fn lock_path(&self, key: &CacheKey) -> PathBuf {
        self.path.join(format!("{}{LOCK_SUFFIX}", key.as_str()))
    }

    fn temp_path(&self, key: &CacheKey) -> PathBuf {
        self.path
            .join(format!("{TEMP_PREFIX}{}{TEMP_SUFFIX}", key.as_str()))
    }

    /// Reads the entry for `key`.
    ///
    /// An entry is used only if it is a regular file of the current user
    /// that group and others cannot access, and that decodes. Anything else
    /// is `Invalid`, so that the caller replaces it.
    pub fn read(&self, key: &CacheKey) -> Lookup {
        let path = self.entry_path(key);
        match read_private_file(&path, MAX_ENTRY_BYTES) {
            Ok(Some(bytes)) => match entry::decode(&bytes) {
                Ok(token) => Lookup::Found(token),
                Err(reason) => Lookup::Invalid(reason),
            },
            Ok(None) => Lookup::Missing,
            Err(reason) => Lookup::Invalid(reason),
        }
    }

    /// Writes the entry for `key` to the temporary file and renames it into
    /// place, so that readers see the old entry or the new one, never a
    /// part. The caller must hold the key's lock. Does nothing for a token
    /// without an expiry.
    pub fn write(&self, key: &CacheKey, token: &Token) -> Result<()> {
        let Some(bytes) = entry::encode(token) else {
            return Ok(());
        };
        let temp = self.temp_path(key);
        let target = self.entry_path(key);
        let failed = || format!("cannot write cache entry {}", target.display());

        remove_if_present(&temp).or_fail(Category::IoErr, failed)?;
        let result = write_private_file(&temp, &bytes).and_then(|()| fs::rename(&temp, &target));
        if let Err(error) = result {
            let _ = fs::remove_file(&temp);
            return Err(Error::wrap(Category::IoErr, error).context(failed()));
        }
        Ok(())
    }

    /// Removes the entry, temporary file and lock file of `key`, and returns
    /// whether an entry existed. `key_lock` must be the key's lock, which is
    /// deleted while held so that no process can lock the old file.
    pub fn remove_key(&self, key: &CacheKey, key_lock: lock::KeyLock) -> Result<bool> {
        let failed = |path: &Path| format!("cannot remove {}", path.display());
        let entry = self.entry_path(key);
        let existed = remove_if_present(&entry).or_fail(Category::IoErr, || failed(&entry))?;
        let temp = self.temp_path(key);
        remove_if_present(&temp).or_fail(Category::IoErr, || failed(&temp))?;
        if cfg!(unix) {
            let lock_path = self.lock_path(key);
            remove_if_present(&lock_path).or_fail(Category::IoErr, || failed(&lock_path))?;
        }
        drop(key_lock);
        Ok(existed)
    }

    /// Removes every entry and returns how many there were.
    ///
    /// A lock file and a temporary file are removed only when their lock is
    /// free. A busy one belongs to a process that is requesting a token, and
    /// that process stores its token after the clear. Files whose names are
    /// not those of the cache are left alone.
    pub fn remove_all(&self) -> Result<usize> {
        let listing = fs::read_dir(&self.path).or_fail(Category::IoErr, || {
            format!("cannot list cache directory {}", self.path.display())
        })?;
        let mut keys = std::collections::BTreeSet::new();
        for item in listing {
            let item = item.or_fail(Category::IoErr, || {
                format!("cannot list cache directory {}", self.path.display())
            })?;
            let name = item.file_name();
            if let Some(key) = name.to_str().and_then(key_of_file_name) {
                keys.insert(key);
            }
        }

        let mut removed = 0;
        for key in keys {
            let entry = self.entry_path(&key);
            if remove_if_present(&entry).or_fail(Category::IoErr, || {
                format!("cannot remove {}", entry.display())
            })? {
                removed += 1;
            }
            let lock_path = self.lock_path(&key);
            let key_lock = lock::try_acquire_existing(&lock_path)
                .or_fail(Category::IoErr, || {
                    format!("cannot lock {}", lock_path.display())
                })?;
            match key_lock {
                Some(key_lock) => {
                    self.remove_key(&key, key_lock)?;
                }
                None if !lock_path.exists() => {
                    // A writer always holds the lock file, so without one the
                    // temporary file is left over from a killed writer.
                    let temp = self.temp_path(&key);
                    remove_if_present(&temp).or_fail(Category::IoErr, || {
                        format!("cannot remove {}", temp.display())
                    })?;
                }
                None => log::verbose(|| {
                    format!(
                        "cache: left {} in place, because a running process holds it",
                        lock_path.display()
                    )
                }),
            }
        }
        Ok(removed)
    }
}

/// Returns the key that a cache file name belongs to: an entry, a lock file
/// or a temporary file.
fn key_of_file_name(name: &str) -> Option<CacheKey> {
    if let Some(key) = CacheKey::parse(name) {
        return Some(key);
    }
    if let Some(stem) = name.strip_suffix(LOCK_SUFFIX) {
        return CacheKey::parse(stem);
    }
    let stem = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    CacheKey::parse(stem)
}

fn remove_if_present(path: &Path) -> io::Result<bool> {
    match fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(error) => Err(error),
    }
}

#[cfg(all(test, unix))]
mod tests;

//! Files and directories that only the current user can access: creation
//! with modes 0700 and 0600 whatever the umask, and the checks that an
//! existing directory or file is private before it is used.
//!
//! On other platforms than Unix only the file types are checked.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

use crate::error::{Category, Error, Result, ResultExt};

/// Creates `path` and its missing parents with mode 0700.
pub fn create_directory(path: &Path) -> Result<()> {
    let failed = || format!("cannot create cache directory {}", path.display());
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        // Missing parents get 0700 too, so that no directory created here
        // is readable by others.
        builder.mode(0o700);
    }
    builder.create(path).or_fail(Category::IoErr, failed)?;
    // The umask may have removed bits of the mode, so it is set again.
    set_private_mode(path, 0o700).or_fail(Category::IoErr, failed)
}

#[cfg(unix)]
fn set_private_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_private_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// Checks that an existing directory is private to the current user. A
/// directory of another user, or one that group or others can access, is a
/// configuration error. Its mode is never changed, because the path may
/// name a directory such as the home directory that others must reach.
#[cfg(unix)]
pub fn check_directory(path: &Path, metadata: &fs::Metadata) -> Result<()> {
    use std::os::unix::fs::MetadataExt;

    if !metadata.is_dir() {
        return Err(Error::config(format!(
            "cache directory {} is not a directory",
            path.display()
        )));
    }
    let mode = metadata.mode() & 0o7777;
    let hint = || {
        format!(
            "set {} to a directory of your own, or pass --no-cache",
            crate::settings::ENV_CACHE_DIR
        )
    };
    if metadata.uid() != current_uid() {
        return Err(Error::config(format!(
            "cache directory {} belongs to another user (uid {})",
            path.display(),
            metadata.uid()
        ))
        .with_hint(hint()));
    }
    // A sticky or world-writable directory is shared: its mode must not be
    // changed, and others may have put files in it.
    if mode & 0o1002 != 0 {
        return Err(Error::config(format!(
            "cache directory {} is writable by others (mode {mode:04o})",
            path.display()
        ))
        .with_hint(hint()));
    }
    if mode & 0o077 != 0 {
        return Err(Error::config(format!(
            "cache directory {} is accessible by group or others (mode {mode:04o})",
            path.display()
        ))
        .with_hint(format!(
            "run `chmod 700 {}` if only the token cache uses it; otherwise {}",
            path.display(),
            hint()
        )));
    }
    Ok(())
}

#[cfg(not(unix))]
pub fn check_directory(path: &Path, metadata: &fs::Metadata) -> Result<()> {
    // NOTE: Windows ACLs are not checked, so the directory's default ACL,
    // which usually grants access to the user only, is trusted as it is.
    if !metadata.is_dir() {
        return Err(Error::config(format!(
            "cache directory {} is not a directory",
            path.display()
        )));
    }
    Ok(())
}

/// Returns the effective user id of this process.
#[cfg(unix)]
pub fn current_uid() -> u32 {
    // SAFETY: geteuid has no preconditions, and POSIX specifies that it
    // always succeeds.
    unsafe { libc::geteuid() }
}

/// Reads a private regular file. Returns `Ok(None)` when it does not exist,
/// and a reason when it exists but must not be used.
pub fn read_private_file(
    path: &Path,
    max_bytes: u64,
) -> std::result::Result<Option<Vec<u8>>, String> {
    // Checking the path first keeps a symbolic link, pipe or device from
    // being opened at all.
    match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_file() => {}
        Ok(_) => return Err("it is not a regular file".to_owned()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(format!("cannot read it: {error}")),
    }
    let file = match open_for_reading(path) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(format!("cannot read it: {error}")),
    };
    let metadata = file
        .metadata()
        .map_err(|error| format!("cannot read it: {error}"))?;
    check_private_file(&metadata)?;

    // With room for the whole file, read_to_end needs one read and one
    // probe for the end instead of reads that double from 32 bytes.
    let capacity = metadata.len().min(max_bytes) + 1;
    let mut bytes = Vec::with_capacity(capacity as usize);
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| format!("cannot read it: {error}"))?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!("it is larger than {} KiB", max_bytes / 1024));
    }
    Ok(Some(bytes))
}

#[cfg(unix)]
fn open_for_reading(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
}

#[cfg(not(unix))]
fn open_for_reading(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(unix)]
fn check_private_file(metadata: &fs::Metadata) -> std::result::Result<(), String> {
    use std::os::unix::fs::MetadataExt;

    if !metadata.is_file() {
        return Err("it is not a regular file".to_owned());
    }
    if metadata.uid() != current_uid() {
        return Err(format!(
            "it belongs to another user (uid {})",
            metadata.uid()
        ));
    }
    let mode = metadata.mode() & 0o7777;
    if mode & 0o077 != 0 {
        return Err(format!(
            "it is accessible by group or others (mode {mode:04o})"
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private_file(metadata: &fs::Metadata) -> std::result::Result<(), String> {
    if !metadata.is_file() {
        return Err("it is not a regular file".to_owned());
    }
    Ok(())
}

/// Creates `path`, which must not exist, with mode 0600 and writes `bytes`
/// to disk before returning.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    // The umask may have removed bits of the mode, so it is set again.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(bytes)?;
    // Without the sync, a crash soon after the rename could leave an empty
    // entry on some file systems.
    file.sync_all()
}

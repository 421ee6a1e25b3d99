//! A temporary directory and a scrubbed environment for running the binary.

use std::fs::{self, DirBuilder, OpenOptions, Permissions};
use std::io::{ErrorKind, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

use super::run::{self, Run};

/// A temporary directory with `home/`, `config/` and `cache/` subdirectories
/// that become `HOME`, `XDG_CONFIG_HOME` and `XDG_CACHE_HOME` of the binary.
/// `XDG_DATA_HOME` is `home/.local/share`. Dropping the sandbox deletes the
/// directory.
pub struct Sandbox {
    root: TempDir,
}

impl Default for Sandbox {
    fn default() -> Sandbox {
        Sandbox::new()
    }
}

impl Sandbox {
    /// Creates the temporary directory and its subdirectories with mode 0700.
    ///
    /// # Panics
    ///
    /// Panics if a directory cannot be created.
    #[track_caller]
    pub fn new() -> Sandbox {
        let root = tempfile::Builder::new()
            .prefix("ezeep-token-test-")
            .tempdir()
            .unwrap_or_else(|error| panic!("failed to create a temporary directory: {error}"));
        let sandbox = Sandbox { root };

        for directory in [
            sandbox.home_dir(),
            sandbox.config_dir(),
            sandbox.cache_dir(),
            sandbox.data_dir(),
        ] {
            create_private_dir(&directory);
        }
        sandbox
    }

    /// Returns the root of the temporary directory.
    pub fn path(&self) -> &Path {
        self.root.path()
    }

    /// Returns the directory that the binary gets as `XDG_CONFIG_HOME`.
    pub fn config_dir(&self) -> PathBuf {
        self.path().join("config")
    }

    /// Returns the directory that the binary gets as `XDG_CACHE_HOME`.
    pub fn cache_dir(&self) -> PathBuf {
        self.path().join("cache")
    }

    /// Returns the configuration file path that the binary reads by default
    /// under `XDG_CONFIG_HOME`.
    pub fn config_file(&self) -> PathBuf {
        self.config_dir().join("ezeep-token").join("config.toml")
    }

    /// Writes `toml` to `config_file()` with mode 0600 and returns its path.
    /// Missing parent directories are created with mode 0700.
    #[track_caller]
    pub fn write_config(&self, toml: &str) -> PathBuf {
        let path = self.config_file();
        write_with_mode(&path, toml.as_bytes(), 0o600);
        path
    }

    /// Writes `contents` to `name` under `path()` with exactly `mode` and
    /// returns the absolute path. `name` may contain subdirectories, which are
    /// created with mode 0700. An existing file is replaced.
    ///
    /// # Panics
    ///
    /// Panics if `name` is absolute or contains `..`, or if writing fails.
    #[track_caller]
    pub fn write_file(&self, name: &str, contents: &[u8], mode: u32) -> PathBuf {
        let relative = Path::new(name);
        assert!(
            relative
                .components()
                .all(|component| matches!(component, Component::Normal(_) | Component::CurDir)),
            "Sandbox::write_file needs a relative path without `..`, got {name:?}"
        );
        let path = self.path().join(relative);
        write_with_mode(&path, contents, mode);
        path
    }

    /// Builds a command for the `ezeep-token` binary with a cleared
    /// environment. It sets only `PATH` (copied from this process, if set),
    /// `HOME`, `XDG_CONFIG_HOME`, `XDG_CACHE_HOME`, `XDG_DATA_HOME`,
    /// `LANG=C.UTF-8` and `TZ=UTC`, and its working directory is `path()`.
    pub fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_ezeep-token"));
        command.env_clear();
        if let Some(path) = std::env::var_os("PATH") {
            command.env("PATH", path);
        }
        command
            .env("HOME", self.home_dir())
            .env("XDG_CONFIG_HOME", self.config_dir())
            .env("XDG_CACHE_HOME", self.cache_dir())
            .env("XDG_DATA_HOME", self.data_dir())
            .env("LANG", "C.UTF-8")
            .env("TZ", "UTC")
            .current_dir(self.path());
        command
    }

    /// Runs the binary with `args` and stdin connected to the null device.
    #[track_caller]
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[], None)
    }

    /// Runs the binary with `args` and the variables in `env` added to, or
    /// replacing, the sandbox environment. Stdin is the null device.
    #[track_caller]
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        self.run_with(args, env, None)
    }

    /// Runs the binary like `run_env` and writes `stdin` to its standard
    /// input, which is then closed.
    #[track_caller]
    pub fn run_stdin(&self, args: &[&str], env: &[(&str, &str)], stdin: &[u8]) -> Run {
        self.run_with(args, env, Some(stdin))
    }

    /// Runs the binary like `run_env`, but through `sh` that first sets the
    /// file mode creation mask to `umask`.
    #[track_caller]
    pub fn run_umask(&self, umask: u32, args: &[&str], env: &[(&str, &str)]) -> Run {
        let binary = self.command();
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(format!("umask {umask:03o} && exec \"$0\" \"$@\""))
            .arg(binary.get_program())
            .args(args)
            .env_clear()
            .current_dir(self.path());
        for (name, value) in binary.get_envs() {
            if let Some(value) = value {
                command.env(name, value);
            }
        }
        for (name, value) in env {
            command.env(name, value);
        }
        let description = format!(
            "umask {umask:03o}; {}",
            run::describe_command(args, env, None)
        );
        run::execute(command, description, None)
    }

    #[track_caller]
    fn run_with(&self, args: &[&str], env: &[(&str, &str)], stdin: Option<&[u8]>) -> Run {
        let mut command = self.command();
        command.args(args);
        for (name, value) in env {
            command.env(name, value);
        }
        let description = run::describe_command(args, env, stdin);
        run::execute(command, description, stdin)
    }

    fn home_dir(&self) -> PathBuf {
        self.path().join("home")
    }

    fn data_dir(&self) -> PathBuf {
        self.home_dir().join(".local").join("share")
    }
}

#[track_caller]
fn create_private_dir(path: &Path) {
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(path)
        .unwrap_or_else(|error| panic!("failed to create {}: {error}", path.display()));
}

/// Replaces the file at `path` with `contents` and sets exactly `mode`.
#[track_caller]
fn write_with_mode(path: &Path, contents: &[u8], mode: u32) {
    if let Some(parent) = path.parent() {
        create_private_dir(parent);
    }

    // Removing an existing file first makes the write work even when that
    // file is read-only, and makes the mode apply to a new file.
    match fs::remove_file(path) {
        Ok(()) => {}
        Err(error) if error.kind() == ErrorKind::NotFound => {}
        Err(error) => panic!("failed to remove {}: {error}", path.display()),
    }

    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
        .unwrap_or_else(|error| panic!("failed to create {}: {error}", path.display()));
    file.write_all(contents)
        .unwrap_or_else(|error| panic!("failed to write {}: {error}", path.display()));

    // The umask may have cleared bits of the mode at creation, so the mode is
    // set again explicitly.
    fs::set_permissions(path, Permissions::from_mode(mode)).unwrap_or_else(|error| {
        panic!("failed to set mode {mode:o} on {}: {error}", path.display())
    });
}

//! The TOML profile file: its default path, its model, and the permission
//! check for files that contain a secret.
//!
//! This module only loads and checks the file. Choosing a profile and
//! combining its values with flags and environment variables is the job of
//! `settings`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::cli::{BasicEncoding, ClientAuth};
use crate::error::{Category, Error, Result, ResultExt};

/// Maximum size of a profile file. A real one is a few hundred bytes.
const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The profile file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileFile {
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// One `[profiles.NAME]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    pub client_secret_file: Option<PathBuf>,
    pub scope: Option<ScopeValue>,
    pub token_url: Option<String>,
    /// Request timeout in seconds.
    #[serde(default, deserialize_with = "deserialize_seconds")]
    pub timeout: Option<f64>,

    /// Whether tokens are cached. `false` works like `--no-cache`.
    pub cache: Option<bool>,
    /// Minimum time in seconds that a cached token must have left to be used.
    pub min_ttl: Option<u64>,
    /// A shell command whose output is the client secret.
    pub client_secret_command: Option<String>,
    /// Retries after a transient failure.
    pub retries: Option<u32>,
    pub client_auth: Option<ClientAuth>,
    pub basic_encoding: Option<BasicEncoding>,
    /// A PEM file of extra root certificates.
    pub cacert: Option<PathBuf>,
}

/// A `scope` entry, which may be one space-separated string or an array.
#[derive(Debug, Clone)]
pub enum ScopeValue {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for ScopeValue {
    /// Deserializes a string or an array of strings. serde's own message for
    /// an untagged enum names the Rust type, so any other value gets a
    /// message that names the key instead.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            One(String),
            Many(Vec<String>),
        }
        match Raw::deserialize(deserializer) {
            Ok(Raw::One(scope)) => Ok(ScopeValue::One(scope)),
            Ok(Raw::Many(scopes)) => Ok(ScopeValue::Many(scopes)),
            Err(_) => Err(serde::de::Error::custom(
                "scope must be a string or an array of strings",
            )),
        }
    }
}

/// Deserializes `timeout`, naming the key and the unit in the error instead
/// of serde's `expected f64`.
fn deserialize_seconds<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<f64>, D::Error> {
    Option::<f64>::deserialize(deserializer)
        .map_err(|_| serde::de::Error::custom("timeout must be a number of seconds"))
}

impl ScopeValue {
    pub fn parts(&self) -> Vec<String> {
        match self {
            ScopeValue::One(scope) => vec![scope.clone()],
            ScopeValue::Many(scopes) => scopes.clone(),
        }
    }
}

/// A profile file as loaded, with the path it came from.
#[derive(Debug)]
pub struct LoadedFile {
    pub path: PathBuf,
    pub contents: ProfileFile,
}

/// Returns `<config dir>/ezeep-token/config.toml`, or `None` where the
/// platform has no home directory.
pub fn default_path() -> Option<PathBuf> {
    let base = directories::BaseDirs::new()?;
    Some(base.config_dir().join("ezeep-token").join("config.toml"))
}

/// Loads and checks the profile file at `path`.
///
/// Returns `Ok(None)` when the file does not exist and `required` is false,
/// which is the case for the default path.
pub fn load(path: &Path, required: bool) -> Result<Option<LoadedFile>> {
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && !required => {
            return Ok(None);
        }
        Err(error) => {
            return Err(Error::wrap(Category::Config, error)
                .context(format!("cannot read profile file {}", path.display())));
        }
    };

    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .or_fail(Category::Config, || {
            format!("cannot read profile file {}", path.display())
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::config(format!(
            "profile file {} is larger than {} KiB",
            path.display(),
            MAX_FILE_BYTES / 1024
        )));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::config(format!(
            "profile file {} is not valid UTF-8",
            path.display()
        ))
    })?;

    let contents = parse(&text).map_err(|message| {
        Error::config(format!("invalid profile file {}:{message}", path.display()))
    })?;
    if contents
        .profiles
        .values()
        .any(|p| p.client_secret.is_some())
    {
        check_permissions(path)?;
    }
    if contents
        .profiles
        .values()
        .any(|p| p.client_secret_command.is_some())
    {
        check_not_writable_by_others(path)?;
    }
    Ok(Some(LoadedFile {
        path: path.to_owned(),
        contents,
    }))
}

/// Parses the file's text. The error is `LINE:COLUMN: MESSAGE` on one line.
pub fn parse(text: &str) -> std::result::Result<ProfileFile, String> {
    toml::from_str(text).map_err(|error| {
        let location = match error.span() {
            Some(span) => {
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                format!("{line}:{column}: ")
            }
            None => " ".to_owned(),
        };
        let message = error.message().replace('\n', " ");
        format!("{location}{}", message.trim_end())
    })
}

/// Returns the permission bits of the profile file.
#[cfg(unix)]
fn file_mode(path: &Path) -> Result<u32> {
    Ok(std::os::unix::fs::MetadataExt::mode(&file_metadata(path)?))
}

#[cfg(unix)]
fn file_metadata(path: &Path) -> Result<std::fs::Metadata> {
    std::fs::metadata(path).or_fail(Category::Config, || {
        format!("cannot read profile file {}", path.display())
    })
}

/// Rejects a file that contains a client secret and that group or others can
/// read, as ssh rejects loose private key files.
#[cfg(unix)]
fn check_permissions(path: &Path) -> Result<()> {
    let mode = file_mode(path)?;
    if mode & 0o044 != 0 {
        return Err(Error::config(format!(
            "profile file {} contains client_secret and is readable by others (mode {:04o})",
            path.display(),
            mode & 0o7777
        ))
        .with_hint(format!(
            "run `chmod 600 {}`, or move the secret to client_secret_file",
            path.display()
        )));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_permissions(_path: &Path) -> Result<()> {
    // NOTE: Windows ACLs are not checked, so a profile file there is trusted
    // as it is.
    Ok(())
}

/// Rejects a file that sets `client_secret_command` and that belongs to
/// another user (root excepted) or that group or others can write, because
/// anyone who can write the file chooses the command that runs.
#[cfg(unix)]
fn check_not_writable_by_others(path: &Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;

    let metadata = file_metadata(path)?;
    let user = crate::cache::current_uid();
    if metadata.uid() != user && metadata.uid() != 0 {
        return Err(Error::config(format!(
            "profile file {} sets client_secret_command and belongs to another user (uid {})",
            path.display(),
            metadata.uid()
        ))
        .with_hint(
            "the owner of the file chooses the command that runs; use a profile file of your own",
        ));
    }
    let mode = metadata.mode();
    if mode & 0o022 != 0 {
        return Err(Error::config(format!(
            "profile file {} sets client_secret_command and is writable by others (mode {:04o})",
            path.display(),
            mode & 0o7777
        ))
        .with_hint(format!("run `chmod go-w {}`", path.display())));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_not_writable_by_others(_path: &Path) -> Result<()> {
    Ok(())
}

#[cfg(test)]
mod proptests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_documented_example() {
        let file = parse(
            r#"
default_profile = "prod"

[profiles.prod]
client_id = "abc"
client_secret_file = "/run/secrets/ezeep"
scope = ["printing", "user"]
token_url = "https://account.ezeep.com/oauth/access_token/"
"#,
        )
        .unwrap();
        assert_eq!(file.default_profile.as_deref(), Some("prod"));
        let prod = &file.profiles["prod"];
        assert_eq!(prod.client_id.as_deref(), Some("abc"));
        assert_eq!(prod.scope.as_ref().unwrap().parts(), ["printing", "user"]);
    }

    #[test]
    fn unknown_key_is_named_with_line() {
        let error =
            parse("[profiles.prod]\nclient_id = \"a\"\nclientsecret = \"b\"\n").unwrap_err();
        assert!(
            error.starts_with("3:1: unknown field `clientsecret`"),
            "{error}"
        );
    }

    #[test]
    fn unknown_top_level_key_is_named() {
        let error = parse("default = \"prod\"\n").unwrap_err();
        assert!(error.contains("unknown field `default`"), "{error}");
    }

    #[test]
    fn wrong_types_named_plainly() {
        let error = parse("[profiles.a]\nscope = 5\n").unwrap_err();
        assert_eq!(error, "2:9: scope must be a string or an array of strings");
        let error = parse("[profiles.a]\ntimeout = \"10\"\n").unwrap_err();
        assert_eq!(error, "2:11: timeout must be a number of seconds");
        let file = parse("[profiles.a]\ntimeout = 10\n").unwrap();
        assert_eq!(file.profiles["a"].timeout, Some(10.0));
    }

    #[test]
    fn invalid_toml_is_one_line() {
        let error = parse("[profiles.prod\n").unwrap_err();
        assert!(!error.contains('\n'), "{error}");
        assert!(error.starts_with("1:"), "{error}");
    }
}

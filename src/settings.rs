//! Resolution and validation of every setting. Each value comes from the
//! first of flags, environment variables, the profile file and built-in
//! defaults, and keeps that origin.
//!
//! Resolution reads the environment through an [`Environment`] snapshot, so
//! that unit tests can run it with made-up variables. It does not read the
//! client secret: [`Settings::credentials`] does, when a command needs it.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::cli::SourceArgs;
use crate::error::{Error, Result};
use crate::profile::{self, LoadedFile, Profile};
use crate::secret::{Secret, SecretSource, validate_credential};

mod cache;
#[cfg(test)]
use cache::ENV_MIN_TTL;
pub use cache::{CacheSettings, ENV_CACHE_DIR, resolve_directory};
mod network;
pub use network::NetworkSettings;

pub const DEFAULT_TOKEN_URL: &str = "https://account.ezeep.com/oauth/access_token/";
pub const DEFAULT_SCOPE: &str = "printing";
pub const DEFAULT_TIMEOUT_SECONDS: f64 = 30.0;
/// Maximum accepted `--timeout`, one day, which catches unit mistakes such
/// as milliseconds given as seconds.
const MAX_TIMEOUT_SECONDS: f64 = 86_400.0;

pub const ENV_PROFILE: &str = "EZEEP_PROFILE";
pub const ENV_CONFIG: &str = "EZEEP_TOKEN_CONFIG";
pub const ENV_CLIENT_ID: &str = "EZEEP_CLIENT_ID";
pub const ENV_CLIENT_SECRET: &str = "EZEEP_CLIENT_SECRET";
pub const ENV_CLIENT_SECRET_FILE: &str = "EZEEP_CLIENT_SECRET_FILE";
pub const ENV_SCOPE: &str = "EZEEP_SCOPE";
pub const ENV_TOKEN_URL: &str = "EZEEP_TOKEN_URL";
pub const ENV_TIMEOUT: &str = "EZEEP_TOKEN_TIMEOUT";

/// A snapshot of the environment variables that settings read.
#[derive(Debug, Default, Clone)]
pub struct Environment {
    variables: BTreeMap<String, OsString>,
}

impl Environment {
    /// Takes the `EZEEP_*` variables of the current process, and the proxy
    /// and TLS variables listed in [`network::PROCESS_VARIABLES`].
    pub fn from_process() -> Environment {
        let variables = std::env::vars_os()
            .filter_map(|(name, value)| {
                let name = name.into_string().ok()?;
                let wanted = name.starts_with("EZEEP_")
                    || network::PROCESS_VARIABLES.contains(&name.as_str());
                wanted.then_some((name, value))
            })
            .collect();
        Environment { variables }
    }

    /// Builds an environment from name and value pairs, for tests.
    #[cfg(test)]
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Environment {
        let variables = pairs
            .iter()
            .map(|(name, value)| ((*name).to_owned(), OsString::from(value)))
            .collect();
        Environment { variables }
    }

    /// Returns the variable's value. An empty variable counts as unset,
    /// because CI systems expand a missing secret to an empty string.
    pub fn get(&self, name: &'static str) -> Result<Option<Setting<String>>> {
        let Some(value) = self.variables.get(name) else {
            return Ok(None);
        };
        let Some(value) = value.to_str() else {
            return Err(Error::config(format!(
                "environment variable {name} is not valid UTF-8"
            )));
        };
        if value.is_empty() {
            return Ok(None);
        }
        Ok(Some(Setting {
            value: value.to_owned(),
            origin: Origin::Env(name),
        }))
    }
}

/// The source of a resolved value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Flag(&'static str),
    Env(&'static str),
    Profile {
        name: String,
        path: PathBuf,
    },
    /// The `default_profile` key of the profile file at this path.
    DefaultProfile(PathBuf),
    Default,
}

impl Origin {
    /// Returns the layer rank: flag 0, environment 1, profile 2, default 3.
    fn layer(&self) -> u8 {
        match self {
            Origin::Flag(_) => 0,
            Origin::Env(_) => 1,
            Origin::Profile { .. } | Origin::DefaultProfile(_) => 2,
            Origin::Default => 3,
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Flag(flag) => write!(f, "flag {flag}"),
            Origin::Env(name) => write!(f, "environment variable {name}"),
            Origin::Profile { name, path } => write!(f, "profile {name} in {}", path.display()),
            Origin::DefaultProfile(path) => write!(f, "default_profile in {}", path.display()),
            Origin::Default => f.write_str("default"),
        }
    }
}

/// A resolved value and its origin.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting<T> {
    pub value: T,
    pub origin: Origin,
}

impl<T> Setting<T> {
    fn new(value: T, origin: Origin) -> Setting<T> {
        Setting { value, origin }
    }

    fn map<U>(self, f: impl FnOnce(T) -> U) -> Setting<U> {
        Setting {
            value: f(self.value),
            origin: self.origin,
        }
    }
}

/// A validated token endpoint URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenUrl {
    pub url: String,
    /// Host name or IP address, without IPv6 brackets.
    pub host: String,
    /// Host and optional port as written in the URL, for messages.
    pub authority: String,
}

/// Every setting after resolution. Only this type flows downstream.
#[derive(Debug)]
pub struct Settings {
    /// The profile file path, or `None` where the platform has no home.
    pub config_path: Option<Setting<PathBuf>>,
    /// The loaded profile file, if it exists.
    pub profile_file: Option<LoadedFile>,
    /// The selected profile's name, if one was selected.
    pub profile: Option<Setting<String>>,
    pub client_id: Option<Setting<String>>,
    pub client_secret: Option<Setting<SecretSource>>,
    /// Space-separated scopes, normalised to single spaces.
    pub scope: Setting<String>,
    pub token_url: Setting<TokenUrl>,
    pub timeout: Setting<Duration>,
    pub cache: CacheSettings,
    /// Warnings to print on stderr, one line each.
    pub warnings: Vec<String>,

    /// Retries, client authentication, TLS roots and the proxy.
    pub network: NetworkSettings,
}

impl Settings {
    /// Resolves every setting: flag, then environment, then profile file,
    /// then built-in default.
    pub fn resolve(args: &SourceArgs, env: &Environment) -> Result<Settings> {
        let (config_path, profile_file) = load_profile_file(args, env)?;
        let profile = select_profile(args, env, profile_file.as_ref())?;
        let layer = ProfileLayer::new(profile_file.as_ref(), profile.as_ref());
        let mut warnings = Vec::new();

        let client_id = first_of([
            args.client_id
                .clone()
                .map(|id| Setting::new(id, Origin::Flag("--client-id"))),
            env.get(ENV_CLIENT_ID)?,
            layer.value(|p| p.client_id.clone()),
        ]);
        if let Some(id) = &client_id {
            validate_credential("client id", &id.value)
                .map_err(|error| error.context(format!("client id from {}", id.origin)))?;
        }

        let client_secret = resolve_secret(args, env, &layer)?;
        if let Some(secret) = &client_secret
            && secret.origin == Origin::Flag("--client-secret")
        {
            warnings.push(
                "--client-secret is visible to other local users in the process list; \
                 use EZEEP_CLIENT_SECRET or --client-secret-file instead"
                    .to_owned(),
            );
        }
        if let (Some(id), Some(secret)) = (&client_id, &client_secret)
            && id.origin.layer() != secret.origin.layer()
        {
            warnings.push(format!(
                "client id is from {} but client secret is from {}; \
                 mixed credentials are the usual cause of invalid_client",
                id.origin, secret.origin
            ));
        }

        let scope = resolve_scope(args, env, &layer)?;

        let token_url = first_of([
            args.token_url
                .clone()
                .map(|url| Setting::new(url, Origin::Flag("--token-url"))),
            env.get(ENV_TOKEN_URL)?,
            layer.value(|p| p.token_url.clone()),
        ])
        .unwrap_or_else(|| Setting::new(DEFAULT_TOKEN_URL.to_owned(), Origin::Default));
        let token_url = Setting::new(
            parse_token_url(&token_url.value)
                .map_err(|error| error.context(format!("token URL from {}", token_url.origin)))?,
            token_url.origin,
        );

        let timeout = resolve_timeout(args, env, &layer)?;
        let cache = cache::resolve(args, env, &layer)?;

        let network = network::resolve(args, env, &layer, client_id.as_ref(), &token_url)?;

        Ok(Settings {
            config_path,
            profile_file,
            profile,
            client_id,
            client_secret,
            scope,
            token_url,
            timeout,
            cache,
            warnings,
            network,
        })
    }

    /// Returns the client id and reads the client secret, or fails with a
    /// message that lists where each can be set.
    pub fn credentials(&self) -> Result<(String, Secret)> {
        let profile_part = match &self.profile {
            Some(profile) => format!(" in profile {}", profile.value),
            None => " in a profile".to_owned(),
        };
        let Some(client_id) = &self.client_id else {
            return Err(Error::config("missing client id").with_hint(format!(
                "set --client-id, {ENV_CLIENT_ID}, or client_id{profile_part}"
            )));
        };
        let Some(secret) = &self.client_secret else {
            return Err(Error::config("missing client secret").with_hint(format!(
                "set {ENV_CLIENT_SECRET}, --client-secret-file, {ENV_CLIENT_SECRET_FILE}, \
                 or client_secret_file or client_secret_command{profile_part}"
            )));
        };
        let value = secret
            .value
            .read("client secret")
            .map_err(|error| error.context(format!("client secret from {}", secret.origin)))?;
        Ok((client_id.value.clone(), value))
    }
}

/// The selected profile's values, tagged with their origin.
struct ProfileLayer<'a> {
    profile: Option<&'a Profile>,
    origin: Option<Origin>,
    file_directory: Option<&'a Path>,
}

impl<'a> ProfileLayer<'a> {
    fn new(file: Option<&'a LoadedFile>, selected: Option<&Setting<String>>) -> ProfileLayer<'a> {
        let (Some(file), Some(selected)) = (file, selected) else {
            return ProfileLayer {
                profile: None,
                origin: None,
                file_directory: None,
            };
        };
        ProfileLayer {
            profile: file.contents.profiles.get(&selected.value),
            origin: Some(Origin::Profile {
                name: selected.value.clone(),
                path: file.path.clone(),
            }),
            file_directory: file.path.parent(),
        }
    }

    fn value<T>(&self, field: impl FnOnce(&Profile) -> Option<T>) -> Option<Setting<T>> {
        let value = field(self.profile?)?;
        Some(Setting::new(value, self.origin.clone()?))
    }

    /// Resolves a path from the profile: `~/` is the home directory and a
    /// relative path is relative to the profile file's directory.
    fn path(&self, path: &Path) -> PathBuf {
        if let Ok(rest) = path.strip_prefix("~")
            && let Some(base) = directories::BaseDirs::new()
        {
            return base.home_dir().join(rest);
        }
        match self.file_directory {
            Some(directory) if path.is_relative() => directory.join(path),
            _ => path.to_owned(),
        }
    }
}

fn first_of<T, const N: usize>(candidates: [Option<Setting<T>>; N]) -> Option<Setting<T>> {
    candidates.into_iter().flatten().next()
}

/// Finds and loads the profile file. A missing file is an error only when
/// its path was given with `--config` or `EZEEP_TOKEN_CONFIG`.
pub fn load_profile_file(
    args: &SourceArgs,
    env: &Environment,
) -> Result<(Option<Setting<PathBuf>>, Option<LoadedFile>)> {
    let config_path = resolve_config_path(args, env)?;
    let profile_file = match &config_path {
        Some(path) => profile::load(&path.value, path.origin != Origin::Default)?,
        None => None,
    };
    Ok((config_path, profile_file))
}

fn resolve_config_path(args: &SourceArgs, env: &Environment) -> Result<Option<Setting<PathBuf>>> {
    if let Some(path) = &args.config {
        return Ok(Some(Setting::new(path.clone(), Origin::Flag("--config"))));
    }
    if let Some(path) = env.get(ENV_CONFIG)? {
        return Ok(Some(path.map(PathBuf::from)));
    }
    Ok(profile::default_path().map(|path| Setting::new(path, Origin::Default)))
}

/// Picks the profile: `--profile`, then `EZEEP_PROFILE`, then the file's
/// `default_profile`, each of which must exist; else `default` if the file
/// has it; else none.
fn select_profile(
    args: &SourceArgs,
    env: &Environment,
    file: Option<&LoadedFile>,
) -> Result<Option<Setting<String>>> {
    let from_file = file.and_then(|file| {
        let name = file.contents.default_profile.clone()?;
        Some(Setting::new(
            name,
            Origin::DefaultProfile(file.path.clone()),
        ))
    });
    let named = first_of([
        args.profile
            .clone()
            .map(|name| Setting::new(name, Origin::Flag("--profile"))),
        env.get(ENV_PROFILE)?,
        from_file,
    ]);

    let Some(named) = named else {
        return Ok(file
            .filter(|file| file.contents.profiles.contains_key("default"))
            .map(|_| Setting::new("default".to_owned(), Origin::Default)));
    };
    let Some(file) = file else {
        return Err(Error::config(format!(
            "profile {} not found: there is no profile file",
            named.value
        ))
        .with_hint(
            "create the profile file (see `ezeep-token config` for its path) or pass --config",
        ));
    };
    if file.contents.profiles.contains_key(&named.value) {
        return Ok(Some(named));
    }
    let known = file.contents.profiles.keys().cloned().collect::<Vec<_>>();
    let listing = if known.is_empty() {
        "it has no profiles".to_owned()
    } else {
        format!("profiles: {}", known.join(", "))
    };
    Err(Error::config(format!(
        "profile {} (from {}) not found in {}; {listing}",
        named.value,
        named.origin,
        file.path.display()
    )))
}

fn resolve_secret(
    args: &SourceArgs,
    env: &Environment,
    layer: &ProfileLayer,
) -> Result<Option<Setting<SecretSource>>> {
    if let Some(secret) = &args.client_secret {
        let source = SecretSource::Value(Secret::new(secret.clone()));
        return Ok(Some(Setting::new(source, Origin::Flag("--client-secret"))));
    }
    if let Some(path) = &args.client_secret_file {
        let source = SecretSource::File(path.clone());
        return Ok(Some(Setting::new(
            source,
            Origin::Flag("--client-secret-file"),
        )));
    }
    if let Some(command) = &args.client_secret_command {
        let source = SecretSource::Command(command.clone());
        return Ok(Some(Setting::new(
            source,
            Origin::Flag("--client-secret-command"),
        )));
    }

    let env_value = env.get(ENV_CLIENT_SECRET)?;
    let env_file = env.get(ENV_CLIENT_SECRET_FILE)?;
    match (env_value, env_file) {
        (Some(_), Some(_)) => {
            return Err(Error::config(format!(
                "both {ENV_CLIENT_SECRET} and {ENV_CLIENT_SECRET_FILE} are set"
            ))
            .with_hint("unset one of them"));
        }
        (Some(value), None) => {
            return Ok(Some(value.map(|v| SecretSource::Value(Secret::new(v)))));
        }
        (None, Some(path)) => return Ok(Some(path.map(|p| SecretSource::File(p.into())))),
        (None, None) => {}
    }

    let value = layer.value(|p| p.client_secret.clone());
    let file = layer.value(|p| p.client_secret_file.clone());
    if let Some(command) = layer.value(|p| p.client_secret_command.clone()) {
        if value.is_some() || file.is_some() {
            return Err(Error::config(format!(
                "{} sets client_secret_command and also client_secret or client_secret_file",
                command.origin
            ))
            .with_hint("keep one of them"));
        }
        return Ok(Some(command.map(SecretSource::Command)));
    }
    match (value, file) {
        (Some(value), Some(_)) => Err(Error::config(format!(
            "{} sets both client_secret and client_secret_file",
            value.origin
        ))
        .with_hint("keep one of them")),
        (Some(value), None) => Ok(Some(value.map(|v| SecretSource::Value(Secret::new(v))))),
        (None, Some(file)) => Ok(Some(file.map(|p| SecretSource::File(layer.path(&p))))),
        (None, None) => Ok(None),
    }
}

fn resolve_scope(
    args: &SourceArgs,
    env: &Environment,
    layer: &ProfileLayer,
) -> Result<Setting<String>> {
    let parts = first_of([
        (!args.scope.is_empty()).then(|| Setting::new(args.scope.clone(), Origin::Flag("--scope"))),
        env.get(ENV_SCOPE)?
            .map(|scope| scope.map(|value| vec![value])),
        layer.value(|p| p.scope.as_ref().map(|scope| scope.parts())),
    ])
    .unwrap_or_else(|| Setting::new(vec![DEFAULT_SCOPE.to_owned()], Origin::Default));

    let scope = normalize_scope(&parts.value)
        .map_err(|error| error.context(format!("scope from {}", parts.origin)))?;
    Ok(Setting::new(scope, parts.origin))
}

/// Joins scope values into one space-separated string and checks each scope
/// against the characters RFC 6749 section 3.3 allows.
pub fn normalize_scope(parts: &[String]) -> Result<String> {
    let scopes = parts
        .iter()
        .flat_map(|part| part.split_whitespace())
        .collect::<Vec<_>>();
    if scopes.is_empty() {
        return Err(Error::config("scope is empty"));
    }
    for scope in &scopes {
        let valid = scope
            .chars()
            .all(|c| matches!(c, '\x21' | '\x23'..='\x5b' | '\x5d'..='\x7e'));
        if !valid {
            return Err(Error::config(format!(
                "invalid scope {scope:?}: a scope may contain printable ASCII except '\"' and '\\'"
            )));
        }
    }
    Ok(scopes.join(" "))
}

/// Validates the token URL: absolute, `https`, or `http` for a loopback
/// host only, without user information.
pub fn parse_token_url(text: &str) -> Result<TokenUrl> {
    let invalid = |reason: &str| Error::config(format!("invalid token URL {text:?}: {reason}"));
    let uri: ureq::http::Uri = text.parse().map_err(|_| invalid("not a valid URL"))?;
    let scheme = uri.scheme_str().ok_or_else(|| invalid("missing scheme"))?;
    let authority = uri.authority().ok_or_else(|| invalid("missing host"))?;
    if authority.as_str().contains('@') {
        return Err(invalid("credentials in the URL are not allowed")
            .with_hint("pass the client id and secret with the credential options instead"));
    }
    let host = authority
        .host()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned();
    if host.is_empty() {
        return Err(invalid("missing host"));
    }
    match scheme.to_ascii_lowercase().as_str() {
        "https" => {}
        "http" if is_loopback(&host) => {}
        "http" => {
            return Err(invalid("http is allowed only for loopback hosts")
                .with_hint(format!("use https://{}", &text["http://".len()..])));
        }
        _ => return Err(invalid("the scheme must be https")),
    }
    Ok(TokenUrl {
        url: text.to_owned(),
        host,
        authority: authority.as_str().to_owned(),
    })
}

/// Returns whether `host` is `localhost` or a loopback IP address.
pub fn is_loopback(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn resolve_timeout(
    args: &SourceArgs,
    env: &Environment,
    layer: &ProfileLayer,
) -> Result<Setting<Duration>> {
    let text = first_of([
        args.timeout
            .clone()
            .map(|value| Setting::new(value, Origin::Flag("--timeout"))),
        env.get(ENV_TIMEOUT)?,
        layer.value(|p| p.timeout.map(|seconds| seconds.to_string())),
    ]);
    let Some(text) = text else {
        return Ok(Setting::new(
            Duration::from_secs_f64(DEFAULT_TIMEOUT_SECONDS),
            Origin::Default,
        ));
    };
    let seconds =
        text.value.trim().parse::<f64>().ok().filter(|seconds| {
            seconds.is_finite() && *seconds > 0.0 && *seconds <= MAX_TIMEOUT_SECONDS
        });
    let Some(seconds) = seconds else {
        return Err(Error::config(format!(
            "invalid timeout {:?} from {}: expected seconds greater than 0 and at most {MAX_TIMEOUT_SECONDS}",
            text.value, text.origin
        )));
    };
    Ok(Setting::new(Duration::from_secs_f64(seconds), text.origin))
}

#[cfg(test)]
mod tests;

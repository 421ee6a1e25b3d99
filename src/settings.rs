//! Resolution and validation of every setting. Each value comes from the
//! first of flags, environment variables, the profile file and built-in
//! defaults, and keeps that origin.
//!
//! Resolution reads the environment through an [`Environment`] snapshot, so
//! that unit tests can run it with made-up variables. It does not read the
//! client secret: [`Settings::credentials`] does, when a command needs it.

use std::path::PathBuf;
use std::time::Duration;

use crate::cli::SourceArgs;
use crate::error::{Error, Result};
use crate::profile::LoadedFile;
use crate::secret::{Secret, SecretSource, validate_credential};

mod origin;
mod profile_layer;
mod request;

pub use cache::{MIN_TTL_EXPECTED, parse_min_ttl};
pub use network::{RETRIES_EXPECTED, parse_retries};
use origin::first_of;
pub use origin::{Environment, Origin, Setting};
pub use profile_layer::load_profile_file;
use profile_layer::{ProfileLayer, select_profile};
#[cfg(test)]
use request::normalize_scope;
pub use request::{TIMEOUT_EXPECTED, TokenUrl, parse_timeout, parse_token_url};
use request::{resolve_scope, resolve_secret, resolve_timeout};

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

#[cfg(test)]
mod tests;

//! Resolution of the token cache settings: whether the cache is used, the
//! minimum time left on a cached token, and the cache directory.
//!
//! `--refresh` has no environment variable or profile key, because a
//! permanent refresh would be the same as turning the cache off.

use std::path::PathBuf;

use super::{Environment, Origin, ProfileLayer, Setting, first_of};
use crate::cli::SourceArgs;
use crate::error::{Error, Result};

pub const ENV_MIN_TTL: &str = "EZEEP_TOKEN_MIN_TTL";
pub const ENV_CACHE_DIR: &str = "EZEEP_TOKEN_CACHE_DIR";

/// Default minimum time left on a cached token. Long CI steps need a token
/// that stays valid for the whole step.
pub const DEFAULT_MIN_TTL_SECONDS: u64 = 300;
/// Maximum accepted `--min-ttl`, one day, which catches unit mistakes such
/// as milliseconds given as seconds.
const MAX_MIN_TTL_SECONDS: u64 = 86_400;

/// The resolved cache settings.
#[derive(Debug)]
pub struct CacheSettings {
    /// Whether the cache is read and written.
    pub enabled: Setting<bool>,
    /// Whether the lookup is skipped and a new token stored (`--refresh`).
    pub refresh: bool,
    /// Minimum time in seconds that a cached token must have left.
    pub min_ttl: Setting<u64>,
    /// The directory that contains the entries, or `None` where the platform
    /// has no home directory and `EZEEP_TOKEN_CACHE_DIR` is unset.
    pub directory: Option<Setting<PathBuf>>,
}

pub(super) fn resolve(
    args: &SourceArgs,
    env: &Environment,
    layer: &ProfileLayer,
) -> Result<CacheSettings> {
    let enabled = if args.cache.no_cache {
        Setting::new(false, Origin::Flag("--no-cache"))
    } else {
        layer
            .value(|p| p.cache)
            .unwrap_or_else(|| Setting::new(true, Origin::Default))
    };
    Ok(CacheSettings {
        enabled,
        refresh: args.cache.refresh,
        min_ttl: resolve_min_ttl(args, env, layer)?,
        directory: resolve_directory(env)?,
    })
}

fn resolve_min_ttl(
    args: &SourceArgs,
    env: &Environment,
    layer: &ProfileLayer,
) -> Result<Setting<u64>> {
    let text = first_of([
        args.cache
            .min_ttl
            .clone()
            .map(|value| Setting::new(value, Origin::Flag("--min-ttl"))),
        env.get(ENV_MIN_TTL)?,
        layer.value(|p| p.min_ttl.map(|seconds| seconds.to_string())),
    ]);
    let Some(text) = text else {
        return Ok(Setting::new(DEFAULT_MIN_TTL_SECONDS, Origin::Default));
    };
    let Some(seconds) = parse_min_ttl(&text.value) else {
        return Err(Error::config(format!(
            "invalid minimum TTL {:?} from {}: expected {MIN_TTL_EXPECTED}",
            text.value, text.origin
        )));
    };
    Ok(Setting::new(seconds, text.origin))
}

/// The accepted minimum TTL values, for error messages.
pub const MIN_TTL_EXPECTED: &str = "whole seconds from 0 to 86400";

/// Parses a minimum TTL in whole seconds.
pub fn parse_min_ttl(text: &str) -> Option<u64> {
    let seconds = text.trim().parse::<u64>().ok()?;
    (seconds <= MAX_MIN_TTL_SECONDS).then_some(seconds)
}

/// Returns `EZEEP_TOKEN_CACHE_DIR`, else `<cache dir>/ezeep-token`, else
/// `None` where the platform has no home directory.
///
/// The variable must hold an absolute path, because a relative one would
/// name a different directory in each working directory.
pub fn resolve_directory(env: &Environment) -> Result<Option<Setting<PathBuf>>> {
    if let Some(directory) = env.get(ENV_CACHE_DIR)? {
        let path = PathBuf::from(&directory.value);
        if !path.is_absolute() {
            return Err(Error::config(format!(
                "{ENV_CACHE_DIR} must be an absolute path, got {:?}",
                directory.value
            )));
        }
        return Ok(Some(Setting::new(path, directory.origin)));
    }
    let Some(base) = directories::BaseDirs::new() else {
        return Ok(None);
    };
    Ok(Some(Setting::new(
        base.cache_dir().join("ezeep-token"),
        Origin::Default,
    )))
}

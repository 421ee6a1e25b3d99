//! The profile file's part in resolution: finding and loading the file,
//! selecting a profile, and reading the selected profile's values with
//! their origin.

use std::path::{Path, PathBuf};

use super::{ENV_CONFIG, ENV_PROFILE, Environment, Origin, Setting, first_of};
use crate::cli::SourceArgs;
use crate::error::{Error, Result};
use crate::profile::{self, LoadedFile, Profile};

/// The selected profile's values, tagged with their origin.
pub(super) struct ProfileLayer<'a> {
    profile: Option<&'a Profile>,
    origin: Option<Origin>,
    file_directory: Option<&'a Path>,
}

impl<'a> ProfileLayer<'a> {
    pub(super) fn new(
        file: Option<&'a LoadedFile>,
        selected: Option<&Setting<String>>,
    ) -> ProfileLayer<'a> {
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

    pub(super) fn value<T>(&self, field: impl FnOnce(&Profile) -> Option<T>) -> Option<Setting<T>> {
        let value = field(self.profile?)?;
        Some(Setting::new(value, self.origin.clone()?))
    }

    /// Resolves a path from the profile: `~/` is the home directory and a
    /// relative path is relative to the profile file's directory.
    pub(super) fn path(&self, path: &Path) -> PathBuf {
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
pub(super) fn select_profile(
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

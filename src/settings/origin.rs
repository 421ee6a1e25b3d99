//! The building blocks of resolution: the environment snapshot, the origin
//! of a value, and a value paired with its origin.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;

use crate::error::{Error, Result};

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
                    || super::network::PROCESS_VARIABLES.contains(&name.as_str());
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
    pub(super) fn layer(&self) -> u8 {
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
    pub(super) fn new(value: T, origin: Origin) -> Setting<T> {
        Setting { value, origin }
    }

    pub(super) fn map<U>(self, f: impl FnOnce(T) -> U) -> Setting<U> {
        Setting {
            value: f(self.value),
            origin: self.origin,
        }
    }
}

/// Returns the first candidate that is set.
pub(super) fn first_of<T, const N: usize>(
    candidates: [Option<Setting<T>>; N],
) -> Option<Setting<T>> {
    candidates.into_iter().flatten().next()
}

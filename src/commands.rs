//! The subcommands and the main job, each taking resolved settings and
//! writing its result to stdout.

use std::time::SystemTime;

use clap::{CommandFactory, ValueEnum};

use crate::cli::SourceArgs;
use crate::cli::{Cli, OutputFormat};
use crate::error::{Category, Error, Result, ResultExt};
use crate::http::{self, TokenRequest};
use crate::log;
use crate::output;
use crate::secret::SecretSource;
use crate::settings::{Environment, NetworkSettings, Origin, Settings};

/// Fetches a token and prints it in `format`.
pub fn print_token(settings: &Settings, format: OutputFormat) -> Result<()> {
    log_settings(settings);
    let (client_id, client_secret) = settings.credentials()?;
    let request = TokenRequest {
        token_url: &settings.token_url.value,
        client_id: &client_id,
        client_secret: &client_secret,
        scope: &settings.scope.value,
        timeout: settings.timeout.value,
        network: &settings.network,
    };
    let token = http::request_token(&request)?;
    output::write_stdout(&output::render(&token, format, SystemTime::now()))
}

/// Prints each setting in verbose mode, with its origin and without secrets.
fn log_settings(settings: &Settings) {
    if !log::is_verbose() {
        return;
    }
    for (name, value) in describe(settings, false) {
        log::verbose(|| format!("{name}: {value}"));
    }
}

/// Returns the settings as name and description pairs. The secret is shown
/// only as its source, and as its length when `read_secret` is true.
fn describe(settings: &Settings, read_secret: bool) -> Vec<(&'static str, String)> {
    let config_file = match &settings.config_path {
        Some(path) => {
            let state = if settings.profile_file.is_some() {
                "found"
            } else {
                "not found"
            };
            format!("{} ({}; {state})", path.value.display(), path.origin)
        }
        None => "none (no home directory)".to_owned(),
    };
    let profile = match &settings.profile {
        Some(profile) => format!("{} ({})", profile.value, profile.origin),
        None => "none".to_owned(),
    };
    let client_id = match &settings.client_id {
        Some(id) => format!("{} ({})", id.value, id.origin),
        None => "not set".to_owned(),
    };
    let client_secret = match &settings.client_secret {
        None => "not set".to_owned(),
        Some(secret) => {
            let source = match &secret.value {
                SecretSource::Value(_) => String::new(),
                SecretSource::File(path) => {
                    format!(", read from {}", crate::secret::display_secret_path(path))
                }
                SecretSource::Command(command) => format!(", output of command {command:?}"),
            };
            let length = if !read_secret {
                "set".to_owned()
            } else {
                match secret.value.read("client secret") {
                    Ok(value) => format!("{} characters", value.char_count()),
                    Err(error) => format!("unusable: {}", error.message()),
                }
            };
            format!("{length}{source} ({})", secret.origin)
        }
    };
    let mut lines = vec![
        ("config file", config_file),
        ("profile", profile),
        ("client_id", client_id),
        ("client_secret", client_secret),
        (
            "scope",
            format!("{} ({})", settings.scope.value, settings.scope.origin),
        ),
        (
            "token_url",
            format!(
                "{} ({})",
                settings.token_url.value.url, settings.token_url.origin
            ),
        ),
        (
            "timeout",
            format!(
                "{} s ({})",
                settings.timeout.value.as_secs_f64(),
                settings.timeout.origin
            ),
        ),
    ];
    lines.extend(describe_network(&settings.network));
    lines
}

/// Returns the network settings as name and description pairs. A proxy's
/// credentials are shown as `***`.
fn describe_network(network: &NetworkSettings) -> Vec<(&'static str, String)> {
    let with_origin = |value: String, origin: &Origin| format!("{value} ({origin})");
    let mut lines = vec![
        (
            "retries",
            with_origin(network.retries.value.to_string(), &network.retries.origin),
        ),
        (
            "client_auth",
            with_origin(
                value_name(network.client_auth.value),
                &network.client_auth.origin,
            ),
        ),
        (
            "basic_encoding",
            with_origin(
                value_name(network.basic_encoding.value),
                &network.basic_encoding.origin,
            ),
        ),
    ];
    for file in network.extra_root_files() {
        lines.push((
            "extra roots",
            with_origin(file.value.display().to_string(), &file.origin),
        ));
    }
    lines.push(("proxy", network.proxy.to_string()));
    lines
}

/// Returns the command-line spelling of a value-enum variant.
fn value_name(value: impl ValueEnum) -> String {
    value
        .to_possible_value()
        .map_or_else(String::new, |value| value.get_name().to_owned())
}

/// Prints every resolved setting and where it came from.
pub fn show_config(settings: &Settings) -> Result<()> {
    let mut text = String::new();
    for (name, value) in describe(settings, true) {
        text.push_str(&format!("{name:<14} {value}\n"));
    }
    output::write_stdout(&text)
}

/// Lists the profiles in the profile file, marking the default with `*`.
pub fn list_profiles(args: &SourceArgs, env: &Environment) -> Result<()> {
    let (path, file) = crate::settings::load_profile_file(args, env)?;
    let Some(file) = file else {
        let shown = path.map_or("none".to_owned(), |p| p.value.display().to_string());
        log::warn(&format!("no profile file at {shown}"));
        return Ok(());
    };
    let profiles = &file.contents.profiles;
    if profiles.is_empty() {
        log::warn(&format!("no profiles in {}", file.path.display()));
        return Ok(());
    }
    let default = file.contents.default_profile.clone().or_else(|| {
        profiles
            .contains_key("default")
            .then(|| "default".to_owned())
    });
    let name_width = profiles
        .keys()
        .map(|name| name.chars().count())
        .max()
        .unwrap_or(0);
    let id_width = profiles
        .values()
        .map(|p| p.client_id.as_deref().unwrap_or("-").chars().count())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for (name, profile) in profiles {
        let marker = if default.as_deref() == Some(name) {
            '*'
        } else {
            ' '
        };
        let client_id = profile.client_id.as_deref().unwrap_or("-");
        let token_url = profile
            .token_url
            .as_deref()
            .unwrap_or("(default token URL)");
        let line = format!("{marker} {name:<name_width$}  {client_id:<id_width$}  {token_url}");
        text.push_str(crate::error::escape_control(line.trim_end()).as_str());
        text.push('\n');
    }
    output::write_stdout(&text)
}

/// Prints a completion script for `shell`.
pub fn print_completions(shell: clap_complete::Shell) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ezeep-token", &mut script);
    let script = String::from_utf8(script).or_fail(Category::IoErr, || {
        "completion script is not UTF-8".to_owned()
    })?;
    output::write_stdout(&script)
}

/// Prints the man page in roff format.
pub fn print_man() -> Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|error| {
            Error::wrap(Category::IoErr, error).context("cannot render the man page")
        })?;
    output::write_stdout(&String::from_utf8_lossy(&page))
}

//! The subcommands and the main job, each taking resolved settings and
//! writing its result to stdout.

use std::path::PathBuf;
use std::time::SystemTime;

use clap::{CommandFactory, ValueEnum};

use crate::cache::{self, CacheKey};
use crate::cli::SourceArgs;
use crate::cli::{Cli, OutputFormat};
use crate::error::{Category, Error, Result, ResultExt};
use crate::http::{self, TokenRequest};
use crate::log;
use crate::output;
use crate::secret::{Secret, SecretSource};
use crate::settings::{
    ENV_CACHE_DIR, ENV_PROFILE, Environment, NetworkSettings, Origin, Settings, resolve_directory,
};
use crate::token::Token;

/// Prints a token for the settings in `format`.
pub fn print_token(settings: &Settings, format: OutputFormat) -> Result<()> {
    let token = obtain_token(settings)?;
    output::write_stdout(&output::render(&token, format, SystemTime::now()))
}

/// Returns a token from the cache, or else from the token endpoint.
pub fn obtain_token(settings: &Settings) -> Result<Token> {
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
    let key = cache_key(settings, &client_id, &client_secret);
    cache::obtain(&settings.cache, &key, settings.timeout.value, || {
        http::request_token(&request)
    })
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
        ("cache", describe_cache(settings)),
        (
            "cache_dir",
            match &settings.cache.directory {
                Some(directory) => {
                    format!("{} ({})", directory.value.display(), directory.origin)
                }
                None => "none (no home directory)".to_owned(),
            },
        ),
        (
            "min_ttl",
            format!(
                "{} s ({})",
                settings.cache.min_ttl.value, settings.cache.min_ttl.origin
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

fn describe_cache(settings: &Settings) -> String {
    let cache = &settings.cache;
    let state = if cache.enabled.value { "on" } else { "off" };
    let mut text = format!("{state} ({})", cache.enabled.origin);
    if cache.enabled.value && cache.refresh {
        text.push_str(", lookup skipped (flag --refresh)");
    }
    text
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
    let mut script = String::from_utf8(script).or_fail(Category::IoErr, || {
        "completion script is not UTF-8".to_owned()
    })?;
    if shell == clap_complete::Shell::Bash {
        // NOTE: clap_complete 4.6 labels the bash `case` arms of a hyphenated
        // binary name `ezeep__subcmd__token__...` while its dispatch loop
        // builds `ezeep__token__...`, so nothing after a subcommand completes
        // (clap-rs/clap issue 6421). Renaming the labels makes them match.
        script = script.replace("ezeep__subcmd__token", "ezeep__token");
    }
    output::write_stdout(&script)
}

/// Prints the man page in roff format.
///
/// clap_mangen's own subcommand section refers to pages such as
/// `ezeep-token-config(1)` that do not exist, and its extra section joins
/// the lines of the help epilogue, so both are rendered here instead.
pub fn print_man() -> Result<()> {
    let command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    let rendered = (|| -> std::io::Result<()> {
        man.render_title(&mut page)?;
        man.render_name_section(&mut page)?;
        man.render_synopsis_section(&mut page)?;
        man.render_description_section(&mut page)?;
        man.render_options_section(&mut page)?;
        render_man_commands(&command, &mut page);
        render_man_epilogue(crate::cli::AFTER_LONG_HELP, &mut page);
        man.render_version_section(&mut page)
    })();
    rendered.map_err(|error| {
        Error::wrap(Category::IoErr, error).context("cannot render the man page")
    })?;
    output::write_stdout(&String::from_utf8_lossy(&page))
}

/// Appends a COMMANDS section with each visible subcommand and its summary.
fn render_man_commands(command: &clap::Command, page: &mut Vec<u8>) {
    page.extend_from_slice(b".SH COMMANDS\n");
    for subcommand in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        let summary = subcommand
            .get_about()
            .map(ToString::to_string)
            .unwrap_or_default();
        page.extend_from_slice(
            format!(
                ".TP\n\\fB{}\\fR\n{}\n",
                subcommand.get_name(),
                roff_escape(&summary)
            )
            .as_bytes(),
        );
    }
}

/// Appends the help epilogue: each block that starts with a `Heading:` line
/// becomes a section, with its lines kept as they are.
fn render_man_epilogue(epilogue: &str, page: &mut Vec<u8>) {
    for block in epilogue.split("\n\n") {
        let mut lines = block.lines();
        let Some(heading) = lines.next() else {
            continue;
        };
        let heading = heading.trim_end_matches(':').to_uppercase();
        page.extend_from_slice(format!(".SH \"{heading}\"\n.nf\n").as_bytes());
        for line in lines {
            page.extend_from_slice(roff_escape(line).as_bytes());
            page.push(b'\n');
        }
        page.extend_from_slice(b".fi\n");
    }
}

/// Escapes backslashes, and a leading `.` or `'` that roff would read as a
/// request.
fn roff_escape(text: &str) -> String {
    let escaped = text.replace('\\', "\\e");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// Prints the cache directory.
pub fn print_cache_path(env: &Environment) -> Result<()> {
    let directory = cache_directory(env)?;
    output::write_stdout(&format!("{}\n", directory.display()))
}

/// Removes the selected profile's cache entry when a profile is named with
/// `--profile` or `EZEEP_PROFILE`, and every entry otherwise.
pub fn clear_cache(cli: &Cli, env: &Environment) -> Result<()> {
    let profile_named = cli.source.profile.is_some() || env.get(ENV_PROFILE)?.is_some();
    if !profile_named {
        let directory = cache_directory(env)?;
        let removed = cache::clear_all(&directory)?;
        log::verbose(|| {
            format!(
                "cache: removed {removed} {} from {}",
                if removed == 1 { "entry" } else { "entries" },
                directory.display()
            )
        });
        return Ok(());
    }

    let settings = Settings::resolve(&cli.source, env)?;
    let Some(directory) = &settings.cache.directory else {
        return Err(no_cache_directory());
    };
    let (client_id, client_secret) = settings.credentials()?;
    let key = cache_key(&settings, &client_id, &client_secret);
    let removed = cache::clear_key(&directory.value, &key, settings.timeout.value)?;
    log::verbose(|| {
        let profile = settings.profile.as_ref().map_or("", |p| p.value.as_str());
        let outcome = if removed { "removed" } else { "found no" };
        format!(
            "cache: {outcome} entry for profile {profile} in {}",
            directory.value.display()
        )
    });
    Ok(())
}

fn cache_key(settings: &Settings, client_id: &str, client_secret: &Secret) -> CacheKey {
    CacheKey::derive(
        &settings.token_url.value.url,
        client_id,
        &settings.scope.value,
        client_secret,
    )
}

fn cache_directory(env: &Environment) -> Result<PathBuf> {
    match resolve_directory(env)? {
        Some(directory) => Ok(directory.value),
        None => Err(no_cache_directory()),
    }
}

fn no_cache_directory() -> Error {
    Error::config("no cache directory, because there is no home directory")
        .with_hint(format!("set {ENV_CACHE_DIR}"))
}

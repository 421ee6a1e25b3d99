//! The command line as typed: clap derive types, help text and value enums.
//!
//! Nothing here reads the environment or the profile file. Environment
//! variable names are listed in the help text, and `settings` resolves them,
//! so that each value keeps the origin it came from and help output can never
//! show a secret from the environment.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::settings;
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Deserialize;

/// Text appended to `--help`: environment variables, the profile file and
/// the exit codes.
pub const AFTER_LONG_HELP: &str = "\
Environment variables:
  EZEEP_PROFILE              profile name (--profile)
  EZEEP_TOKEN_CONFIG         profile file path (--config)
  EZEEP_CLIENT_ID            client id (--client-id)
  EZEEP_CLIENT_SECRET        client secret (--client-secret)
  EZEEP_CLIENT_SECRET_FILE   file holding the client secret (--client-secret-file)
  EZEEP_SCOPE                space-separated scopes (--scope)
  EZEEP_TOKEN_URL            token endpoint URL (--token-url)
  EZEEP_TOKEN_TIMEOUT        request timeout in seconds (--timeout)
  EZEEP_TOKEN_MIN_TTL        minimum seconds left on a cached token (--min-ttl)
  EZEEP_TOKEN_CACHE_DIR      token cache directory (see `ezeep-token cache path`)
  EZEEP_TOKEN_RETRIES        retries after a transient failure (--retries)
  EZEEP_CLIENT_AUTH          basic or post (--client-auth)
  EZEEP_BASIC_ENCODING       urlencoded or raw (--basic-encoding)
A flag wins over its environment variable, which wins over the profile file.
SSL_CERT_FILE adds PEM root certificates to the system roots, as --cacert
does. The proxy comes from https_proxy or HTTPS_PROXY (http_proxy for http
URLs), else all_proxy or ALL_PROXY; hosts in no_proxy or NO_PROXY bypass it.

Profile file:
  --config, else EZEEP_TOKEN_CONFIG, else <config dir>/ezeep-token/config.toml
  (on Linux $XDG_CONFIG_HOME/ezeep-token/config.toml, by default
  ~/.config/ezeep-token/config.toml). Run `ezeep-token config` to see the path
  and where each setting comes from.

Exit codes:
  0   success
  2   invalid command line
  65  `inspect`: the input is not a JWT
  74  local I/O error
  75  transient failure after the retries: network unreachable, timeout,
      HTTP 5xx or 429
  76  the reply is not a valid token response, or a redirect that is not
      followed
  77  the server rejected the client credentials or the scope
  78  missing or invalid configuration, unsafe file permissions, insecure URL,
      or a TLS certificate that fails verification
  126 `exec`: the command cannot be run
  127 `exec`: the command was not found
Otherwise `exec` exits with the command's own status.";

/// Get an ezeep Blue OAuth 2.0 access token and print it.
///
/// Requests a token from the ezeep Blue authorization service with the
/// client-credentials grant and prints it raw, as an HTTP header line, as JSON
/// or as a shell assignment. Only the token goes to stdout; diagnostics go to
/// stderr.
#[derive(Debug, Parser)]
#[command(
    name = "ezeep-token",
    version,
    after_long_help = AFTER_LONG_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub source: SourceArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options that select the credentials, the endpoint and the request.
#[derive(Debug, Default, Args)]
pub struct SourceArgs {
    /// Profile to use from the profile file [env: EZEEP_PROFILE]
    ///
    /// Without it, the file's `default_profile` is used, else the profile
    /// named `default` if there is one.
    #[arg(short, long, value_name = "NAME", global = true)]
    pub profile: Option<String>,

    /// Profile file path [env: EZEEP_TOKEN_CONFIG]
    #[arg(long, value_name = "PATH", global = true)]
    pub config: Option<PathBuf>,

    /// OAuth client id [env: EZEEP_CLIENT_ID]
    #[arg(long, value_name = "ID", global = true)]
    pub client_id: Option<String>,

    /// OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]
    ///
    /// Other local users can read command-line arguments from the process
    /// list, so prefer EZEEP_CLIENT_SECRET, --client-secret-file or
    /// `client_secret_file` in the profile.
    #[arg(
        long,
        value_name = "SECRET",
        global = true,
        conflicts_with = "client_secret_file"
    )]
    pub client_secret: Option<String>,

    /// Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]
    ///
    /// One trailing line break is removed.
    #[arg(long, value_name = "PATH", global = true)]
    pub client_secret_file: Option<PathBuf>,

    /// Run COMMAND with `sh -c` and use its output as the client secret
    ///
    /// For example `pass show ezeep/prod`. One trailing line break is
    /// removed. The command must exit with status 0 within 10 seconds and
    /// print a non-empty secret.
    #[arg(
        long,
        value_name = "COMMAND",
        global = true,
        conflicts_with_all = ["client_secret", "client_secret_file"]
    )]
    pub client_secret_command: Option<String>,

    /// OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]
    ///
    /// Repeated values, and values holding several space-separated scopes,
    /// are joined with single spaces.
    #[arg(long, value_name = "SCOPE", global = true)]
    pub scope: Vec<String>,

    /// Token endpoint URL [env: EZEEP_TOKEN_URL]
    ///
    /// Must use https, except for loopback hosts (localhost, 127.0.0.0/8,
    /// ::1), where http is allowed for testing.
    /// [default: https://account.ezeep.com/oauth/access_token/]
    #[arg(long, value_name = "URL", global = true)]
    pub token_url: Option<String>,

    /// Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]
    #[arg(long, value_name = "SECONDS", global = true, value_parser = timeout_flag)]
    pub timeout: Option<String>,

    /// Print each step to stderr; secrets and tokens are redacted
    #[arg(short, long, global = true)]
    pub verbose: bool,

    #[command(flatten)]
    pub cache: CacheArgs,

    #[command(flatten)]
    pub network: NetworkArgs,
}

const CACHE_HEADING: &str = "Cache options";

/// Options that control the token cache.
#[derive(Debug, Default, Args)]
pub struct CacheArgs {
    /// Neither read nor write the token cache
    #[arg(long, global = true, help_heading = CACHE_HEADING)]
    pub no_cache: bool,

    /// Request a new token even if the cache has a valid one, and cache it
    #[arg(
        long,
        global = true,
        conflicts_with = "no_cache",
        help_heading = CACHE_HEADING
    )]
    pub refresh: bool,

    /// Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]
    ///
    /// A token with less time left is replaced by a new one. If the server
    /// issues tokens with a shorter lifetime, every call requests a new
    /// token and warns.
    #[arg(
        long,
        value_name = "SECONDS",
        global = true,
        help_heading = CACHE_HEADING,
        value_parser = min_ttl_flag
    )]
    pub min_ttl: Option<String>,
}

const NETWORK_HEADING: &str = "Network options";

/// Options for retries, client authentication and TLS.
#[derive(Debug, Default, Args)]
pub struct NetworkArgs {
    /// Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]
    ///
    /// Connection failures, timeouts and HTTP 408, 429, 500, 502, 503 and
    /// 504 are retried with exponential backoff from 250 ms, or after the
    /// delay that a Retry-After header requests. All attempts together stay
    /// within --timeout.
    #[arg(
        long,
        value_name = "N",
        global = true,
        help_heading = NETWORK_HEADING,
        value_parser = retries_flag
    )]
    pub retries: Option<String>,

    /// Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]
    #[arg(long, value_name = "METHOD", value_enum, global = true, help_heading = NETWORK_HEADING)]
    pub client_auth: Option<ClientAuth>,

    /// Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]
    #[arg(long, value_name = "ENCODING", value_enum, global = true, help_heading = NETWORK_HEADING)]
    pub basic_encoding: Option<BasicEncoding>,

    /// Trust the root certificates in this PEM file, in addition to the system roots
    ///
    /// SSL_CERT_FILE adds roots in the same way. Use this for a private CA
    /// or a TLS-inspecting gateway. Certificate verification cannot be
    /// switched off.
    #[arg(long, value_name = "FILE", global = true, help_heading = NETWORK_HEADING)]
    pub cacert: Option<PathBuf>,
}

// The flag value parsers apply the same rules as settings resolution, so
// that a mistyped flag is a usage error (exit 2). Values from the
// environment or the profile file are checked during resolution (exit 78).

fn timeout_flag(text: &str) -> Result<String, String> {
    match settings::parse_timeout(text) {
        Some(_) => Ok(text.to_owned()),
        None => Err(format!("expected {}", settings::TIMEOUT_EXPECTED)),
    }
}

fn retries_flag(text: &str) -> Result<String, String> {
    match settings::parse_retries(text) {
        Some(_) => Ok(text.to_owned()),
        None => Err(format!("expected {}", settings::RETRIES_EXPECTED)),
    }
}

fn min_ttl_flag(text: &str) -> Result<String, String> {
    match settings::parse_min_ttl(text) {
        Some(_) => Ok(text.to_owned()),
        None => Err(format!("expected {}", settings::MIN_TTL_EXPECTED)),
    }
}

/// Options that choose how the token is printed.
#[derive(Debug, Default, Args)]
pub struct OutputArgs {
    /// Output format
    #[arg(short, long, value_name = "FORMAT", value_enum, conflicts_with_all = ["header", "json"])]
    pub output: Option<OutputFormat>,

    /// Print `Authorization: Bearer TOKEN`, the same as `--output header`
    #[arg(long, conflicts_with = "json")]
    pub header: bool,

    /// Print a JSON object with the token and its expiry, the same as `--output json`
    #[arg(long)]
    pub json: bool,
}

impl OutputArgs {
    /// Returns whether any output option was given.
    pub fn is_set(&self) -> bool {
        self.output.is_some() || self.header || self.json
    }

    pub fn format(&self) -> OutputFormat {
        if self.header {
            OutputFormat::Header
        } else if self.json {
            OutputFormat::Json
        } else {
            self.output.unwrap_or(OutputFormat::Raw)
        }
    }
}

/// Output format of the token on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The token and a newline
    Raw,
    /// `Authorization: Bearer TOKEN`, for curl -H
    Header,
    /// One JSON object: access_token, token_type, expires_in, expires_at, scope
    Json,
    /// `export EZEEP_ACCESS_TOKEN='TOKEN'`, for eval
    Env,
}

/// The client authentication method, which decides where the credentials
/// go in the token request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClientAuth {
    /// An `Authorization: Basic` header (client_secret_basic)
    Basic,
    /// `client_id` and `client_secret` in the form body (client_secret_post)
    Post,
}

/// The encoding of the client id and secret before base64 in the Basic
/// header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BasicEncoding {
    /// Percent-encode both first, as RFC 6749 section 2.3.1 specifies
    Urlencoded,
    /// Use both as they are, for servers that compare the header literally
    Raw,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the resolved settings and where each one came from
    ///
    /// The client secret is shown only as its source and length.
    Config,

    /// List the profiles in the profile file
    Profiles,

    /// Print a shell completion script
    Completions {
        /// Shell to generate the script for
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },

    /// Print the man page in roff format
    Man,

    /// Run a command with the token in its environment
    ///
    /// Sets EZEEP_ACCESS_TOKEN to the token and EZEEP_AUTHORIZATION to
    /// `Bearer TOKEN`, so that the token never appears on a command line.
    /// The token comes from the cache or the token endpoint, as for the main
    /// command. On Unix the command replaces ezeep-token, so signals reach
    /// it and the exit status is its own. A command that is not found exits
    /// with 127, one that cannot be run with 126.
    #[command(
        arg_required_else_help = true,
        override_usage = "ezeep-token exec [OPTIONS] -- <COMMAND> [ARGS]..."
    )]
    Exec {
        /// The command to run and its arguments, after `--`
        #[arg(value_name = "COMMAND", required = true, trailing_var_arg = true)]
        command: Vec<OsString>,
    },

    /// Decode a JWT and show its header, claims and expiry
    ///
    /// Decodes the base64url header and claims and prints them, with lines
    /// for issued-at, expiry and time left in UTC and in seconds. The
    /// signature is not verified. Without TOKEN, a token is obtained with
    /// the current settings, from the cache or the token endpoint. Input
    /// that is not a JWT exits with 65.
    Inspect {
        /// The token, or `-` to read it from stdin
        ///
        /// Other local users can read command-line arguments from the
        /// process list, so prefer `-` for a token that is still valid. A
        /// `Bearer ` or `Authorization: Bearer ` prefix is removed.
        #[arg(value_name = "TOKEN")]
        token: Option<String>,

        /// Print one JSON object with the header, the claims and the derived times
        #[arg(long)]
        json: bool,
    },

    /// Remove cached tokens or show where they are stored
    Cache {
        #[command(subcommand)]
        command: CacheCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum CacheCommand {
    /// Remove every cached token, or only the selected profile's
    ///
    /// With --profile or EZEEP_PROFILE, only the entry for that profile's
    /// token URL, client id, scope and client secret is removed, which
    /// reads its secret. Lock files are removed with their entries, unless
    /// a running process holds them.
    Clear,

    /// Print the cache directory
    Path,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn output_shortcuts_select_format() {
        let cli = Cli::try_parse_from(["ezeep-token", "--header"]).unwrap();
        assert_eq!(cli.output.format(), OutputFormat::Header);
        let cli = Cli::try_parse_from(["ezeep-token", "--json"]).unwrap();
        assert_eq!(cli.output.format(), OutputFormat::Json);
        let cli = Cli::try_parse_from(["ezeep-token", "-o", "env"]).unwrap();
        assert_eq!(cli.output.format(), OutputFormat::Env);
        let cli = Cli::try_parse_from(["ezeep-token"]).unwrap();
        assert_eq!(cli.output.format(), OutputFormat::Raw);
    }

    #[test]
    fn output_shortcuts_conflict() {
        assert!(Cli::try_parse_from(["ezeep-token", "--header", "--json"]).is_err());
        assert!(Cli::try_parse_from(["ezeep-token", "-o", "raw", "--json"]).is_err());
    }

    #[test]
    fn global_options_follow_subcommand() {
        let cli = Cli::try_parse_from(["ezeep-token", "config", "--profile", "prod"]).unwrap();
        assert_eq!(cli.source.profile.as_deref(), Some("prod"));
    }

    #[test]
    fn exec_takes_command_after_options() {
        let cli = Cli::try_parse_from([
            "ezeep-token",
            "exec",
            "--profile",
            "prod",
            "--",
            "curl",
            "-H",
            "x",
        ])
        .unwrap();
        assert_eq!(cli.source.profile.as_deref(), Some("prod"));
        let Some(Command::Exec { command }) = cli.command else {
            panic!("not exec: {:?}", cli.command);
        };
        assert_eq!(command, ["curl", "-H", "x"]);
    }

    #[test]
    fn exec_needs_command() {
        assert!(Cli::try_parse_from(["ezeep-token", "exec"]).is_err());
        assert!(Cli::try_parse_from(["ezeep-token", "exec", "--"]).is_err());
    }

    #[test]
    fn scope_is_repeatable() {
        let cli = Cli::try_parse_from(["ezeep-token", "--scope", "a", "--scope", "b c"]).unwrap();
        assert_eq!(cli.source.scope, ["a", "b c"]);
    }
}

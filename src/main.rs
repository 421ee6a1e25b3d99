//! ezeep-token: gets an OAuth 2.0 access token from the ezeep Blue
//! authorization service with the client-credentials grant and prints it.
//!
//! `main` parses the command line, calls `run`, and turns a failure into one
//! line on stderr and its exit code. Nothing else prints errors or exits.

mod cache;
mod cli;
mod commands;
mod error;
mod exec;
mod http;
mod inspect;
mod jwt;
mod log;
mod output;
mod profile;
mod secret;
mod settings;
mod token;

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use crate::cli::{CacheCommand, Cli, Command};
use crate::error::Result;
use crate::settings::{Environment, Settings};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints usage errors to stderr and --help to stdout.
            let _ = error.print();
            return ExitCode::from(error.exit_code().clamp(0, 255) as u8);
        }
    };
    if cli.command.is_some() && cli.output.is_set() {
        // The output options are not global, so clap accepts them before a
        // subcommand and would otherwise ignore them there.
        let error = Cli::command().error(
            clap::error::ErrorKind::ArgumentConflict,
            "--output, --header and --json apply only when printing a token, not to a subcommand",
        );
        let _ = error.print();
        return ExitCode::from(2);
    }
    match run(cli) {
        Ok(code) => code,
        Err(error) => error::report(&error),
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    log::set_verbose(cli.source.verbose);
    let env = Environment::from_process();
    let outcome = match cli.command {
        Some(Command::Completions { shell }) => commands::print_completions(shell),
        Some(Command::Man) => commands::print_man(),
        Some(Command::Profiles) => commands::list_profiles(&cli.source, &env),
        Some(Command::Config) => commands::show_config(&resolve(&cli, &env)?),
        Some(Command::Cache {
            command: CacheCommand::Path,
        }) => commands::print_cache_path(&env),
        Some(Command::Cache {
            command: CacheCommand::Clear,
        }) => commands::clear_cache(&cli, &env),
        Some(Command::Exec { ref command }) => {
            let token = commands::obtain_token(&resolve(&cli, &env)?)?;
            return exec::run(&token, command);
        }
        Some(Command::Inspect { ref token, json }) => {
            let token = match token.as_deref() {
                Some(argument) => inspect::read_input(argument)?,
                None => commands::obtain_token(&resolve(&cli, &env)?)?
                    .access_token
                    .expose()
                    .to_owned(),
            };
            inspect::print(&token, json)
        }
        None => commands::print_token(&resolve(&cli, &env)?, cli.output.format()),
    };
    outcome.map(|()| ExitCode::SUCCESS)
}

/// Resolves the settings and prints their warnings.
fn resolve(cli: &Cli, env: &Environment) -> Result<Settings> {
    let settings = Settings::resolve(&cli.source, env)?;
    for warning in &settings.warnings {
        log::warn(warning);
    }
    Ok(settings)
}

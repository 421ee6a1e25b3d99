//! Resolution and validation of what goes into the token request: the
//! client secret's source, the scope, the token URL and the timeout.

use std::net::IpAddr;
use std::time::Duration;

use super::{
    DEFAULT_SCOPE, DEFAULT_TIMEOUT_SECONDS, ENV_CLIENT_SECRET, ENV_CLIENT_SECRET_FILE, ENV_SCOPE,
    ENV_TIMEOUT, Environment, MAX_TIMEOUT_SECONDS, Origin, ProfileLayer, Setting, first_of,
};
use crate::cli::SourceArgs;
use crate::error::{Error, Result};
use crate::secret::{Secret, SecretSource};

/// A validated token endpoint URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenUrl {
    pub url: String,
    /// Host name or IP address, without IPv6 brackets.
    pub host: String,
    /// Host and optional port as written in the URL, for messages.
    pub authority: String,
}

pub(super) fn resolve_secret(
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
        (None, Some(file)) if file.value.as_os_str().is_empty() => Err(Error::config(format!(
            "{} sets client_secret_file to an empty path",
            file.origin
        ))),
        (None, Some(file)) => Ok(Some(file.map(|p| SecretSource::File(layer.path(&p))))),
        (None, None) => Ok(None),
    }
}

pub(super) fn resolve_scope(
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
pub(super) fn normalize_scope(parts: &[String]) -> Result<String> {
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

    // http::Uri accepts any digits after the colon, but `port_u16` is `None`
    // when they do not fit a u16.
    let port_text = authority
        .as_str()
        .rsplit_once(']')
        .map_or(authority.as_str(), |(_, rest)| rest);
    if port_text.contains(':') && !matches!(authority.port_u16(), Some(1..)) {
        return Err(invalid("the port must be a number from 1 to 65535"));
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
fn is_loopback(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

pub(super) fn resolve_timeout(
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
    let Some(timeout) = parse_timeout(&text.value) else {
        return Err(Error::config(format!(
            "invalid timeout {:?} from {}: expected {TIMEOUT_EXPECTED}",
            text.value, text.origin
        )));
    };
    Ok(Setting::new(timeout, text.origin))
}

/// The accepted timeout values, for error messages.
pub const TIMEOUT_EXPECTED: &str = "seconds greater than 0 and at most 86400";

/// Parses a timeout in seconds, which may have a fraction.
pub fn parse_timeout(text: &str) -> Option<Duration> {
    let seconds = text.trim().parse::<f64>().ok()?;
    let valid = seconds.is_finite() && seconds > 0.0 && seconds <= MAX_TIMEOUT_SECONDS;
    valid.then(|| Duration::from_secs_f64(seconds))
}

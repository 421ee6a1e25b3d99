//! Proxy selection from the environment, read the way curl reads it, and
//! proxy URLs whose credentials never appear in messages.
//!
//! ureq would read proxy variables by itself, with a different precedence
//! and `NO_PROXY` syntax. The agent gets the proxy chosen here instead, or
//! none. Only HTTP CONNECT proxies (`http://` and `https://` proxy URLs) are
//! supported, and loopback hosts are not exempt unless `NO_PROXY` lists
//! them, as in curl.

use std::fmt;
use std::net::IpAddr;

use crate::error::{Error, Result};

/// The variables that name a proxy for `https` URLs, in the order read.
const HTTPS_VARIABLES: [&str; 2] = ["https_proxy", "HTTPS_PROXY"];
/// The variable that names a proxy for `http` URLs. curl does not read the
/// upper-case `HTTP_PROXY`, because CGI servers set it from the `Proxy`
/// request header, which any client can send.
const HTTP_VARIABLES: [&str; 1] = ["http_proxy"];
/// The variables read when no scheme-specific variable is set.
const ALL_VARIABLES: [&str; 2] = ["all_proxy", "ALL_PROXY"];
/// The variables that list hosts which bypass the proxy.
const NO_PROXY_VARIABLES: [&str; 2] = ["no_proxy", "NO_PROXY"];

/// Every proxy variable that [`select`] reads.
pub const VARIABLES: [&str; 7] = [
    "https_proxy",
    "HTTPS_PROXY",
    "http_proxy",
    "all_proxy",
    "ALL_PROXY",
    "no_proxy",
    "NO_PROXY",
];

/// A validated proxy URL. `Debug` and [`ProxyUrl::redacted`] replace any
/// user name and password with `***`.
#[derive(Clone)]
pub struct ProxyUrl {
    proxy: ureq::Proxy,
    redacted: String,
}

impl ProxyUrl {
    /// Parses a proxy URL such as `http://user:password@proxy:3128`. A URL
    /// without a scheme is `http`, as in curl. The error never contains the
    /// credentials.
    pub fn parse(text: &str) -> std::result::Result<ProxyUrl, String> {
        let with_scheme = if text.contains("://") {
            text.to_owned()
        } else {
            format!("http://{text}")
        };
        let uri: ureq::http::Uri = with_scheme
            .parse()
            .map_err(|_| "not a valid URL".to_owned())?;
        let scheme = uri.scheme_str().unwrap_or("http").to_ascii_lowercase();
        let authority = uri.authority().ok_or_else(|| "missing host".to_owned())?;
        let host_and_port = match authority.as_str().rsplit_once('@') {
            Some((_, host_and_port)) => host_and_port,
            None => authority.as_str(),
        };
        let redacted = if authority.as_str().contains('@') {
            format!("{scheme}://***@{host_and_port}")
        } else {
            format!("{scheme}://{host_and_port}")
        };
        match scheme.as_str() {
            "http" | "https" => {}
            "socks" | "socks4" | "socks4a" | "socks5" | "socks5h" => {
                return Err(format!(
                    "{redacted}: SOCKS proxies are not supported, only HTTP proxies that accept CONNECT"
                ));
            }
            _ => return Err(format!("{redacted}: the scheme must be http or https")),
        }
        if authority.host().is_empty() {
            return Err(format!("{redacted}: missing host"));
        }
        let proxy = ureq::Proxy::new(&with_scheme)
            .map_err(|_| format!("{redacted}: not a valid proxy URL"))?;
        Ok(ProxyUrl { proxy, redacted })
    }

    /// Returns the URL with any user name and password replaced by `***`.
    pub fn redacted(&self) -> &str {
        &self.redacted
    }

    /// Returns whether the connection to the proxy itself uses TLS.
    pub fn is_https(&self) -> bool {
        self.proxy.protocol() == ureq::ProxyProtocol::Https
    }

    /// Returns the proxy for the ureq agent, credentials included.
    pub fn to_ureq(&self) -> ureq::Proxy {
        self.proxy.clone()
    }
}

impl fmt::Debug for ProxyUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ProxyUrl({})", self.redacted)
    }
}

/// The outcome of proxy selection for the token URL.
#[derive(Debug, Clone)]
pub enum ProxyChoice {
    /// No proxy variable applies to the token URL's scheme.
    Direct,
    /// A proxy variable is set, but an entry of a `NO_PROXY` variable
    /// matches the token URL's host.
    Bypassed {
        variable: &'static str,
        entry: String,
    },
    /// The request goes through the proxy that `variable` names.
    Proxy {
        url: ProxyUrl,
        variable: &'static str,
    },
}

impl ProxyChoice {
    pub fn proxy_url(&self) -> Option<&ProxyUrl> {
        match self {
            ProxyChoice::Proxy { url, .. } => Some(url),
            _ => None,
        }
    }
}

impl fmt::Display for ProxyChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProxyChoice::Direct => f.write_str("none"),
            ProxyChoice::Bypassed { variable, entry } => {
                write!(f, "none ({variable} entry {entry:?} matches the host)")
            }
            ProxyChoice::Proxy { url, variable } => {
                write!(f, "{} (environment variable {variable})", url.redacted())
            }
        }
    }
}

/// Picks the proxy for a request to `host` over `scheme` (`http` or
/// `https`), reading variables through `get`, which returns `None` for an
/// unset or empty variable.
///
/// The scheme's own variable wins over `all_proxy`, and each lower-case
/// name wins over its upper-case form. A matching `no_proxy` entry turns
/// the proxy off.
pub fn select(
    scheme: &str,
    host: &str,
    get: impl Fn(&'static str) -> Result<Option<String>>,
) -> Result<ProxyChoice> {
    let scheme_variables: &[&'static str] = if scheme.eq_ignore_ascii_case("https") {
        &HTTPS_VARIABLES
    } else {
        &HTTP_VARIABLES
    };
    let mut chosen = None;
    for variable in scheme_variables.iter().chain(&ALL_VARIABLES) {
        if let Some(value) = get(variable)? {
            chosen = Some((*variable, value));
            break;
        }
    }
    let Some((variable, value)) = chosen else {
        return Ok(ProxyChoice::Direct);
    };

    for no_proxy_variable in NO_PROXY_VARIABLES {
        if let Some(list) = get(no_proxy_variable)? {
            if let Some(entry) = no_proxy_match(&list, host) {
                return Ok(ProxyChoice::Bypassed {
                    variable: no_proxy_variable,
                    entry,
                });
            }
            // The lower-case list, when set, replaces the upper-case one.
            break;
        }
    }

    let url = ProxyUrl::parse(&value).map_err(|reason| {
        Error::config(format!(
            "invalid proxy URL in environment variable {variable}: {reason}"
        ))
    })?;
    Ok(ProxyChoice::Proxy { url, variable })
}

/// Returns the first entry of a `NO_PROXY` list that matches `host`, or
/// `None`.
///
/// Entries are separated by commas or white space. `*` alone matches every
/// host. A host name matches an entry equal to it or to one of its parent
/// domains, ignoring letter case, a leading dot on the entry and a trailing
/// dot on either. An IP address matches an equal address or a CIDR range
/// such as `10.0.0.0/8`; IPv6 entries may be written in brackets. Ports in
/// entries are not supported, as in curl.
pub fn no_proxy_match(list: &str, host: &str) -> Option<String> {
    if list.trim() == "*" {
        return Some("*".to_owned());
    }
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let host_ip = host.parse::<IpAddr>().ok();
    let host_name = host.strip_suffix('.').unwrap_or(host);

    list.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|entry| !entry.is_empty())
        .find(|entry| match host_ip {
            Some(ip) => ip_matches(ip, entry),
            None => name_matches(host_name, entry),
        })
        .map(str::to_owned)
}

fn name_matches(host: &str, entry: &str) -> bool {
    let entry = entry.strip_suffix('.').unwrap_or(entry);
    let entry = entry.strip_prefix('.').unwrap_or(entry);
    if entry.is_empty() || entry.len() > host.len() {
        return false;
    }
    // Bytes, not characters, so that a non-ASCII entry cannot split a
    // character of the host.
    let start = host.len() - entry.len();
    let host = host.as_bytes();
    host[start..].eq_ignore_ascii_case(entry.as_bytes()) && (start == 0 || host[start - 1] == b'.')
}

fn ip_matches(host: IpAddr, entry: &str) -> bool {
    let (address, prefix) = match entry.split_once('/') {
        Some((address, bits)) => match bits.parse::<u32>() {
            Ok(bits) => (address, Some(bits)),
            Err(_) => return false,
        },
        None => (entry, None),
    };
    let address = address.trim_start_matches('[').trim_end_matches(']');
    let Ok(network) = address.parse::<IpAddr>() else {
        return false;
    };
    match (host, network) {
        (IpAddr::V4(host), IpAddr::V4(network)) => {
            prefix_matches(host.to_bits().into(), network.to_bits().into(), 32, prefix)
        }
        (IpAddr::V6(host), IpAddr::V6(network)) => {
            prefix_matches(host.to_bits(), network.to_bits(), 128, prefix)
        }
        _ => false,
    }
}

/// Compares the first `prefix` bits of two addresses of `width` bits, or
/// all bits when `prefix` is `None`.
fn prefix_matches(host: u128, network: u128, width: u32, prefix: Option<u32>) -> bool {
    let bits = prefix.unwrap_or(width);
    if bits > width {
        return false;
    }
    if bits == 0 {
        return true;
    }
    let shift = width - bits;
    (host >> shift) == (network >> shift)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn choose(scheme: &str, host: &str, pairs: &[(&'static str, &str)]) -> Result<ProxyChoice> {
        let variables: HashMap<&str, String> = pairs
            .iter()
            .map(|(name, value)| (*name, (*value).to_owned()))
            .collect();
        select(scheme, host, |name| Ok(variables.get(name).cloned()))
    }

    fn chosen_variable(choice: &ProxyChoice) -> Option<&'static str> {
        match choice {
            ProxyChoice::Proxy { variable, .. } => Some(variable),
            _ => None,
        }
    }

    #[test]
    fn scheme_variable_beats_all_proxy() {
        let choice = choose(
            "https",
            "account.ezeep.com",
            &[
                ("ALL_PROXY", "http://all:1"),
                ("HTTPS_PROXY", "http://upper:2"),
            ],
        )
        .unwrap();
        assert_eq!(chosen_variable(&choice), Some("HTTPS_PROXY"));
        assert_eq!(choice.proxy_url().unwrap().redacted(), "http://upper:2");
    }

    #[test]
    fn lower_case_beats_upper_case() {
        let choice = choose(
            "https",
            "h",
            &[("HTTPS_PROXY", "http://a:1"), ("https_proxy", "http://b:2")],
        )
        .unwrap();
        assert_eq!(chosen_variable(&choice), Some("https_proxy"));
        let choice = choose(
            "https",
            "h",
            &[("ALL_PROXY", "http://a:1"), ("all_proxy", "http://b:2")],
        )
        .unwrap();
        assert_eq!(chosen_variable(&choice), Some("all_proxy"));
    }

    #[test]
    fn http_ignores_upper_case_http_proxy() {
        let choice = choose("http", "127.0.0.1", &[("HTTP_PROXY", "http://a:1")]).unwrap();
        assert!(matches!(choice, ProxyChoice::Direct));
        let choice = choose("http", "127.0.0.1", &[("http_proxy", "http://a:1")]).unwrap();
        assert_eq!(chosen_variable(&choice), Some("http_proxy"));
        let choice = choose("https", "h", &[("http_proxy", "http://a:1")]).unwrap();
        assert!(matches!(choice, ProxyChoice::Direct));
    }

    #[test]
    fn no_proxy_bypasses() {
        let choice = choose(
            "https",
            "account.ezeep.com",
            &[
                ("HTTPS_PROXY", "http://p:1"),
                ("NO_PROXY", "localhost, .ezeep.com"),
            ],
        )
        .unwrap();
        let ProxyChoice::Bypassed { variable, entry } = choice else {
            panic!("expected a bypass, got {choice:?}");
        };
        assert_eq!(variable, "NO_PROXY");
        assert_eq!(entry, ".ezeep.com");
    }

    #[test]
    fn lower_no_proxy_replaces_upper() {
        let choice = choose(
            "https",
            "h.example",
            &[
                ("HTTPS_PROXY", "http://p:1"),
                ("no_proxy", "other.example"),
                ("NO_PROXY", "h.example"),
            ],
        )
        .unwrap();
        assert_eq!(chosen_variable(&choice), Some("HTTPS_PROXY"));
    }

    #[test]
    fn no_proxy_names() {
        let cases = [
            ("example.com", "example.com", true),
            ("example.com", "www.example.com", true),
            (".example.com", "example.com", true),
            ("example.com", "notexample.com", false),
            ("EXAMPLE.com.", "www.example.COM.", true),
            ("www.example.com", "example.com", false),
            ("localhost", "127.0.0.1", false),
            ("a, b ,, c", "c", true),
            ("a b\tc", "b", true),
            ("*", "anything", true),
            ("*.example.com", "www.example.com", false),
            ("example.com:443", "example.com", false),
            ("", "example.com", false),
        ];
        for (list, host, expected) in cases {
            assert_eq!(
                no_proxy_match(list, host).is_some(),
                expected,
                "list {list:?}, host {host:?}"
            );
        }
    }

    #[test]
    fn no_proxy_addresses() {
        let cases = [
            ("127.0.0.1", "127.0.0.1", true),
            ("127.0.0.0/8", "127.1.2.3", true),
            ("10.0.0.0/8", "127.0.0.1", false),
            ("0.0.0.0/0", "192.0.2.1", true),
            ("127.0.0.1/33", "127.0.0.1", false),
            ("127.0.0.1/x", "127.0.0.1", false),
            ("::1", "::1", true),
            ("[::1]", "[::1]", true),
            ("fd00::/8", "fd12::1", true),
            ("fd00::/8", "fe80::1", false),
            ("127.0.0.1", "::1", false),
        ];
        for (list, host, expected) in cases {
            assert_eq!(
                no_proxy_match(list, host).is_some(),
                expected,
                "list {list:?}, host {host:?}"
            );
        }
    }

    #[test]
    fn credentials_are_redacted() {
        let url = ProxyUrl::parse("http://user:pa%40ss@proxy.example:3128").unwrap();
        assert_eq!(url.redacted(), "http://***@proxy.example:3128");
        assert_eq!(
            format!("{url:?}"),
            "ProxyUrl(http://***@proxy.example:3128)"
        );
        assert_eq!(url.to_ureq().password(), Some("pa@ss"));
        let choice = ProxyChoice::Proxy {
            url,
            variable: "HTTPS_PROXY",
        };
        assert!(!choice.to_string().contains("pa"), "{choice}");
    }

    #[test]
    fn scheme_defaults_to_http() {
        let url = ProxyUrl::parse("proxy.example:3128").unwrap();
        assert_eq!(url.redacted(), "http://proxy.example:3128");
        assert!(!url.is_https());
        assert!(ProxyUrl::parse("https://proxy.example").unwrap().is_https());
    }

    #[test]
    fn unsupported_proxies_rejected() {
        assert_eq!(
            ProxyUrl::parse("socks5://u:secret@127.0.0.1:1080").unwrap_err(),
            "socks5://***@127.0.0.1:1080: SOCKS proxies are not supported, only HTTP proxies that accept CONNECT"
        );
        assert_eq!(
            ProxyUrl::parse("ftp://proxy").unwrap_err(),
            "ftp://proxy: the scheme must be http or https"
        );
        let error = choose("https", "h", &[("HTTPS_PROXY", "http://u:secret@")]).unwrap_err();
        assert!(!error.message().contains("secret"), "{}", error.message());
    }

    proptest::proptest! {
        #[test]
        fn matching_never_panics(list in ".{0,60}", host in ".{0,30}") {
            let _ = no_proxy_match(&list, &host);
            let _ = ProxyUrl::parse(&host);
        }
    }
}

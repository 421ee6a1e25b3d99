//! Host resolution for the agent: an IP address in the URL is used as it
//! is, and a host name goes to ureq's default resolver.
//!
//! With a global timeout set, ureq 3.5's default resolver looks up every
//! host on a new thread, so that it can stop waiting when the timeout runs
//! out. An IP address needs no lookup, so the thread and its stack are
//! skipped for it. Host names keep the default resolver and its timeout.

use std::net::{IpAddr, SocketAddr};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// A resolver that returns IP addresses without a lookup and passes host
/// names to [`DefaultResolver`].
///
/// NOTE: ureq marks its `Resolver` trait as outside its semver promises,
/// so a ureq update may need changes here.
#[derive(Debug, Default)]
pub struct IpLiteralResolver {
    default: DefaultResolver,
}

impl Resolver for IpLiteralResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let family = config.ip_family();
        let wanted = ip_literal(uri).filter(|address| {
            let mut kept = family.keep_wanted(std::iter::once(*address));
            kept.next().is_some()
        });
        match wanted {
            Some(address) => {
                let mut addresses = self.empty();
                addresses.push(address);
                Ok(addresses)
            }
            // A host name, an address of the family that the config
            // excludes, or a URL that ureq rejects with its own error.
            None => self.default.resolve(uri, config, timeout),
        }
    }
}

/// Returns the socket address of a URL whose host is an IPv4 or IPv6
/// address, with the port from the URL or else 80 for `http` and 443 for
/// `https`. Returns `None` for a host name or any other scheme.
fn ip_literal(uri: &Uri) -> Option<SocketAddr> {
    let authority = uri.authority()?;
    let host = authority.host();
    // `Authority::host` keeps the brackets of an IPv6 address.
    let bare = host
        .strip_prefix('[')
        .and_then(|inner| inner.strip_suffix(']'))
        .unwrap_or(host);
    let ip: IpAddr = bare.parse().ok()?;
    let port = match (authority.port_u16(), uri.scheme_str()) {
        (Some(port), _) => port,
        (None, Some("http")) => 80,
        (None, Some("https")) => 443,
        (None, _) => return None,
    };
    Some(SocketAddr::new(ip, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literal(uri: &str) -> Option<SocketAddr> {
        ip_literal(&uri.parse::<Uri>().unwrap())
    }

    #[test]
    fn ip_literals_parse_without_lookup() {
        assert_eq!(
            literal("http://127.0.0.1:8080/oauth/access_token/"),
            Some("127.0.0.1:8080".parse().unwrap())
        );
        assert_eq!(
            literal("https://127.0.0.1/x"),
            Some("127.0.0.1:443".parse().unwrap())
        );
        assert_eq!(literal("http://[::1]/x"), Some("[::1]:80".parse().unwrap()));
        assert_eq!(
            literal("https://[::1]:8443/x"),
            Some("[::1]:8443".parse().unwrap())
        );
    }

    #[test]
    fn host_names_go_to_default_resolver() {
        assert_eq!(
            literal("https://account.ezeep.com/oauth/access_token/"),
            None
        );
        assert_eq!(literal("http://localhost:8080/"), None);
        // A dotted host that is not a valid IPv4 address is a name.
        assert_eq!(literal("http://127.0.0.256/"), None);
        assert_eq!(literal("socks5://127.0.0.1/"), None);
    }

    #[test]
    fn resolver_returns_literal_and_rejects_wrong_family() {
        let resolver = IpLiteralResolver::default();
        let uri: Uri = "http://127.0.0.1:9/".parse().unwrap();
        let timeout = NextTimeout::default();
        let addresses = resolver.resolve(&uri, &Config::default(), timeout).unwrap();
        assert_eq!(addresses.len(), 1);
        assert_eq!(addresses[0], "127.0.0.1:9".parse().unwrap());

        let ipv6_only = Config::builder()
            .ip_family(ureq::config::IpFamily::Ipv6Only)
            .build();
        let error = resolver.resolve(&uri, &ipv6_only, timeout).unwrap_err();
        assert!(matches!(error, ureq::Error::HostNotFound), "{error:?}");
    }
}

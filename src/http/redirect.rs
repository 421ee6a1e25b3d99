//! Redirect handling: which redirects are followed, and the errors for the
//! others.
//!
//! Only 307 and 308 keep the method and body of a POST, so only they are
//! followed, and only to the same origin (scheme, host and port), so that
//! the credentials never reach another host. 301, 302 and 303 would turn
//! the POST into a GET and are errors, like any redirect to another origin.

use crate::error::Error;

/// Maximum number of redirects followed within one attempt.
pub const MAX_REDIRECTS: u32 = 3;

/// Returns whether a redirect with `status` may be followed by repeating
/// the same POST.
pub fn keeps_method(status: u16) -> bool {
    matches!(status, 307 | 308)
}

/// Resolves a `Location` value against the request URL (RFC 3986 section
/// 5.2) and drops any fragment.
pub fn resolve_location(base: &str, location: &str) -> String {
    let location = location.split('#').next().unwrap_or_default();
    let (scheme, rest) = base.split_once("://").unwrap_or(("", base));
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let path_and_query = &rest[authority_end..];
    let base_path = path_and_query.split('?').next().unwrap_or_default();

    if has_scheme(location) {
        return location.to_owned();
    }
    if let Some(network_path) = location.strip_prefix("//") {
        return format!("{scheme}://{network_path}");
    }
    if location.is_empty() {
        return format!("{scheme}://{authority}{path_and_query}");
    }
    if location.starts_with('?') {
        return format!("{scheme}://{authority}{base_path}{location}");
    }
    let (path, query) = match location.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (location, None),
    };
    let merged = if path.starts_with('/') {
        path.to_owned()
    } else {
        let directory = &base_path[..base_path.rfind('/').map_or(0, |index| index + 1)];
        let directory = if directory.is_empty() { "/" } else { directory };
        format!("{directory}{path}")
    };
    let mut resolved = format!("{scheme}://{authority}{}", remove_dot_segments(&merged));
    if let Some(query) = query {
        resolved.push('?');
        resolved.push_str(query);
    }
    resolved
}

fn has_scheme(reference: &str) -> bool {
    let Some((scheme, _)) = reference.split_once(':') else {
        return false;
    };
    let mut characters = scheme.chars();
    characters
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic())
        && characters.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Removes `.` and `..` segments from an absolute path (RFC 3986 section
/// 5.2.4).
fn remove_dot_segments(path: &str) -> String {
    let mut output: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (index, segment) in segments.iter().enumerate() {
        let is_last = index + 1 == segments.len();
        match *segment {
            "." => {
                if is_last {
                    output.push("");
                }
            }
            ".." => {
                output.pop();
                if is_last {
                    output.push("");
                }
            }
            other => output.push(other),
        }
    }
    format!("/{}", output.join("/"))
}

/// The scheme, host and port of a URL, normalised for comparison.
#[derive(Debug, PartialEq, Eq)]
struct Origin {
    scheme: String,
    host: String,
    port: u16,
}

fn origin(url: &str) -> Option<Origin> {
    let uri: ureq::http::Uri = url.parse().ok()?;
    let scheme = uri.scheme_str()?.to_ascii_lowercase();
    let authority = uri.authority()?;
    if authority.as_str().contains('@') {
        return None;
    }
    let default_port = match scheme.as_str() {
        "https" => 443,
        "http" => 80,
        _ => return None,
    };
    let host = authority.host().to_ascii_lowercase();
    let host = host.strip_suffix('.').unwrap_or(&host).to_owned();
    Some(Origin {
        scheme,
        host,
        port: authority.port_u16().unwrap_or(default_port),
    })
}

/// Returns whether two URLs have the same scheme, host and port. A URL that
/// cannot be parsed, or that contains user information, has no origin and
/// matches nothing.
pub fn same_origin(first: &str, second: &str) -> bool {
    match (origin(first), origin(second)) {
        (Some(first), Some(second)) => first == second,
        _ => false,
    }
}

/// Returns the error for a redirect that is not followed. `location` is the
/// raw header value.
pub fn redirect_error(url: &str, status: u16, location: Option<&str>) -> Error {
    let Some(location) = location else {
        return Error::protocol(format!(
            "token endpoint {url} replied HTTP {status} (a redirect) without a Location header"
        ));
    };
    let target = resolve_location(url, location);
    let reason = if !keeps_method(status) {
        format!("HTTP {status} would turn the POST into a GET, so it is not followed")
    } else {
        "redirects to another origin are not followed".to_owned()
    };
    let error = Error::protocol(format!(
        "token endpoint {url} replied HTTP {status} redirecting to {location}; {reason}"
    ));
    let without_query = url.split(['?', '#']).next().unwrap_or(url);
    if target == format!("{without_query}/") {
        error.with_hint(format!(
            "the token URL needs a trailing slash: use --token-url {target}"
        ))
    } else if same_origin(url, &target) {
        error.with_hint(format!(
            "if {target} is the token endpoint, set it as the token URL"
        ))
    } else {
        error.with_hint(format!(
            "if you trust {target}, set it as the token URL; the client secret is never sent to a redirect target on another origin"
        ))
    }
}

/// Returns the error for a redirect beyond [`MAX_REDIRECTS`].
pub fn too_many_redirects(url: &str, status: u16, location: &str) -> Error {
    Error::protocol(format!(
        "token endpoint {url} replied HTTP {status} redirecting to {location} after {MAX_REDIRECTS} redirects; giving up, the redirects may loop"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Category;

    #[test]
    fn location_resolution() {
        let url = "http://127.0.0.1:8080/oauth/access_token";
        let cases = [
            (
                "/oauth/access_token/",
                "http://127.0.0.1:8080/oauth/access_token/",
            ),
            ("https://other.example/x", "https://other.example/x"),
            ("//other.example/x", "http://other.example/x"),
            ("token/", "http://127.0.0.1:8080/oauth/token/"),
            ("../v2/token", "http://127.0.0.1:8080/v2/token"),
            ("./a/./b/../c", "http://127.0.0.1:8080/oauth/a/c"),
            ("?x=1", "http://127.0.0.1:8080/oauth/access_token?x=1"),
            ("/a#frag", "http://127.0.0.1:8080/a"),
            ("", "http://127.0.0.1:8080/oauth/access_token"),
        ];
        for (location, expected) in cases {
            assert_eq!(resolve_location(url, location), expected, "{location}");
        }
        assert_eq!(resolve_location("http://h", "/x"), "http://h/x");
        assert_eq!(resolve_location("http://h", "x"), "http://h/x");
        assert_eq!(
            resolve_location("http://h/a?q=1", "b?r=2"),
            "http://h/b?r=2"
        );
    }

    #[test]
    fn origins_compared() {
        let url = "https://account.ezeep.com/oauth/access_token/";
        assert!(same_origin(url, "https://ACCOUNT.ezeep.com:443/other"));
        assert!(same_origin(url, "https://account.ezeep.com./x"));
        assert!(!same_origin(url, "http://account.ezeep.com/x"));
        assert!(!same_origin(url, "https://account.ezeep.com:8443/x"));
        assert!(!same_origin(url, "https://evil.example/x"));
        assert!(!same_origin(
            url,
            "https://account.ezeep.com@evil.example/x"
        ));
        assert!(!same_origin(url, "not a url"));
        assert!(same_origin("http://127.0.0.1:80/a", "http://127.0.0.1/b"));
        assert!(same_origin("http://[::1]:9/a", "http://[::1]:9/b"));
    }

    #[test]
    fn redirect_suggests_trailing_slash() {
        let error = redirect_error(
            "http://127.0.0.1:1/oauth/access_token",
            301,
            Some("/oauth/access_token/"),
        );
        assert_eq!(error.category(), Category::Protocol);
        assert_eq!(
            error.message(),
            "token endpoint http://127.0.0.1:1/oauth/access_token replied HTTP 301 redirecting to /oauth/access_token/; HTTP 301 would turn the POST into a GET, so it is not followed"
        );
        assert_eq!(
            error.hint(),
            Some(
                "the token URL needs a trailing slash: use --token-url http://127.0.0.1:1/oauth/access_token/"
            )
        );
    }

    #[test]
    fn cross_origin_redirect_named() {
        let error = redirect_error("http://127.0.0.1:1/t/", 308, Some("http://127.0.0.1:2/t/"));
        assert_eq!(
            error.message(),
            "token endpoint http://127.0.0.1:1/t/ replied HTTP 308 redirecting to http://127.0.0.1:2/t/; redirects to another origin are not followed"
        );
        let missing = redirect_error("http://127.0.0.1:1/t/", 307, None);
        assert!(missing.message().ends_with("without a Location header"));
    }

    proptest::proptest! {
        #[test]
        fn resolution_never_panics(base in ".{0,40}", location in ".{0,40}") {
            let resolved = resolve_location(&base, &location);
            let _ = same_origin(&base, &resolved);
        }

        #[test]
        fn relative_locations_keep_origin(location in "[a-z0-9/._?=-]{0,30}") {
            let base = "https://account.ezeep.com/oauth/access_token/";
            let resolved = resolve_location(base, &location);
            if !location.starts_with("//") {
                proptest::prop_assert!(same_origin(base, &resolved), "{} -> {}", location, resolved);
            }
        }
    }
}

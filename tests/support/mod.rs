//! Test harness for the `ezeep-token` integration tests. It has a scripted
//! loopback HTTP/1.1 server and a sandbox with a scrubbed environment for
//! running the built binary. For network tests it adds test certificates
//! with a TLS front for the server, and a CONNECT proxy. Helpers encode
//! HTTP Basic credentials, JWTs and HTTP dates.
//!
//! Integration test files include it with `mod support;`. Each file uses only
//! part of it, so dead-code and unused-import warnings are off for the whole
//! module. The harness is Unix-only because it sets file modes.
#![allow(dead_code, unused_imports)]

mod proxy;
mod run;
mod sandbox;
mod server;
mod tls;

pub use proxy::{ConnectProxy, ProxyRequest};
pub use run::Run;
pub use sandbox::Sandbox;
pub use server::{Recorded, Reply, Server};
pub use tls::{TestCa, TlsFront};

/// Standard base64 alphabet from RFC 4648, section 4.
const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Builds an `Authorization` header value: `"Basic "` followed by the
/// standard, padded base64 encoding of `id_and_secret` (usually `"id:secret"`).
pub fn basic(id_and_secret: &str) -> String {
    format!("Basic {}", encode_base64(id_and_secret.as_bytes()))
}

/// Encodes `input` in the unpadded base64url form that JWTs use (RFC 7515,
/// section 2).
pub fn base64url(input: &[u8]) -> String {
    encode_base64(input)
        .trim_end_matches('=')
        .replace('+', "-")
        .replace('/', "_")
}

/// Builds an unsigned-looking JWT from JSON texts: the base64url header,
/// claims and a fixed fake signature, joined by dots.
pub fn jwt(header: &str, claims: &str) -> String {
    format!(
        "{}.{}.{}",
        base64url(header.as_bytes()),
        base64url(claims.as_bytes()),
        base64url(b"not a real signature")
    )
}

fn encode_base64(input: &[u8]) -> String {
    let mut encoded = String::with_capacity(input.len().div_ceil(3) * 4);

    for chunk in input.chunks(3) {
        let first = u32::from(chunk[0]);
        let second = chunk.get(1).copied().map_or(0, u32::from);
        let third = chunk.get(2).copied().map_or(0, u32::from);
        let group = (first << 16) | (second << 8) | third;

        // Each 24-bit group becomes four 6-bit indexes. A short final chunk
        // yields only its significant indexes, and `=` pads the rest.
        let sextet = |shift: u32| char::from(BASE64_ALPHABET[((group >> shift) & 0x3f) as usize]);
        encoded.push(sextet(18));
        encoded.push(sextet(12));
        encoded.push(if chunk.len() > 1 { sextet(6) } else { '=' });
        encoded.push(if chunk.len() > 2 { sextet(0) } else { '=' });
    }

    encoded
}

/// Formats Unix seconds as an HTTP date (RFC 9110, section 5.6.7).
pub fn http_date(seconds: u64) -> String {
    const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = seconds / 86_400;
    let time = seconds % 86_400;

    // Civil date from days since 1970-01-01, counting 400-year eras of
    // 146097 days from 0000-03-01.
    let shifted = days + 719_468;
    let era = shifted / 146_097;
    let day_of_era = shifted % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);

    format!(
        "{}, {day:02} {} {year} {:02}:{:02}:{:02} GMT",
        WEEKDAYS[(days % 7) as usize],
        MONTHS[(month - 1) as usize],
        time / 3600,
        time % 3600 / 60,
        time % 60
    )
}

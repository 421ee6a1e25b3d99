//! Test harness for the `ezeep-token` integration tests: a scripted loopback
//! HTTP/1.1 server, a sandbox with a scrubbed environment for running the
//! built binary, base64 helpers for HTTP Basic credentials and JWTs, test
//! certificates with a TLS front for the server, and a CONNECT proxy.
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

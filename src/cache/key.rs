//! The cache key: a SHA-256 digest over everything that decides which token
//! the server issues and whether it accepts the credentials.
//!
//! The client secret is part of the key, so a rotated or wrong secret never
//! receives a token cached for another one. The digest is one-way, so a
//! file name reveals neither the secret nor the client id.

use sha2::{Digest, Sha256};

use crate::secret::Secret;

/// Tag hashed before the fields. A change of the key or entry format changes
/// the tag, so that new versions use new file names instead of misreading
/// old entries.
const FORMAT_TAG: &[u8] = b"ezeep-token cache v1";

/// Length of a key in hexadecimal digits.
pub const KEY_LENGTH: usize = 64;

/// A cache key: 64 lowercase hexadecimal digits, used as the entry's file
/// name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CacheKey(String);

impl CacheKey {
    /// Derives the key from the token URL, the client id, the normalised
    /// scope and the client secret.
    ///
    /// Each field is hashed after its length as 8 big-endian bytes, so that
    /// no two different field lists hash the same bytes, as "ab" + "c" and
    /// "a" + "bc" would without the lengths.
    pub fn derive(
        token_url: &str,
        client_id: &str,
        scope: &str,
        client_secret: &Secret,
    ) -> CacheKey {
        // A scope is a set (RFC 6749 section 3.3), so `a b` and `b a` share
        // an entry.
        let mut scopes: Vec<&str> = scope.split(' ').collect();
        scopes.sort_unstable();
        scopes.dedup();
        let scope = scopes.join(" ");

        let mut hasher = Sha256::new();
        let fields = [
            FORMAT_TAG,
            token_url.as_bytes(),
            client_id.as_bytes(),
            scope.as_bytes(),
            client_secret.expose().as_bytes(),
        ];
        for field in fields {
            hasher.update((field.len() as u64).to_be_bytes());
            hasher.update(field);
        }
        let digest = hasher.finalize();
        CacheKey(digest.iter().map(|byte| format!("{byte:02x}")).collect())
    }

    /// Parses a file name that is a key, as written by [`CacheKey::derive`].
    pub fn parse(name: &str) -> Option<CacheKey> {
        let valid = name.len() == KEY_LENGTH
            && name
                .bytes()
                .all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte));
        valid.then(|| CacheKey(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(url: &str, id: &str, scope: &str, secret: &str) -> CacheKey {
        CacheKey::derive(url, id, scope, &Secret::new(secret))
    }

    #[test]
    fn key_is_stable_hex() {
        let first = key("https://h/t/", "id", "printing", "secret");
        let second = key("https://h/t/", "id", "printing", "secret");
        assert_eq!(first, second);
        assert_eq!(first.as_str().len(), KEY_LENGTH);
        assert_eq!(CacheKey::parse(first.as_str()), Some(first));
    }

    #[test]
    fn every_field_changes_key() {
        let base = key("https://h/t/", "id", "printing", "secret");
        assert_ne!(base, key("https://h/u/", "id", "printing", "secret"));
        assert_ne!(base, key("https://h/t/", "id2", "printing", "secret"));
        assert_ne!(base, key("https://h/t/", "id", "printing user", "secret"));
        assert_ne!(base, key("https://h/t/", "id", "printing", "secret2"));
    }

    #[test]
    fn scope_order_shares_key() {
        let forward = key("https://h/t/", "id", "printing user", "secret");
        assert_eq!(
            forward,
            key("https://h/t/", "id", "user printing", "secret")
        );
        assert_eq!(
            forward,
            key("https://h/t/", "id", "user printing user", "secret")
        );
    }

    #[test]
    fn field_boundaries_do_not_collide() {
        assert_ne!(key("u", "ab", "c", "s"), key("u", "a", "bc", "s"));
        assert_ne!(key("u", "i", "sc", ""), key("u", "i", "s", "c"));
    }

    #[test]
    fn key_hides_credentials() {
        let derived = key("https://h/t/", "client-id", "printing", "s3cr3t");
        assert!(!derived.as_str().contains("client"));
        assert!(!derived.as_str().contains("s3cr3t"));
    }

    #[test]
    fn parse_rejects_other_names() {
        assert_eq!(CacheKey::parse("abc"), None);
        assert_eq!(CacheKey::parse(&"A".repeat(KEY_LENGTH)), None);
        assert_eq!(CacheKey::parse(&format!("{}.lock", "a".repeat(60))), None);
        assert!(CacheKey::parse(&"0f".repeat(32)).is_some());
    }
}

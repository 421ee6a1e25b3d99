//! Loading of certificate directories such as `/etc/ssl/certs`: every
//! certificate in every PEM file, each file read once however many names
//! link to it.
//!
//! rustls-native-certs 0.8 loads directories the same way, but it decodes
//! base64 with rustls-pki-types' constant-time decoder, which is meant for
//! private keys. Debian 12's directory contains its 145 roots both as
//! single files and as one bundle, and decoding them took 11.5 million of
//! the 22.4 million instructions of a whole HTTPS fetch (callgrind, see
//! BENCHMARKS.md). Root certificates are public, so this module decodes
//! them with the `base64` crate. A file with anything that its parser does
//! not expect is parsed again with rustls-pki-types, so such a file yields
//! the certificates and PEM errors that rustls-pki-types finds.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

/// The certificates of some directories, and a description of each file or
/// directory that could not be read.
#[derive(Debug, Default)]
pub struct Loaded {
    pub certs: Vec<CertificateDer<'static>>,
    pub problems: Vec<String>,
}

/// Loads the certificates of every regular file in `directories`, following
/// symbolic links and skipping dangling ones. A file reached through several
/// names or directories is read once.
pub fn load(directories: &[&Path]) -> Loaded {
    let mut loaded = Loaded::default();
    let mut seen = HashSet::new();
    for directory in directories {
        load_directory(directory, &mut seen, &mut loaded);
    }
    loaded
}

fn load_directory(directory: &Path, seen: &mut HashSet<FileId>, loaded: &mut Loaded) {
    let entries = match fs::read_dir(directory) {
        Ok(entries) => entries,
        Err(error) => {
            loaded.problems.push(format!(
                "opening directory: {error} at '{}'",
                directory.display()
            ));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                loaded.problems.push(format!(
                    "reading directory entries: {error} at '{}'",
                    directory.display()
                ));
                continue;
            }
        };
        let path = entry.path();
        let metadata = match fs::metadata(&path) {
            Ok(metadata) => metadata,
            // A dangling symbolic link.
            Err(error) if error.kind() == io::ErrorKind::NotFound => continue,
            Err(error) => {
                loaded.problems.push(format!(
                    "failed to open file: {error} at '{}'",
                    path.display()
                ));
                continue;
            }
        };
        if metadata.is_file() && seen.insert(file_id(&metadata)) {
            load_file(&path, loaded);
        }
    }
}

fn load_file(path: &Path, loaded: &mut Loaded) {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            loaded.problems.push(format!(
                "failed to read PEM from file: {error} at '{}'",
                path.display()
            ));
            return;
        }
    };
    if let Some(certs) = decode_certificates(&bytes) {
        loaded.certs.extend(certs);
        return;
    }
    for item in CertificateDer::pem_slice_iter(&bytes) {
        match item {
            Ok(cert) => loaded.certs.push(cert),
            Err(error) => loaded.problems.push(format!(
                "failed to read PEM from file {}: {error}",
                path.display()
            )),
        }
    }
}

/// Device and inode number, which identify a file whatever its name.
type FileId = (u64, u64);

fn file_id(metadata: &fs::Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    (metadata.dev(), metadata.ino())
}

const BEGIN: &[u8] = b"-----BEGIN CERTIFICATE-----";
const END: &[u8] = b"-----END CERTIFICATE-----";

/// Decodes the `CERTIFICATE` sections of a PEM file and ignores the text
/// between sections, as rustls-pki-types does. Returns `None` for a file
/// that rustls-pki-types should parse instead: one with another kind of
/// section, a marker line with extra characters, a section without its end
/// line, or base64 that the strict decoder rejects.
fn decode_certificates(bytes: &[u8]) -> Option<Vec<CertificateDer<'static>>> {
    let mut certs = Vec::new();
    let mut base64: Option<Vec<u8>> = None;
    for line in lines(bytes) {
        let line = line.trim_ascii_end();
        match &mut base64 {
            None if line == BEGIN => base64 = Some(Vec::with_capacity(2048)),
            None if line.starts_with(b"-----BEGIN ") => return None,
            None => {}
            Some(text) if line == END => {
                let der = STANDARD.decode(&*text).ok()?;
                certs.push(CertificateDer::from(der));
                base64 = None;
            }
            Some(_) if line.starts_with(b"-----") => return None,
            // Whitespace inside a line makes the decoder fail, and the file
            // then falls back to rustls-pki-types.
            Some(text) => text.extend_from_slice(line.trim_ascii()),
        }
    }
    base64.is_none().then_some(certs)
}

/// Splits `bytes` at each `\n` like `slice::split`, but finds the line ends
/// with memchr, which takes a fraction of the instructions on a bundle.
fn lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    ends.map(move |end| {
        let line = &bytes[start..end];
        start = end + 1;
        line
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Returns `der` as a PEM `CERTIFICATE` section with 64-character lines
    /// that end in `line_ending`.
    fn pem(der: &[u8], line_ending: &str) -> String {
        let encoded = STANDARD.encode(der);
        let mut text = format!("-----BEGIN CERTIFICATE-----{line_ending}");
        for chunk in encoded.as_bytes().chunks(64) {
            text.push_str(std::str::from_utf8(chunk).unwrap());
            text.push_str(line_ending);
        }
        text.push_str(&format!("-----END CERTIFICATE-----{line_ending}"));
        text
    }

    fn roots() -> Vec<CertificateDer<'static>> {
        webpki_root_certs::TLS_SERVER_ROOT_CERTS[..3].to_vec()
    }

    /// Parses `bytes` with rustls-pki-types, as rustls-native-certs does.
    fn reference(bytes: &[u8]) -> Vec<Result<CertificateDer<'static>, String>> {
        CertificateDer::pem_slice_iter(bytes)
            .map(|item| item.map_err(|error| error.to_string()))
            .collect()
    }

    #[test]
    fn bundle_decodes_like_pki_types() {
        let mut bundle = String::from("# a comment before the first section\n");
        for (index, root) in roots().iter().enumerate() {
            let line_ending = if index % 2 == 0 { "\n" } else { "\r\n" };
            bundle.push_str(&pem(root, line_ending));
            bundle.push_str("text between sections\n\n");
        }

        let fast = decode_certificates(bundle.as_bytes()).expect("fast path");

        assert_eq!(fast, roots());
        let expected: Vec<_> = roots().into_iter().map(Ok).collect();
        assert_eq!(reference(bundle.as_bytes()), expected);
    }

    #[test]
    fn unusual_files_fall_back() {
        let root = &roots()[0];
        let certificate = pem(root, "\n");
        let other_section = format!(
            "{certificate}-----BEGIN TRUSTED CERTIFICATE-----\nAAAA\n-----END TRUSTED CERTIFICATE-----\n"
        );
        let missing_end = certificate.replace("-----END CERTIFICATE-----\n", "");
        let bad_base64 = certificate.replacen("\nMII", "\n!II", 1);
        let marker_suffix = certificate.replace(
            "-----BEGIN CERTIFICATE-----",
            "-----BEGIN CERTIFICATE----- trailing",
        );
        for file in [other_section, missing_end, bad_base64, marker_suffix] {
            assert_eq!(decode_certificates(file.as_bytes()), None, "{file}");
        }
    }

    #[test]
    fn lines_split_like_slice_split() {
        for text in [&b""[..], b"\n", b"a", b"a\n", b"a\r\nb\n\nc"] {
            let expected: Vec<&[u8]> = text.split(|&byte| byte == b'\n').collect();
            assert_eq!(lines(text).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn empty_file_has_no_certificates() {
        assert_eq!(decode_certificates(b""), Some(Vec::new()));
        assert_eq!(decode_certificates(b"no PEM here\n"), Some(Vec::new()));
    }

    #[test]
    fn linked_files_load_once() {
        let directory = tempfile::tempdir().unwrap();
        let roots = roots();
        let bundle: String = roots.iter().map(|root| pem(root, "\n")).collect();
        fs::write(directory.path().join("bundle.crt"), bundle).unwrap();
        fs::write(directory.path().join("first.pem"), pem(&roots[0], "\n")).unwrap();
        std::os::unix::fs::symlink("first.pem", directory.path().join("aabbccdd.0")).unwrap();
        std::os::unix::fs::symlink("missing.pem", directory.path().join("dangling.0")).unwrap();
        fs::create_dir(directory.path().join("subdirectory")).unwrap();

        let loaded = load(&[directory.path(), directory.path()]);

        assert_eq!(loaded.problems, Vec::<String>::new());
        // The bundle's three roots, and the first root from first.pem once.
        assert_eq!(loaded.certs.len(), 4);
        let mut unique = loaded.certs.clone();
        unique.sort_unstable_by(|a, b| a.as_ref().cmp(b.as_ref()));
        unique.dedup();
        let mut expected = roots;
        expected.sort_unstable_by(|a, b| a.as_ref().cmp(b.as_ref()));
        assert_eq!(unique, expected);
    }

    #[test]
    fn fallback_reports_pem_errors() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("broken.pem");
        fs::write(&path, "-----BEGIN CERTIFICATE-----\nAAAA\n").unwrap();

        let loaded = load(&[directory.path()]);

        assert!(loaded.certs.is_empty());
        assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
        assert!(
            loaded.problems[0].starts_with(&format!(
                "failed to read PEM from file {}: ",
                path.display()
            )),
            "{:?}",
            loaded.problems
        );
    }

    /// Compares the loader with rustls-native-certs on this machine's
    /// certificate directories, where there are any.
    #[test]
    fn system_directories_match_native_certs() {
        let directories: Vec<&Path> = openssl_probe::candidate_cert_dirs().collect();
        let mut fast = load(&directories).certs;
        let mut native = Vec::new();
        for directory in &directories {
            let result = rustls_native_certs::load_certs_from_paths(None, Some(directory));
            native.extend(result.certs);
        }
        for certs in [&mut fast, &mut native] {
            certs.sort_unstable_by(|a, b| a.as_ref().cmp(b.as_ref()));
            certs.dedup();
        }
        assert_eq!(fast.len(), native.len());
        assert!(fast == native, "the loaders found different certificates");
    }
}

//! TLS trust: the root certificates that verify the token endpoint and an
//! `https` proxy, and the errors for certificates that fail verification.
//!
//! The roots are the operating system's store plus the PEM files from
//! `--cacert` (or the profile's `cacert`) and `SSL_CERT_FILE`, which add to
//! the system roots rather than replace them. When the system store is
//! empty or unreadable, the Mozilla roots bundled in the binary take its
//! place. Verification is never switched off.
//!
//! On Linux and the BSDs, the system store is every PEM file in the
//! certificate directories that OpenSSL uses (`/etc/ssl/certs`,
//! `/etc/pki/tls/certs` and others that `openssl-probe` lists), which
//! include the distribution's bundle file. `SSL_CERT_DIR` is not read.
//! Loading parses every root, so it happens only when a request that
//! needs TLS is about to be sent.

#[cfg(all(unix, not(target_os = "macos")))]
mod cert_dir;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use ureq::tls::{Certificate, RootCerts};

use crate::error::{Error, Result};
use crate::log;
use crate::settings::{NetworkSettings, Setting};

/// Returns the roots for the agent, and logs in verbose mode where they
/// came from and how long loading the system store took.
pub fn root_certs(network: &NetworkSettings) -> Result<RootCerts> {
    let started = Instant::now();
    let system = load_system_roots();
    let elapsed = started.elapsed();

    log::verbose(|| describe_system_roots(&system, elapsed));
    let mut roots: Vec<Certificate<'static>> = base_roots(&system).iter().map(to_ureq).collect();

    for file in network.extra_root_files() {
        let extra = read_extra_roots(file)?;
        log::verbose(|| {
            format!(
                "added {} root certificates from {} ({})",
                extra.len(),
                file.value.display(),
                file.origin
            )
        });
        roots.extend(extra.iter().map(to_ureq));
    }
    // SSL_CERT_FILE often names the system bundle itself, whose roots are
    // then loaded twice.
    roots.sort_unstable_by(|a, b| a.der().cmp(b.der()));
    roots.dedup_by(|a, b| a.der() == b.der());
    Ok(RootCerts::new_with_certs(&roots))
}

/// Returns the system roots, or the bundled Mozilla roots when the system
/// store has none.
fn base_roots(system: &SystemRoots) -> &[CertificateDer<'static>] {
    if system.certs.is_empty() {
        webpki_root_certs::TLS_SERVER_ROOT_CERTS
    } else {
        &system.certs
    }
}

/// Describes, for the verbose log, which roots [`base_roots`] chose.
fn describe_system_roots(system: &SystemRoots, elapsed: Duration) -> String {
    if system.certs.is_empty() {
        let reason = system
            .problem
            .as_deref()
            .unwrap_or("it contains no certificates");
        return format!(
            "system certificate store unusable ({reason}); using the {} Mozilla roots bundled in ezeep-token",
            webpki_root_certs::TLS_SERVER_ROOT_CERTS.len()
        );
    }
    let skipped = match &system.problem {
        Some(problem) => format!("; skipped unreadable entries: {problem}"),
        None => String::new(),
    };
    format!(
        "loaded {} root certificates from {} in {:.1} ms{skipped}",
        system.certs.len(),
        system.source,
        elapsed.as_secs_f64() * 1000.0
    )
}

fn to_ureq(der: &CertificateDer<'_>) -> Certificate<'static> {
    Certificate::from_der(der.as_ref()).to_owned()
}

/// The system store as loaded: the certificates, where they came from, and
/// a description of any problem.
struct SystemRoots {
    certs: Vec<CertificateDer<'static>>,
    source: String,
    problem: Option<String>,
}

#[cfg(all(unix, not(target_os = "macos")))]
fn load_system_roots() -> SystemRoots {
    // rustls_native_certs::load_native_certs would read only SSL_CERT_FILE
    // when that variable is set, so the directories are loaded directly.
    let directories: Vec<&Path> = openssl_probe::candidate_cert_dirs().collect();
    let cert_dir::Loaded {
        mut certs,
        problems,
    } = cert_dir::load(&directories);
    certs.sort_unstable_by(|a, b| a.as_ref().cmp(b.as_ref()));
    certs.dedup();
    let source = directories
        .iter()
        .map(|directory| directory.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let problem = if directories.is_empty() {
        Some("no certificate directory found".to_owned())
    } else {
        summarize(&problems)
    };
    SystemRoots {
        certs,
        source,
        problem,
    }
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn load_system_roots() -> SystemRoots {
    // NOTE: on macOS and Windows, rustls-native-certs 0.8 reads only
    // SSL_CERT_FILE and SSL_CERT_DIR when either is set, so the operating
    // system's store is then missing from the roots.
    let result = rustls_native_certs::load_native_certs();
    let problems: Vec<String> = result.errors.iter().map(ToString::to_string).collect();
    SystemRoots {
        certs: result.certs,
        source: "the operating system's certificate store".to_owned(),
        problem: summarize(&problems),
    }
}

/// Joins up to three problems, and counts the rest.
fn summarize(problems: &[String]) -> Option<String> {
    let (shown, rest) = problems.split_at(problems.len().min(3));
    let mut text = shown.join("; ");
    if !rest.is_empty() {
        text.push_str(&format!("; and {} more", rest.len()));
    }
    (!text.is_empty()).then_some(text)
}

/// Reads the certificates of a PEM file of extra roots. A file that cannot
/// be read, that contains no certificate, or whose certificates cannot be
/// used as roots is a configuration error.
fn read_extra_roots(file: &Setting<PathBuf>) -> Result<Vec<CertificateDer<'static>>> {
    parse_root_file(&file.value).map_err(|error| {
        error.context(format!(
            "cannot use root certificates from {} ({})",
            file.value.display(),
            file.origin
        ))
    })
}

fn parse_root_file(path: &Path) -> Result<Vec<CertificateDer<'static>>> {
    let bytes = std::fs::read(path)
        .map_err(|error| Error::config(format!("cannot read the file: {error}")))?;
    let mut certs = Vec::new();
    for (index, item) in CertificateDer::pem_slice_iter(&bytes).enumerate() {
        let number = index + 1;
        let cert = item.map_err(|error| {
            Error::config(format!("invalid PEM in certificate {number}: {error}"))
        })?;
        let mut store = rustls::RootCertStore::empty();
        store.add(cert.clone()).map_err(|error| {
            Error::config(format!("certificate {number} cannot be a root: {error}"))
        })?;
        certs.push(cert);
    }
    if certs.is_empty() {
        return Err(Error::config(
            "the file contains no PEM certificate (-----BEGIN CERTIFICATE-----)",
        )
        .with_hint(
            "--cacert and SSL_CERT_FILE take PEM files; convert a DER file with \
             `openssl x509 -inform der -in FILE`",
        ));
    }
    Ok(certs)
}

/// Returns the rustls error inside a ureq error, if there is one.
pub fn rustls_error(error: &ureq::Error) -> Option<&rustls::Error> {
    match error {
        ureq::Error::Rustls(error) => Some(error),
        ureq::Error::Io(io) => io.get_ref()?.downcast_ref::<rustls::Error>(),
        _ => None,
    }
}

/// Returns the error for a failed TLS handshake with `peer`.
///
/// A certificate that fails verification is a configuration error (exit
/// 78), not a transient one (75) or a bad reply (76), because retrying
/// cannot fix it. The usual fix is local: a missing `--cacert` for a
/// private CA or a TLS-inspecting gateway. Other handshake failures are
/// protocol errors.
pub fn handshake_error(error: &rustls::Error, peer: &str) -> Error {
    let rustls::Error::InvalidCertificate(certificate_error) = error else {
        let failed = Error::protocol(format!("TLS handshake with {peer} failed: {error}"));
        // A plain HTTP reply to a ClientHello arrives as a record of an
        // unknown content type.
        if matches!(
            error,
            rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType)
        ) {
            return failed
                .with_hint("the server may speak plain HTTP; check the scheme of the token URL");
        }
        return failed;
    };
    if matches!(certificate_error, rustls::CertificateError::UnknownIssuer) {
        return Error::config(format!(
            "TLS certificate of {peer} is not trusted: it is signed by an unknown issuer"
        ))
        .with_hint(
            "if a private CA or a TLS-inspecting gateway issued it, add that CA's root \
             certificate with --cacert FILE (PEM) or SSL_CERT_FILE",
        );
    }
    let reason = match certificate_error {
        rustls::CertificateError::Expired | rustls::CertificateError::ExpiredContext { .. } => {
            "it has expired".to_owned()
        }
        rustls::CertificateError::NotValidYet
        | rustls::CertificateError::NotValidYetContext { .. } => "it is not valid yet".to_owned(),
        rustls::CertificateError::NotValidForName
        | rustls::CertificateError::NotValidForNameContext { .. } => {
            "it is not valid for this host name".to_owned()
        }
        rustls::CertificateError::Revoked => "it has been revoked".to_owned(),
        other => format!("{other:?}"),
    };
    Error::config(format!(
        "TLS certificate of {peer} failed verification: {reason}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Origin;

    fn setting(path: &Path) -> Setting<PathBuf> {
        Setting {
            value: path.to_owned(),
            origin: Origin::Flag("--cacert"),
        }
    }

    #[test]
    fn extra_roots_must_be_pem_certificates() {
        let directory = tempfile::tempdir().unwrap();
        let empty = directory.path().join("empty.pem");
        std::fs::write(&empty, "no certificate here\n").unwrap();
        let error = read_extra_roots(&setting(&empty)).unwrap_err();
        assert_eq!(error.category(), crate::error::Category::Config);
        assert_eq!(
            error.message(),
            format!(
                "cannot use root certificates from {} (flag --cacert): the file contains no PEM certificate (-----BEGIN CERTIFICATE-----)",
                empty.display()
            )
        );

        let garbage = directory.path().join("garbage.pem");
        std::fs::write(
            &garbage,
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        let error = read_extra_roots(&setting(&garbage)).unwrap_err();
        assert!(
            error.message().contains("cannot be a root"),
            "{}",
            error.message()
        );

        let missing = directory.path().join("missing.pem");
        let error = read_extra_roots(&setting(&missing)).unwrap_err();
        assert!(
            error.message().starts_with(&format!(
                "cannot use root certificates from {} (flag --cacert): cannot read the file: ",
                missing.display()
            )),
            "{}",
            error.message()
        );
    }

    #[test]
    fn unknown_issuer_points_to_cacert() {
        let error = handshake_error(
            &rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer),
            "127.0.0.1:8443",
        );
        assert_eq!(error.category(), crate::error::Category::Config);
        assert_eq!(
            error.message(),
            "TLS certificate of 127.0.0.1:8443 is not trusted: it is signed by an unknown issuer"
        );
        assert!(error.hint().unwrap().contains("--cacert"));
        let error = handshake_error(
            &rustls::Error::InvalidCertificate(rustls::CertificateError::Expired),
            "h:443",
        );
        assert_eq!(error.category(), crate::error::Category::Config);
        let error = handshake_error(&rustls::Error::DecryptError, "h:443");
        assert_eq!(error.category(), crate::error::Category::Protocol);
    }

    #[test]
    fn empty_system_store_falls_back_to_bundled_roots() {
        let empty = SystemRoots {
            certs: Vec::new(),
            source: "/etc/ssl/certs".to_owned(),
            problem: Some("opening directory: permission denied".to_owned()),
        };
        assert_eq!(
            base_roots(&empty).len(),
            webpki_root_certs::TLS_SERVER_ROOT_CERTS.len()
        );
        assert!(base_roots(&empty).len() > 50);
        assert_eq!(
            describe_system_roots(&empty, Duration::ZERO),
            format!(
                "system certificate store unusable (opening directory: permission denied); using the {} Mozilla roots bundled in ezeep-token",
                webpki_root_certs::TLS_SERVER_ROOT_CERTS.len()
            )
        );

        let one = SystemRoots {
            certs: vec![webpki_root_certs::TLS_SERVER_ROOT_CERTS[0].clone()],
            source: "/etc/ssl/certs".to_owned(),
            problem: None,
        };
        assert_eq!(base_roots(&one).len(), 1);
        assert_eq!(
            describe_system_roots(&one, Duration::from_micros(2_500)),
            "loaded 1 root certificates from /etc/ssl/certs in 2.5 ms"
        );
    }
}

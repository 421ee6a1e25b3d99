//! The committed completion scripts match what the binary generates.
//!
//! Run `UPDATE_COMPLETIONS=1 cargo test --test completions` after changing
//! the command line to rewrite the files under `completions/`.

use std::path::Path;
use std::process::Command;

const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "ezeep-token.bash"),
    ("zsh", "_ezeep-token"),
    ("fish", "ezeep-token.fish"),
    ("powershell", "_ezeep-token.ps1"),
    ("elvish", "ezeep-token.elv"),
];

fn generate(shell: &str) -> Vec<u8> {
    let output = Command::new(env!("CARGO_BIN_EXE_ezeep-token"))
        .args(["completions", shell])
        .env_clear()
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "`ezeep-token completions {shell}` failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!output.stdout.is_empty(), "empty {shell} script");
    output.stdout
}

#[test]
fn completion_files_match_binary() {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let update = std::env::var_os("UPDATE_COMPLETIONS").is_some();
    let mut stale = Vec::new();
    for (shell, file) in SCRIPTS {
        let generated = generate(shell);
        let path = directory.join(file);
        if update {
            std::fs::write(&path, &generated).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(generated.as_slice()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "completion scripts differ from the binary's output: {}; \
         run `UPDATE_COMPLETIONS=1 cargo test --test completions`",
        stale.join(", ")
    );
}

#[test]
fn man_page_renders() {
    let output = Command::new(env!("CARGO_BIN_EXE_ezeep-token"))
        .arg("man")
        .env_clear()
        .output()
        .expect("the binary runs");
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "{page}");
    assert!(page.contains(".TH ezeep-token 1"), "{page}");
    assert!(page.contains("EZEEP_CLIENT_SECRET_FILE"), "{page}");
    assert!(page.contains(".SH \"EXIT CODES\""), "{page}");
    assert!(page.contains(".SH COMMANDS"), "{page}");
    assert!(!page.contains("ezeep-token-config(1)"), "{page}");
}

/// Runs the committed bash script's completion function for `words`, with
/// the cursor on the last word, and returns the candidates.
fn bash_candidates(words: &[&str]) -> Vec<String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/ezeep-token.bash");
    let program = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={}; _ezeep__token ezeep-token '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        words
            .iter()
            .map(|word| format!("'{word}'"))
            .collect::<Vec<_>>()
            .join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let output = Command::new("bash")
        .args(["-c", &program])
        .output()
        .expect("bash runs");
    assert!(
        output.status.success(),
        "bash failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_after_subcommand() {
    let shells = bash_candidates(&["ezeep-token", "completions", ""]);
    assert!(shells.contains(&"bash".to_owned()), "{shells:?}");
    assert!(shells.contains(&"zsh".to_owned()), "{shells:?}");

    let options = bash_candidates(&["ezeep-token", "config", "--pro"]);
    assert_eq!(options, ["--profile"]);

    let top = bash_candidates(&["ezeep-token", "--hea"]);
    assert_eq!(top, ["--header"]);
}

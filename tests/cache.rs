//! The token cache, end to end: reuse and the minimum TTL, single flight
//! across parallel invocations, atomic and private files, invalid entries,
//! and the `cache` subcommand. Each test starts its own loopback server
//! that counts requests, and runs the binary in its own sandbox, whose
//! `XDG_CACHE_HOME` contains the cache.

mod support;

use std::fs::{self, File};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::Value;
use support::{Reply, Run, Sandbox, Server, basic, jwt};

const CLIENT_ID: &str = "cache-client-id";
const CLIENT_SECRET: &str = "cache-s3cr3t-value";

/// Builds a token reply with `token` valid for `expires_in` seconds.
fn token_reply(token: &str, expires_in: u64) -> Reply {
    Reply::json(
        200,
        &format!(
            r#"{{"access_token":"{token}","token_type":"Bearer","expires_in":{expires_in},"scope":"printing"}}"#
        ),
    )
}

/// Starts a server that issues `token-0`, `token-1`, ... valid for
/// `expires_in` seconds, one per request.
fn counting_server(expires_in: u64) -> Server {
    Server::with(move |index, _| token_reply(&format!("token-{index}"), expires_in))
}

fn run(sandbox: &Sandbox, server: &Server, args: &[&str]) -> Run {
    let token_url = server.token_url();
    let env = [
        ("EZEEP_CLIENT_ID", CLIENT_ID),
        ("EZEEP_CLIENT_SECRET", CLIENT_SECRET),
        ("EZEEP_TOKEN_URL", token_url.as_str()),
    ];
    sandbox.run_env(args, &env)
}

fn cache_dir(sandbox: &Sandbox) -> PathBuf {
    sandbox.cache_dir().join("ezeep-token")
}

/// Returns the file names in the cache directory, sorted.
fn cache_files(sandbox: &Sandbox) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(cache_dir(sandbox))
        .expect("cache directory exists")
        .map(|item| item.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

fn is_key(name: &str) -> bool {
    name.len() == 64 && name.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Returns the paths of the entries, which are the files named by a key.
fn entries(sandbox: &Sandbox) -> Vec<PathBuf> {
    cache_files(sandbox)
        .into_iter()
        .filter(|name| is_key(name))
        .map(|name| cache_dir(sandbox).join(name))
        .collect()
}

/// Returns the only entry.
#[track_caller]
fn only_entry(sandbox: &Sandbox) -> PathBuf {
    let entries = entries(sandbox);
    assert_eq!(entries.len(), 1, "entries: {entries:?}");
    entries.into_iter().next().unwrap()
}

fn read_entry(path: &Path) -> serde_json::Map<String, Value> {
    let text = fs::read_to_string(path).expect("entry is readable");
    match serde_json::from_str(&text) {
        Ok(Value::Object(fields)) => fields,
        other => panic!("entry {} is not a JSON object: {other:?}", path.display()),
    }
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[test]
fn min_ttl_decides_reuse() {
    let server = counting_server(130);
    let sandbox = Sandbox::new();

    run(&sandbox, &server, &[])
        .assert_success()
        .assert_stdout("token-0\n");
    assert_eq!(server.hits(), 1);

    run(&sandbox, &server, &["--min-ttl", "120"])
        .assert_success()
        .assert_stdout("token-0\n");
    assert_eq!(server.hits(), 1);

    run(&sandbox, &server, &["--min-ttl", "300"])
        .assert_success()
        .assert_stdout("token-1\n");
    assert_eq!(server.hits(), 2);
}

#[test]
fn min_ttl_from_environment() {
    let server = counting_server(130);
    let sandbox = Sandbox::new();
    let token_url = server.token_url();
    let mut env = vec![
        ("EZEEP_CLIENT_ID", CLIENT_ID),
        ("EZEEP_CLIENT_SECRET", CLIENT_SECRET),
        ("EZEEP_TOKEN_URL", token_url.as_str()),
    ];
    sandbox.run_env(&[], &env).assert_success();

    env.push(("EZEEP_TOKEN_MIN_TTL", "100"));
    sandbox
        .run_env(&[], &env)
        .assert_success()
        .assert_stdout("token-0\n");
    assert_eq!(server.hits(), 1);
}

#[test]
fn short_lifetime_fetches_again() {
    let server = counting_server(50);
    let sandbox = Sandbox::new();

    for expected in ["token-0\n", "token-1\n"] {
        run(&sandbox, &server, &[])
            .assert_success()
            .assert_stdout(expected)
            .assert_stderr_contains("less than the minimum TTL of 300 s");
    }
    assert_eq!(server.hits(), 2);
}

#[test]
fn lifetime_below_min_ttl_warns() {
    let server = counting_server(3600);
    let sandbox = Sandbox::new();

    let run = run(&sandbox, &server, &["--min-ttl", "7200"]);

    run.assert_success().assert_stdout("token-0\n");
    assert_eq!(server.hits(), 1);
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), 1, "{run}");
    assert!(
        lines[0].starts_with("ezeep-token: warning: the server issued a token valid for 3"),
        "{run}"
    );
    assert!(
        lines[0].contains("less than the minimum TTL of 7200 s"),
        "{run}"
    );
}

#[test]
fn parallel_cold_start_sends_one_request() {
    const INVOCATIONS: usize = 32;
    let server = Server::with(|index, _| {
        token_reply(&format!("token-{index}"), 3600).delay(Duration::from_millis(300))
    });
    let sandbox = Sandbox::new();
    let barrier = Barrier::new(INVOCATIONS);

    let runs: Vec<Run> = thread::scope(|scope| {
        let handles: Vec<_> = (0..INVOCATIONS)
            .map(|_| {
                scope.spawn(|| {
                    barrier.wait();
                    run(&sandbox, &server, &[])
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap())
            .collect()
    });

    for run in &runs {
        run.assert_success().assert_stdout("token-0\n");
    }
    assert_eq!(server.hits(), 1);
    let entry = read_entry(&only_entry(&sandbox));
    assert_eq!(entry["access_token"], "token-0");
    let files = cache_files(&sandbox);
    assert!(
        !files.iter().any(|name| name.ends_with(".tmp")),
        "temporary file left: {files:?}"
    );
    let locks = files.iter().filter(|name| name.ends_with(".lock")).count();
    assert!(locks <= 1, "lock files: {files:?}");
}

#[test]
fn parallel_refresh_shares_one_request() {
    const INVOCATIONS: usize = 8;
    let server = Server::with(|index, _| {
        token_reply(&format!("token-{index}"), 3600).delay(Duration::from_millis(500))
    });
    let sandbox = Sandbox::new();
    run(&sandbox, &server, &[]).assert_success();
    let barrier = Barrier::new(INVOCATIONS);

    let runs: Vec<Run> = thread::scope(|scope| {
        let handles: Vec<_> = (0..INVOCATIONS)
            .map(|_| {
                scope.spawn(|| {
                    barrier.wait();
                    run(&sandbox, &server, &["--refresh"])
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap())
            .collect()
    });

    for run in &runs {
        run.assert_success();
        assert_ne!(
            run.stdout_str(),
            "token-0\n",
            "--refresh returned the old token\n{run}"
        );
    }
    // The waiters use the token that the first refresh stored. A process
    // that starts only after that store may refresh once more, so a loaded
    // machine can see a second request, but never one per invocation.
    assert!(server.hits() <= 3, "requests: {}", server.hits());
}

#[test]
fn zero_min_ttl_skips_expired_token() {
    let server = counting_server(0);
    let sandbox = Sandbox::new();
    run(&sandbox, &server, &["--min-ttl", "0"]).assert_success();
    run(&sandbox, &server, &["--min-ttl", "0"])
        .assert_success()
        .assert_stdout("token-1\n");
    assert_eq!(server.hits(), 2);
}

#[test]
fn corrupt_entry_replaced() {
    let server = counting_server(3600);
    let sandbox = Sandbox::new();
    run(&sandbox, &server, &[]).assert_success();
    let entry = only_entry(&sandbox);
    fs::write(&entry, "{garbage").unwrap();

    let run = run(&sandbox, &server, &[]);

    run.assert_success()
        .assert_stdout("token-1\n")
        .assert_stderr_contains(&format!(
            "ezeep-token: warning: ignoring cache entry {}: invalid JSON (line 1, column 2); requesting a new token",
            entry.display()
        ));
    assert_eq!(run.stderr_lines().len(), 1, "{run}");
    assert_eq!(server.hits(), 2);
    assert_eq!(read_entry(&entry)["access_token"], "token-1");
}

#[test]
fn profiles_keep_separate_entries() {
    let server = Server::with(|index, request| {
        let client = match request.header("Authorization") {
            Some(value) if value == basic("id-a:secret-a") => "a",
            Some(value) if value == basic("id-b:secret-b") => "b",
            _ => "unknown",
        };
        token_reply(&format!("token-{client}-{index}"), 3600).delay(Duration::from_millis(100))
    });
    let sandbox = Sandbox::new();
    let token_url = server.token_url();
    sandbox.write_config(&format!(
        r#"
[profiles.a]
client_id = "id-a"
client_secret = "secret-a"
token_url = "{token_url}"

[profiles.b]
client_id = "id-b"
client_secret = "secret-b"
token_url = "{token_url}"
"#
    ));

    let runs: Vec<Run> = thread::scope(|scope| {
        let handles: Vec<_> = ["a", "b", "a", "b"]
            .into_iter()
            .map(|profile| {
                let sandbox = &sandbox;
                scope.spawn(move || sandbox.run(&["--profile", profile]))
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap())
            .collect()
    });

    for (run, profile) in runs.iter().zip(["a", "b", "a", "b"]) {
        run.assert_success();
        assert!(
            run.stdout_str().starts_with(&format!("token-{profile}-")),
            "{run}"
        );
    }
    assert_eq!(server.hits(), 2);
    assert_eq!(entries(&sandbox).len(), 2);
    let a = sandbox.run(&["--profile", "a"]);
    let b = sandbox.run(&["--profile", "b"]);
    assert_eq!(a.stdout, runs[0].stdout);
    assert_eq!(b.stdout, runs[1].stdout);
    assert_eq!(server.hits(), 2);
}

#[test]
fn files_private_under_umask_022() {
    let server = counting_server(3600);
    let sandbox = Sandbox::new();
    let token_url = server.token_url();
    let env = [
        ("EZEEP_CLIENT_ID", CLIENT_ID),
        ("EZEEP_CLIENT_SECRET", CLIENT_SECRET),
        ("EZEEP_TOKEN_URL", token_url.as_str()),
    ];

    sandbox.run_umask(0o022, &[], &env).assert_success();

    assert_eq!(mode(&cache_dir(&sandbox)), 0o700);
    let entry = only_entry(&sandbox);
    assert_eq!(mode(&entry), 0o600);
    let lock = PathBuf::from(format!("{}.lock", entry.display()));
    assert_eq!(mode(&lock), 0o600);

    let text = fs::read_to_string(&entry).unwrap();
    let basic_value = basic(&format!("{CLIENT_ID}:{CLIENT_SECRET}"));
    let basic_credentials = basic_value.strip_prefix("Basic ").unwrap();
    assert!(!text.contains(CLIENT_SECRET), "{text}");
    assert!(!text.contains(basic_credentials), "{text}");
    assert!(!text.contains(CLIENT_ID), "{text}");
    let fields = read_entry(&entry);
    let mut names: Vec<&str> = fields.keys().map(String::as_str).collect();
    names.sort();
    assert_eq!(names, ["access_token", "expires_at", "scope", "token_type"]);
    for name in cache_files(&sandbox) {
        assert!(!name.contains(CLIENT_ID), "{name}");
        assert!(!name.contains(CLIENT_SECRET), "{name}");
    }
}

#[test]
fn loose_entry_not_used_silently() {
    let server = counting_server(3600);
    let sandbox = Sandbox::new();
    run(&sandbox, &server, &[]).assert_success();
    let entry = only_entry(&sandbox);
    fs::set_permissions(&entry, fs::Permissions::from_mode(0o644)).unwrap();

    let run = run(&sandbox, &server, &[]);

    run.assert_success()
        .assert_stdout("token-1\n")
        .assert_stderr_contains(&format!(
            "ezeep-token: warning: ignoring cache entry {}: it is accessible by group or others (mode 0644); requesting a new token",
            entry.display()
        ));
    assert_eq!(server.hits(), 2);
    assert_eq!(mode(&entry), 0o600);
}

#[test]
fn group_readable_directory_rejected() {
    let server = counting_server(3600);
    let sandbox = Sandbox::new();
    let directory = cache_dir(&sandbox);
    fs::create_dir(&directory).unwrap();
    fs::set_permissions(&directory, fs::Permissions::from_mode(0o755)).unwrap();

    let run = run(&sandbox, &server, &[]);
    run.assert_code(78).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines()[0],
        format!(
            "ezeep-token: error: cache directory {} is accessible by group or others (mode 0755)",
            directory.display()
        )
    );
    assert_eq!(mode(&directory), 0o755, "the mode is never changed");
    assert_eq!(server.hits(), 0);
}

#[test]
fn shared_directory_exits_78() {
    let server = counting_server(3600);
    let sandbox = Sandbox::new();
    let shared = sandbox.path().join("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o1777)).unwrap();
    let token_url = server.token_url();
    let shared_text = shared.display().to_string();
    let env = [
        ("EZEEP_CLIENT_ID", CLIENT_ID),
        ("EZEEP_CLIENT_SECRET", CLIENT_SECRET),
        ("EZEEP_TOKEN_URL", token_url.as_str()),
        ("EZEEP_TOKEN_CACHE_DIR", shared_text.as_str()),
    ];

    let run = sandbox.run_env(&[], &env);

    run.assert_code(78).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        [
            format!("ezeep-token: error: cache directory {shared_text} is writable by others (mode 1777)")
                .as_str(),
            "hint: set EZEEP_TOKEN_CACHE_DIR to a directory of your own, or pass --no-cache",
        ]
    );
    assert_eq!(server.hits(), 0);
    assert_eq!(mode(&shared), 0o1777);
}

#[test]
fn http_date_formats_known_instants() {
    assert_eq!(support::http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
    assert_eq!(
        support::http_date(784_111_777),
        "Sun, 06 Nov 1994 08:49:37 GMT"
    );
    assert_eq!(
        support::http_date(1_709_208_000),
        "Thu, 29 Feb 2024 12:00:00 GMT"
    );
}

#[test]
fn skewed_server_clock_ignored() {
    const SKEW: u64 = 15 * 60;
    let server = Server::with(|_, _| {
        let server_now = now() + SKEW;
        let token = jwt(
            r#"{"alg":"RS256","typ":"JWT"}"#,
            &format!(r#"{{"iat":{server_now},"exp":{}}}"#, server_now + 3600),
        );
        token_reply(&token, 3600).header("Date", &support::http_date(server_now))
    });
    let sandbox = Sandbox::new();

    let before = now();
    let first = run(&sandbox, &server, &["--json"]);
    let after = now();
    first.assert_success();
    let document: Value = serde_json::from_str(first.stdout_str()).unwrap();
    let expires_at = document["expires_at"]
        .as_u64()
        .expect("expires_at is a number");
    assert!(
        (before + 3600..=after + 3600).contains(&expires_at),
        "expires_at {expires_at} is not local now + 3600 ({before}..{after} + 3600)\n{first}"
    );

    let second = run(&sandbox, &server, &["--json"]);
    second.assert_success();
    assert_eq!(server.hits(), 1);
    let again: Value = serde_json::from_str(second.stdout_str()).unwrap();
    assert_eq!(again["access_token"], document["access_token"]);
    assert_eq!(again["expires_at"], document["expires_at"]);
}

#[test]
fn cached_token_needs_no_server() {
    let server = counting_server(3600);
    let sandbox = Sandbox::new();
    run(&sandbox, &server, &[]).assert_success();
    let token_url = server.token_url();
    drop(server);
    let env = [
        ("EZEEP_CLIENT_ID", CLIENT_ID),
        ("EZEEP_CLIENT_SECRET", CLIENT_SECRET),
        ("EZEEP_TOKEN_URL", token_url.as_str()),
    ];

    let run = sandbox.run_env(&["-v"], &env);

    run.assert_success()
        .assert_stdout("token-0\n")
        .assert_stderr_contains("cache: using the token in ")
        .assert_stderr_lacks("POST ")
        .assert_stderr_lacks(CLIENT_SECRET)
        .assert_stderr_lacks("token-0");
}

#[test]
fn wrong_secret_never_gets_cached_token() {
    let server = counting_server(3600);
    let sandbox = Sandbox::new();
    run(&sandbox, &server, &[]).assert_success();
    let token_url = server.token_url();
    let env = [
        ("EZEEP_CLIENT_ID", CLIENT_ID),
        ("EZEEP_CLIENT_SECRET", "rotated-secret"),
        ("EZEEP_TOKEN_URL", token_url.as_str()),
    ];

    sandbox
        .run_env(&[], &env)
        .assert_success()
        .assert_stdout("token-1\n");

    assert_eq!(server.hits(), 2);
    assert_eq!(entries(&sandbox).len(), 2);
}

#[test]
fn no_cache_neither_reads_nor_writes() {
    let server = counting_server(3600);
    let sandbox = Sandbox::new();

    for expected in ["token-0\n", "token-1\n"] {
        run(&sandbox, &server, &["--no-cache"])
            .assert_success()
            .assert_stdout(expected);
    }

    assert_eq!(server.hits(), 2);
    assert!(!cache_dir(&sandbox).exists());
}

#[test]
fn profile_can_turn_cache_off() {
    let server = counting_server(3600);
    let sandbox = Sandbox::new();
    sandbox.write_config(&format!(
        "[profiles.default]\nclient_id = \"id\"\nclient_secret = \"secret\"\ntoken_url = \"{}\"\ncache = false\n",
        server.token_url()
    ));

    sandbox.run(&[]).assert_success().assert_stdout("token-0\n");
    sandbox.run(&[]).assert_success().assert_stdout("token-1\n");

    assert_eq!(server.hits(), 2);
    assert!(!cache_dir(&sandbox).exists());
}

#[test]
fn refresh_skips_lookup_and_stores() {
    let server = counting_server(3600);
    let sandbox = Sandbox::new();

    run(&sandbox, &server, &[]).assert_stdout("token-0\n");
    run(&sandbox, &server, &["--refresh"]).assert_stdout("token-1\n");
    run(&sandbox, &server, &[]).assert_stdout("token-1\n");

    assert_eq!(server.hits(), 2);
}

#[test]
fn reply_without_expiry_not_cached() {
    let server = Server::with(|index, _| {
        Reply::json(
            200,
            &format!(r#"{{"access_token":"token-{index}","token_type":"Bearer"}}"#),
        )
    });
    let sandbox = Sandbox::new();

    run(&sandbox, &server, &["-v"])
        .assert_success()
        .assert_stdout("token-0\n")
        .assert_stderr_contains(
            "ezeep-token: cache: not storing the token, because the reply has no expires_in",
        );
    run(&sandbox, &server, &[])
        .assert_success()
        .assert_stdout("token-1\n");

    assert_eq!(server.hits(), 2);
    assert!(entries(&sandbox).is_empty());
}

#[test]
fn lock_wait_times_out_with_75() {
    let server = counting_server(3600);
    let sandbox = Sandbox::new();
    run(&sandbox, &server, &[]).assert_success();
    let lock_path = PathBuf::from(format!("{}.lock", only_entry(&sandbox).display()));
    let holder = File::open(&lock_path).unwrap();
    holder.lock().unwrap();

    let run = run(&sandbox, &server, &["--refresh", "--timeout", "0.5"]);

    run.assert_code(75).assert_stdout_empty();
    assert_eq!(
        run.stderr_lines(),
        [
            format!(
                "ezeep-token: error: timed out after 0.5 s waiting for another ezeep-token process that holds the cache lock {}",
                lock_path.display()
            )
            .as_str(),
            "hint: try again, raise --timeout, or pass --no-cache",
        ]
    );
    assert_eq!(server.hits(), 1);
}

#[test]
fn killed_holder_releases_lock() {
    // The first request never gets a reply, so its process holds the lock
    // until it is killed.
    let server = Server::with(|index, _| {
        if index == 0 {
            Reply::hang()
        } else {
            token_reply(&format!("token-{index}"), 3600)
        }
    });
    let sandbox = Sandbox::new();
    let token_url = server.token_url();
    let mut holder = sandbox
        .command()
        .env("EZEEP_CLIENT_ID", CLIENT_ID)
        .env("EZEEP_CLIENT_SECRET", CLIENT_SECRET)
        .env("EZEEP_TOKEN_URL", &token_url)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while server.hits() == 0 && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(server.hits(), 1, "the first process sent no request");
    holder.kill().unwrap();
    holder.wait().unwrap();

    let run = run(&sandbox, &server, &["--timeout", "20"]);

    run.assert_success().assert_stdout("token-1\n");
    assert_eq!(server.hits(), 2);
}

#[test]
fn cache_path_prints_directory() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["cache", "path"])
        .assert_success()
        .assert_stdout(&format!("{}\n", cache_dir(&sandbox).display()));

    sandbox
        .run_env(
            &["cache", "path"],
            &[("EZEEP_TOKEN_CACHE_DIR", "/srv/ci/tokens")],
        )
        .assert_success()
        .assert_stdout("/srv/ci/tokens\n");
}

#[test]
fn cache_clear_removes_everything() {
    let server = counting_server(3600);
    let sandbox = Sandbox::new();
    run(&sandbox, &server, &[]).assert_success();
    run(&sandbox, &server, &["--scope", "other"]).assert_success();
    assert_eq!(entries(&sandbox).len(), 2);
    fs::write(cache_dir(&sandbox).join("notes.txt"), "kept").unwrap();

    sandbox
        .run(&["cache", "clear"])
        .assert_success()
        .assert_stdout_empty();

    assert_eq!(cache_files(&sandbox), ["notes.txt"]);
    run(&sandbox, &server, &[]).assert_stdout("token-2\n");
    assert_eq!(server.hits(), 3);
}

#[test]
fn cache_clear_without_directory_succeeds() {
    let sandbox = Sandbox::new();

    sandbox
        .run(&["cache", "clear"])
        .assert_success()
        .assert_stdout_empty();

    assert!(!cache_dir(&sandbox).exists());
}

#[test]
fn cache_clear_profile_removes_one_entry() {
    let server = counting_server(3600);
    let sandbox = Sandbox::new();
    let token_url = server.token_url();
    sandbox.write_config(&format!(
        r#"
[profiles.a]
client_id = "id-a"
client_secret = "secret-a"
token_url = "{token_url}"

[profiles.b]
client_id = "id-b"
client_secret = "secret-b"
token_url = "{token_url}"
"#
    ));
    sandbox.run(&["-p", "a"]).assert_stdout("token-0\n");
    sandbox.run(&["-p", "b"]).assert_stdout("token-1\n");

    sandbox
        .run(&["cache", "clear", "--profile", "a"])
        .assert_success()
        .assert_stdout_empty();

    assert_eq!(entries(&sandbox).len(), 1);
    sandbox.run(&["-p", "b"]).assert_stdout("token-1\n");
    sandbox.run(&["-p", "a"]).assert_stdout("token-2\n");
    assert_eq!(server.hits(), 3);
}

#[test]
fn config_shows_cache_settings() {
    let sandbox = Sandbox::new();

    let run = sandbox.run_env(&["config", "--no-cache"], &[("EZEEP_TOKEN_MIN_TTL", "600")]);

    run.assert_success();
    let stdout = run.stdout_str();
    assert!(
        stdout.contains("cache          off (flag --no-cache)\n"),
        "{run}"
    );
    assert!(
        stdout.contains(&format!(
            "cache_dir      {} (default)\n",
            cache_dir(&sandbox).display()
        )),
        "{run}"
    );
    assert!(
        stdout.contains("min_ttl        600 s (environment variable EZEEP_TOKEN_MIN_TTL)\n"),
        "{run}"
    );
}

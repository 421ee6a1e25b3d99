use super::*;

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use crate::secret::Secret;

fn token(value: &str) -> Token {
    Token {
        access_token: Secret::new(value),
        token_type: "Bearer",
        expires_at: Some(4_600),
        scope: "printing".to_owned(),
    }
}

fn key(secret: &str) -> CacheKey {
    CacheKey::derive("https://h/t/", "id", "printing", &Secret::new(secret))
}

/// Returns a temporary directory with mode 0700, which the cache accepts
/// whatever mode the temporary directory was created with.
fn private_root() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    fs::set_permissions(root.path(), fs::Permissions::from_mode(0o700)).unwrap();
    root
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn names(directory: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(directory)
        .unwrap()
        .map(|item| item.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn open_creates_private_directories() {
    let root = private_root();
    let path = root.path().join("a").join("ezeep-token");
    CacheDir::open(&path).unwrap();
    assert_eq!(mode(&path), 0o700);
    assert_eq!(mode(&root.path().join("a")), 0o700);
}

#[test]
fn open_rejects_group_readable_directory() {
    let root = private_root();
    let path = root.path().join("cache");
    fs::create_dir(&path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o750)).unwrap();
    let error = CacheDir::open(&path).unwrap_err();
    assert_eq!(error.category(), Category::Config);
    assert_eq!(mode(&path), 0o750);
}

#[test]
fn open_rejects_shared_directory() {
    let root = private_root();
    let path = root.path().join("shared");
    fs::create_dir(&path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o1777)).unwrap();
    let error = CacheDir::open(&path).unwrap_err();
    assert_eq!(error.category(), Category::Config);
    assert_eq!(
        error.message(),
        format!(
            "cache directory {} is writable by others (mode 1777)",
            path.display()
        )
    );
    assert_eq!(mode(&path), 0o1777);
}

#[test]
fn open_rejects_file() {
    let root = private_root();
    let path = root.path().join("file");
    fs::write(&path, "").unwrap();
    let error = CacheDir::open(&path).unwrap_err();
    assert_eq!(error.category(), Category::Config);
}

#[test]
fn write_then_read_round_trips() {
    let root = private_root();
    let cache = CacheDir::open(root.path()).unwrap();
    let key = key("s");
    assert!(matches!(cache.read(&key), Lookup::Missing));
    cache.write(&key, &token("AT1")).unwrap();
    let Lookup::Found(found) = cache.read(&key) else {
        panic!("entry not found");
    };
    assert_eq!(found.access_token.expose(), "AT1");
    assert_eq!(mode(&cache.entry_path(&key)), 0o600);
    assert_eq!(names(root.path()), [key.as_str()]);
}

#[test]
fn write_replaces_stale_temporary_file() {
    let root = private_root();
    let cache = CacheDir::open(root.path()).unwrap();
    let key = key("s");
    fs::write(cache.temp_path(&key), "half").unwrap();
    cache.write(&key, &token("AT2")).unwrap();
    assert!(!cache.temp_path(&key).exists());
    assert!(matches!(cache.read(&key), Lookup::Found(_)));
}

#[test]
fn read_rejects_loose_mode() {
    let root = private_root();
    let cache = CacheDir::open(root.path()).unwrap();
    let key = key("s");
    cache.write(&key, &token("AT1")).unwrap();
    fs::set_permissions(cache.entry_path(&key), fs::Permissions::from_mode(0o644)).unwrap();
    let Lookup::Invalid(reason) = cache.read(&key) else {
        panic!("loose entry used");
    };
    assert_eq!(reason, "it is accessible by group or others (mode 0644)");
}

#[test]
fn read_rejects_symbolic_link() {
    let root = private_root();
    let cache = CacheDir::open(root.path()).unwrap();
    let key = key("s");
    let target = root.path().join("target");
    fs::write(&target, encode_for_test()).unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
    std::os::unix::fs::symlink(&target, cache.entry_path(&key)).unwrap();
    let Lookup::Invalid(reason) = cache.read(&key) else {
        panic!("symbolic link used");
    };
    assert_eq!(reason, "it is not a regular file");
}

fn encode_for_test() -> Vec<u8> {
    entry::encode(&token("AT1")).unwrap()
}

#[test]
fn remove_all_keeps_foreign_files() {
    let root = private_root();
    let cache = CacheDir::open(root.path()).unwrap();
    let (first, second) = (key("a"), key("b"));
    for key in [&first, &second] {
        let key_lock = lock::acquire(&cache.lock_path(key), Duration::from_secs(5)).unwrap();
        cache.write(key, &token("AT1")).unwrap();
        drop(key_lock);
    }
    fs::write(cache.temp_path(&second), "half").unwrap();
    fs::write(root.path().join("notes.txt"), "mine").unwrap();

    assert_eq!(cache.remove_all().unwrap(), 2);
    assert_eq!(names(root.path()), ["notes.txt"]);
}

#[test]
fn remove_all_leaves_busy_lock() {
    let root = private_root();
    let cache = CacheDir::open(root.path()).unwrap();
    let key = key("a");
    let key_lock = lock::acquire(&cache.lock_path(&key), Duration::from_secs(5)).unwrap();
    cache.write(&key, &token("AT1")).unwrap();

    assert_eq!(cache.remove_all().unwrap(), 1);
    assert_eq!(names(root.path()), [format!("{}.lock", key.as_str())]);
    drop(key_lock);
}

#[test]
fn remove_key_touches_one_key() {
    let root = private_root();
    let cache = CacheDir::open(root.path()).unwrap();
    let (first, second) = (key("a"), key("b"));
    cache.write(&first, &token("AT1")).unwrap();
    cache.write(&second, &token("AT2")).unwrap();
    let key_lock = lock::acquire(&cache.lock_path(&first), Duration::from_secs(5)).unwrap();

    assert!(cache.remove_key(&first, key_lock).unwrap());
    assert_eq!(names(root.path()), [second.as_str()]);
}

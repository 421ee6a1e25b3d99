#!/usr/bin/env bash
# Fetch tokens with ezeep-token from the local token endpoint example.
#
# Builds both in release mode, starts the endpoint on a free loopback port,
# and runs ezeep-token three times against it: raw token, --header and
# --json. ezeep-token runs in a scrubbed environment with an empty temporary
# HOME, so no user configuration, cache or proxy setting takes part.
set -euo pipefail

cd "$(dirname "$0")/.."
target_dir=${CARGO_TARGET_DIR:-target}

cargo build --release --bin ezeep-token --example token_endpoint

work_dir=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work_dir"
}
trap cleanup EXIT

"$target_dir/release/examples/token_endpoint" >"$work_dir/url" &
server_pid=$!

# The endpoint prints its URL once it listens. Wait at most 10 s for it.
url=""
for _ in $(seq 100); do
  # read succeeds only once the whole line, newline included, is there.
  if IFS= read -r url <"$work_dir/url"; then
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "demo.sh: error: token_endpoint exited before printing its URL" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ -z $url ]]; then
  echo "demo.sh: error: token_endpoint printed no URL within 10 s" >&2
  exit 1
fi

mkdir "$work_dir/home"
run_client() {
  env -i \
    PATH="$PATH" \
    HOME="$work_dir/home" \
    XDG_CONFIG_HOME="$work_dir/home/.config" \
    XDG_CACHE_HOME="$work_dir/home/.cache" \
    EZEEP_CLIENT_ID=demo-client \
    EZEEP_CLIENT_SECRET=demo-secret \
    EZEEP_TOKEN_URL="$url" \
    "$target_dir/release/ezeep-token" "$@"
}

# Versions of ezeep-token without a token cache have no --no-cache option.
cache_options=()
help_text=$(run_client --help)
if [[ $help_text == *--no-cache* ]]; then
  cache_options=(--no-cache)
fi

echo "# raw token" >&2
run_client "${cache_options[@]}"
echo "# --header" >&2
run_client "${cache_options[@]}" --header
echo "# --json" >&2
run_client "${cache_options[@]}" --json

#!/usr/bin/env bash
# Benchmark ezeep-token against the tools users pick instead: curl piped to
# jq, a Python standard-library script, and a bare curl POST, which is the
# floor of one process start plus one HTTP round trip.
#
# Every command runs against the local token endpoint example on 127.0.0.1,
# over plain HTTP and over HTTPS with a CA and server certificate made for the
# run, in a scrubbed environment with a private HOME and XDG directories. No
# command reaches any other address. Rows that need an ezeep-token option
# that the binary does not have yet (--no-cache, --cacert) are skipped with a
# note.
#
# Prints progress on stderr and a Markdown summary on stdout. With
# --write FILE it also writes the summary, with the date, the command and
# the machine, to FILE: between the markers below if FILE has them, else to
# a new FILE.
#
# Needs cargo, hyperfine, curl, jq, python3, openssl and GNU time at
# /usr/bin/time. As root it installs the missing ones from Debian packages.
set -euo pipefail

readonly BEGIN_MARKER='<!-- bench/run.sh results: begin -->'
readonly END_MARKER='<!-- bench/run.sh results: end -->'
readonly CLIENT_ID=bench-client
readonly CLIENT_SECRET=bench-secret
readonly BURST_SIZE=32
readonly BURST_REPEATS=10
# Reply delay of the endpoint for the second series of bursts, in the range
# of a round trip to a remote token endpoint.
readonly SLOW_DELAY_MS=100
readonly SLOW_FETCH_RUNS=10
readonly MEMORY_RUNS=20
readonly WARMUP_RUNS=10
readonly ROUNDS=4

usage() {
  cat <<'EOF'
Usage: bench/run.sh [--write FILE] [--runs N]

Times ezeep-token, curl | jq, a Python script and a bare curl POST against a
local token endpoint on 127.0.0.1, over HTTP and HTTPS, and prints a
Markdown summary on stdout.

Options:
  --write FILE  Also write the summary with the date, command and machine to
                FILE. An existing FILE must contain the two marker lines
                "<!-- bench/run.sh results: begin -->" and
                "<!-- bench/run.sh results: end -->"; only the text between
                them is replaced.
  --runs N      Timed runs per command, split into 4 rounds that each start
                with 10 warm-up runs [default: 200]
  -h, --help    Print this help
EOF
}

die() {
  echo "run.sh: error: $*" >&2
  exit 1
}

note() {
  echo "run.sh: $*" >&2
}

command_line="bench/run.sh${*:+ $*}"
write_file=""
runs=200
while (($# > 0)); do
  case $1 in
    --write)
      (($# >= 2)) || die "--write needs a FILE (see --help)"
      write_file=$2
      shift 2
      ;;
    --write=*)
      write_file=${1#--write=}
      shift
      ;;
    --runs)
      (($# >= 2)) || die "--runs needs a number (see --help)"
      runs=$2
      shift 2
      ;;
    --runs=*)
      runs=${1#--runs=}
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      die "unknown argument '$1' (see --help)"
      ;;
  esac
done
if [[ ! $runs =~ ^[1-9][0-9]*$ ]]; then
  die "invalid --runs '$runs': expected a whole number >= 1"
fi
if [[ -n $write_file && -e $write_file ]]; then
  if ! grep -qxF "$BEGIN_MARKER" "$write_file" || ! grep -qxF "$END_MARKER" "$write_file"; then
    die "$write_file exists but lacks the marker lines '$BEGIN_MARKER' and '$END_MARKER': add them where the results go, or name a new file"
  fi
fi
# The report goes where the user asked, relative to the directory of the call.
if [[ -n $write_file && $write_file != /* ]]; then
  write_file="$PWD/$write_file"
fi

cd "$(dirname "$0")/.."
repo_dir=$PWD

# --- Tools -----------------------------------------------------------------

apt_updated=false
# Installs the Debian package for a missing command with apt-get when run as
# root. Otherwise it stops and names the package to install.
require() {
  local command=$1 package=$2
  if [[ $command == /* && -x $command ]] || command -v "$command" >/dev/null; then
    return
  fi
  if [[ $(id -u) != 0 ]]; then
    die "$command is missing: install the Debian package '$package' (sudo apt-get install $package) and run again"
  fi
  note "installing the Debian package $package for $command"
  if [[ $apt_updated == false ]]; then
    apt-get update >&2
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$package" >&2
}

command -v cargo >/dev/null || die "cargo is missing: install Rust 1.89 or newer"
require hyperfine hyperfine
require curl curl
require jq jq
require python3 python3
require openssl openssl
require /usr/bin/time time

# pyenv and similar tools put a shell-script shim first in PATH, which would
# add its own start-up to the Python row. sys.executable is the interpreter.
python=$(python3 -c 'import sys; print(sys.executable)')

# --- Build -----------------------------------------------------------------

target_dir=${CARGO_TARGET_DIR:-target}
if [[ $target_dir != /* ]]; then
  target_dir="$repo_dir/$target_dir"
fi
note "building the release binary and the token endpoint"
cargo build --locked --release --bin ezeep-token --example token_endpoint >&2
client="$target_dir/release/ezeep-token"
endpoint="$target_dir/release/examples/token_endpoint"

# --- Scratch space, certificates and endpoints -------------------------------

work_dir=$(mktemp -d)
endpoint_pids=()
cleanup() {
  local pid
  for pid in "${endpoint_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work_dir"
}
trap cleanup EXIT

# Makes a throwaway CA and a server certificate for IP 127.0.0.1 signed by
# it, both EC P-256 and valid for 2 days.
make_certificates() {
  local dir="$work_dir/tls"
  mkdir "$dir"
  cat >"$dir/openssl.cnf" <<'EOF'
[req]
distinguished_name = subject
prompt = no

[subject]
CN = ezeep-token benchmark

[ca_extensions]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign
subjectKeyIdentifier = hash

[server_extensions]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
  local ec=(-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes)
  openssl req -x509 -config "$dir/openssl.cnf" -extensions ca_extensions \
    "${ec[@]}" -keyout "$dir/ca.key" -out "$dir/ca.pem" -days 2 \
    -subj "/CN=ezeep-token benchmark CA" 2>/dev/null
  openssl req -new -config "$dir/openssl.cnf" \
    "${ec[@]}" -keyout "$dir/server.key" -out "$dir/server.csr" \
    -subj "/CN=127.0.0.1" 2>/dev/null
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" \
    -CAcreateserial -CAserial "$dir/ca.srl" -days 2 \
    -extfile "$dir/openssl.cnf" -extensions server_extensions \
    -out "$dir/server.pem" 2>/dev/null
  openssl verify -CAfile "$dir/ca.pem" "$dir/server.pem" >/dev/null ||
    die "the generated server certificate does not verify against its CA"
  ca_file="$dir/ca.pem"
  server_cert="$dir/server.pem"
  server_key="$dir/server.key"
}

# Starts token_endpoint with the given options, logging to NAME.log in the
# work directory, and sets endpoint_url to the URL that it prints.
start_endpoint() {
  local name=$1
  shift
  local url_file="$work_dir/$name.url"
  : >"$url_file"
  "$endpoint" --client-id "$CLIENT_ID" --client-secret "$CLIENT_SECRET" "$@" \
    >"$url_file" 2>"$work_dir/$name.log" &
  local pid=$!
  endpoint_pids+=("$pid")

  # The endpoint prints its URL once it listens. Wait at most 10 s for it.
  endpoint_url=""
  for _ in {1..100}; do
    # read succeeds only once the whole line, newline included, is there.
    if IFS= read -r endpoint_url <"$url_file"; then
      return
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      die "token_endpoint ($name) exited before printing its URL: $(cat "$work_dir/$name.log")"
    fi
    sleep 0.1
  done
  die "token_endpoint ($name) printed no URL within 10 s"
}

# Creates an empty private home directory and prints its path.
new_home() {
  mktemp -d "$work_dir/home.XXXXXX"
}

# Runs a command with only PATH, a private HOME and XDG directories and the
# client settings in its environment, so no user configuration, cache or
# proxy setting takes part. Usage: scrubbed HOME URL COMMAND [ARG]...
scrubbed() {
  local home=$1 url=$2
  shift 2
  env -i \
    PATH="$PATH" \
    HOME="$home" \
    XDG_CONFIG_HOME="$home/.config" \
    XDG_CACHE_HOME="$home/.cache" \
    EZEEP_CLIENT_ID="$CLIENT_ID" \
    EZEEP_CLIENT_SECRET="$CLIENT_SECRET" \
    EZEEP_TOKEN_URL="$url" \
    "$@"
}

# Quotes a word for sh and for hyperfine, which splits commands into words
# by the same rules.
quote() {
  local single="'"
  printf "'%s'" "${1//$single/$single\\$single$single}"
}

make_certificates
start_endpoint http --quiet
http_url=$endpoint_url
start_endpoint https --quiet --tls-cert "$server_cert" --tls-key "$server_key"
https_url=$endpoint_url

# --- Commands --------------------------------------------------------------

help_text=$(scrubbed "$(new_home)" "$http_url" "$client" --help)
has_cache=false
has_cacert=false
[[ $help_text == *--no-cache* ]] && has_cache=true
[[ $help_text == *--cacert* ]] && has_cacert=true

# Each row: a label, a protocol, and a command or a skip note. hyperfine runs
# each command without a shell, so a pipeline is wrapped in sh -c and its two
# sides are kept for the memory measurement.
labels=()
protocols=()
commands=()
skips=()
declare -A pipe_left=() pipe_right=()

add_row() {
  labels+=("$1")
  protocols+=("$2")
  commands+=("$3")
  skips+=("${4:-}")
}

q_client=$(quote "$client")
q_ca=$(quote "${ca_file:-}")
basic_credentials=$(quote "$CLIENT_ID:$CLIENT_SECRET")
curl_post="curl -q -s -u $basic_credentials -d grant_type=client_credentials -d scope=printing"
uncached=$q_client
if [[ $has_cache == true ]]; then
  uncached="$q_client --no-cache"
fi

for protocol in HTTP HTTPS; do
  if [[ $protocol == HTTP ]]; then
    url=$(quote "$http_url")
    client_tls=""
    curl_tls=""
  else
    url=$(quote "$https_url")
    client_tls=" --cacert $q_ca"
    curl_tls=" --cacert $q_ca"
  fi

  label="ezeep-token (uncached)"
  if [[ $protocol == HTTPS && $has_cacert == false ]]; then
    add_row "$label" "$protocol" "" "skipped: ezeep-token has no --cacert option to trust the run's CA"
  else
    add_row "$label" "$protocol" "$uncached$client_tls"
  fi

  if [[ $protocol == HTTP ]]; then
    label="ezeep-token (warm cache)"
    if [[ $has_cache == true ]]; then
      add_row "$label" "$protocol" "$q_client"
    else
      add_row "$label" "$protocol" "" "skipped: ezeep-token has no token cache (no --no-cache option)"
    fi
  fi

  left="$curl_post$curl_tls $url"
  right="jq -r .access_token"
  add_row "curl | jq" "$protocol" "sh -c $(quote "$left | $right")"
  pipe_left["$protocol"]=$left
  pipe_right["$protocol"]=$right
  add_row "bare curl POST" "$protocol" "$curl_post$curl_tls -o /dev/null $url"

  if [[ $protocol == HTTP ]]; then
    add_row "Python urllib script" "$protocol" "$(quote "$python") $(quote "$repo_dir/bench/fetch_token.py")"
    # The cost of starting a small dynamically linked program, for reference.
    add_row "process start (/bin/true)" "$protocol" "/bin/true"
  fi
done

# Checks each command once. Each must print a token with a JWT's three
# parts, except the bare curl POST, which must get HTTP 200. This also fills
# the cache for the warm-cache row.
bench_home=$(new_home)
for i in "${!labels[@]}"; do
  [[ -n ${skips[i]} || ${commands[i]} == /bin/true ]] && continue
  url=$http_url
  [[ ${protocols[i]} == HTTPS ]] && url=$https_url
  if [[ ${labels[i]} == "bare curl POST" ]]; then
    status=$(scrubbed "$bench_home" "$url" sh -c "${commands[i]} -w '%{http_code}'") ||
      die "${labels[i]} over ${protocols[i]} failed: ${commands[i]}"
    [[ $status == 200 ]] ||
      die "${labels[i]} over ${protocols[i]} got HTTP $status instead of 200: ${commands[i]}"
    continue
  fi
  output=$(scrubbed "$bench_home" "$url" sh -c "${commands[i]}") ||
    die "${labels[i]} over ${protocols[i]} failed: ${commands[i]}"
  [[ $output =~ ^[^.]+\.[^.]+\.[^.]+$ ]] ||
    die "${labels[i]} over ${protocols[i]} printed no token: ${commands[i]}"
done

# With -v, ezeep-token logs each POST and each use of a cached token. An
# uncached row must send a request and the warm-cache row must not, or the
# rows would time something else. The loop above filled the cache.
for i in "${!labels[@]}"; do
  [[ -n ${skips[i]} || ${labels[i]} != ezeep-token* ]] && continue
  url=$http_url
  [[ ${protocols[i]} == HTTPS ]] && url=$https_url
  log=$(scrubbed "$bench_home" "$url" sh -c "${commands[i]} -v 2>&1 >/dev/null") ||
    die "${labels[i]} over ${protocols[i]} failed with -v: ${commands[i]} -v"
  sent=false
  cached=false
  [[ $log == *"ezeep-token: POST "* ]] && sent=true
  [[ $log == *"ezeep-token: cache: using the token"* ]] && cached=true
  if [[ ${labels[i]} == *"(warm cache)"* ]]; then
    [[ $cached == true && $sent == false ]] ||
      die "${labels[i]} over ${protocols[i]} did not use the cached token: ${commands[i]} -v logged: $log"
  else
    [[ $sent == true && $cached == false ]] ||
      die "${labels[i]} over ${protocols[i]} sent no request: ${commands[i]} -v logged: $log"
  fi
done

# --- Timing ----------------------------------------------------------------

declare -A median_ms=() ratio_low=() ratio_high=()

# Times the rows of one protocol side by side in hyperfine runs. hyperfine
# times one command after the other, so a change in the load of a shared
# machine would favour some rows. ROUNDS short runs in a row spread such a
# change over all rows. Stores each row's median over all rounds, and the
# lowest and highest of the per-round ratios to the bare curl POST.
time_protocol() {
  local protocol=$1 url=$2
  local arguments=() i
  for i in "${!labels[@]}"; do
    if [[ ${protocols[i]} == "$protocol" && -z ${skips[i]} ]]; then
      arguments+=(--command-name "${labels[i]}" "${commands[i]}")
    fi
  done

  local round round_runs
  local files=()
  for ((round = 1; round <= ROUNDS; round++)); do
    # The first rounds take the remainder of runs / ROUNDS.
    round_runs=$((runs / ROUNDS + (round <= runs % ROUNDS ? 1 : 0)))
    ((round_runs > 0)) || continue
    note "timing $protocol rows, round $round of $ROUNDS: $WARMUP_RUNS warm-up and $round_runs timed runs each"
    files+=("$work_dir/hyperfine-$protocol-$round.json")
    scrubbed "$bench_home" "$url" hyperfine --shell=none --style basic \
      --warmup "$WARMUP_RUNS" --runs "$round_runs" --export-json "${files[-1]}" \
      "${arguments[@]}" >&2
  done

  local name median low high
  while IFS=$'\t' read -r name median low high; do
    median_ms["$protocol/$name"]=$median
    ratio_low["$protocol/$name"]=$low
    ratio_high["$protocol/$name"]=$high
  done < <(jq -r -s '
    def median: sort | if length % 2 == 1 then .[(length - 1) / 2]
      else (.[length / 2 - 1] + .[length / 2]) / 2 end;
    (map(.results | (map(select(.command == "bare curl POST"))[0].median) as $floor
      | map({command, median, ratio: (.median / $floor)})) | flatten) as $rounds
    | [.[].results[]] | group_by(.command)[]
    | .[0].command as $name
    | [$rounds[] | select(.command == $name) | .ratio] as $ratios
    | [$name, (map(.times[]) | median * 1000), ($ratios | min), ($ratios | max)]
    | map(tostring) | @tsv' "${files[@]}")
}

# Other processes on a shared machine slow some runs, so the report shows the
# 1-minute load average before and after the timed part.
load_before=$(cut -d' ' -f1 /proc/loadavg)
time_protocol HTTP "$http_url"
time_protocol HTTPS "$https_url"

# --- Peak memory -----------------------------------------------------------

# Prints the median of the numbers on stdin, one a line.
median() {
  sort -n | awk '{ value[NR] = $1 } END {
    if (NR == 0) exit 1
    if (NR % 2) print value[(NR + 1) / 2]
    else print (value[NR / 2] + value[NR / 2 + 1]) / 2
  }'
}

declare -A peak_kib=()

# Measures the maximum resident set size of one row's command MEMORY_RUNS
# times with GNU time, and stores the median. For a pipeline the row's peak
# is the sum of its processes' peaks, because they run at the same time.
measure_memory() {
  local i=$1 url=$2 run
  local samples="$work_dir/rss-$i.txt"
  : >"$samples"
  local timed
  if [[ ${labels[i]} == "curl | jq" ]]; then
    timed="/usr/bin/time -f %M -o $(quote "$work_dir/rss-a") ${pipe_left[${protocols[i]}]} |"
    timed+=" /usr/bin/time -f %M -o $(quote "$work_dir/rss-b") ${pipe_right[${protocols[i]}]} >/dev/null"
  else
    timed="/usr/bin/time -f %M -o $(quote "$work_dir/rss-a") ${commands[i]} >/dev/null"
  fi
  for ((run = 0; run < MEMORY_RUNS; run++)); do
    echo 0 >"$work_dir/rss-b"
    scrubbed "$bench_home" "$url" sh -c "$timed" ||
      die "${labels[i]} over ${protocols[i]} failed under /usr/bin/time: $timed"
    # GNU time writes %M on the last line of its output file.
    echo $(($(tail -1 "$work_dir/rss-a") + $(tail -1 "$work_dir/rss-b"))) >>"$samples"
  done
  peak_kib["${protocols[i]}/${labels[i]}"]=$(median <"$samples")
}

note "measuring peak memory: $MEMORY_RUNS runs per command"
for i in "${!labels[@]}"; do
  [[ -n ${skips[i]} ]] && continue
  url=$http_url
  [[ ${protocols[i]} == HTTPS ]] && url=$https_url
  measure_memory "$i" "$url"
done

# --- Concurrent cold-cache invocations -----------------------------------------

# Starts COUNT copies of a command from one bash process, without waiting
# between starts. Prints the wall time in milliseconds from the first start
# to the last exit, then the number of copies that failed.
# Usage: bash -c "$burst_script" burst COUNT COMMAND [ARG]... A separate bash runs it, so its
# expansions stay unexpanded here.
# shellcheck disable=SC2016
burst_script='
count=$1
shift
out=$(mktemp -d)
pids=()
start=$EPOCHREALTIME
for ((i = 0; i < count; i++)); do
  "$@" >"$out/$i" 2>&1 &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do
  wait "$pid" || failed=$((failed + 1))
done
end=$EPOCHREALTIME
rm -rf "$out"
awk -v start="$start" -v end="$end" -v failed="$failed" \
  "BEGIN { printf \"%.3f %d\\n\", (end - start) * 1000, failed }"
'

note "starting $BURST_SIZE cold-cache invocations at once, $BURST_REPEATS times"
start_endpoint counting --delay-ms 0
counting_url=$endpoint_url
counting_log="$work_dir/counting.log"
burst_walls="$work_dir/burst-walls.txt"
spawn_walls="$work_dir/spawn-walls.txt"
burst_requests=()
burst_failures=0
for ((run = 0; run < BURST_REPEATS; run++)); do
  before=$(grep -c ' -> ' "$counting_log" || true)
  # Each burst gets an empty cache directory.
  read -r wall failed < <(scrubbed "$(new_home)" "$counting_url" \
    bash -c "$burst_script" burst "$BURST_SIZE" "$client")
  after=$(grep -c ' -> ' "$counting_log" || true)
  echo "$wall" >>"$burst_walls"
  burst_requests+=($((after - before)))
  burst_failures=$((burst_failures + failed))

  # The same burst of /bin/true shows what starting the processes costs.
  read -r wall failed < <(scrubbed "$(new_home)" "$counting_url" \
    bash -c "$burst_script" burst "$BURST_SIZE" /bin/true)
  echo "$wall" >>"$spawn_walls"
done

# On loopback, starting 32 processes takes far longer than the request, so
# the first run has usually stored the token before most others start. The
# same bursts against an endpoint that waits before each reply show how
# runs that wait for the first one's lock fare when the request takes most
# of the time, as it does with a remote endpoint.
note "starting $BURST_SIZE cold-cache invocations at once against an endpoint that waits $SLOW_DELAY_MS ms before each reply, $BURST_REPEATS times"
start_endpoint slow --delay-ms "$SLOW_DELAY_MS"
slow_url=$endpoint_url
slow_log="$work_dir/slow.log"
slow_walls="$work_dir/slow-walls.txt"
slow_requests=()
for ((run = 0; run < BURST_REPEATS; run++)); do
  before=$(grep -c ' -> ' "$slow_log" || true)
  read -r wall failed < <(scrubbed "$(new_home)" "$slow_url" \
    bash -c "$burst_script" burst "$BURST_SIZE" "$client")
  after=$(grep -c ' -> ' "$slow_log" || true)
  echo "$wall" >>"$slow_walls"
  slow_requests+=($((after - before)))
  burst_failures=$((burst_failures + failed))
done
if ((burst_failures > 0)); then
  die "$burst_failures of $((2 * BURST_SIZE * BURST_REPEATS)) concurrent ezeep-token runs failed"
fi
# One uncached fetch against the same endpoint, for the ratio.
scrubbed "$bench_home" "$slow_url" hyperfine --shell=none --style basic \
  --warmup 1 --runs "$SLOW_FETCH_RUNS" --export-json "$work_dir/slow-fetch.json" \
  "$uncached" >&2
slow_fetch_ms=$(jq '.results[0].median * 1000' "$work_dir/slow-fetch.json")
load_after=$(cut -d' ' -f1 /proc/loadavg)
burst_wall_ms=$(median <"$burst_walls")
spawn_wall_ms=$(median <"$spawn_walls")
slow_wall_ms=$(median <"$slow_walls")
min_requests=$(printf '%s\n' "${burst_requests[@]}" "${slow_requests[@]}" | sort -n | head -1)
max_requests=$(printf '%s\n' "${burst_requests[@]}" "${slow_requests[@]}" | sort -n | tail -1)

# --- Binary size -----------------------------------------------------------

size_note=""
if command -v strip >/dev/null; then
  strip -o "$work_dir/ezeep-token.stripped" "$client"
  binary_bytes=$(stat -c %s "$work_dir/ezeep-token.stripped")
else
  # The release profile strips symbols already.
  binary_bytes=$(stat -c %s "$client")
  size_note=" (strip not found, so as built by the release profile, which sets strip = true)"
fi

# --- Report ----------------------------------------------------------------

# Formats a number with a fixed count of decimals. Usage: fixed DECIMALS X
fixed() {
  awk -v x="$2" -v d="$1" 'BEGIN { printf "%.*f", d, x }'
}

# Prints X / Y with two decimals.
ratio() {
  awk -v x="$1" -v y="$2" 'BEGIN { printf "%.2f", x / y }'
}

# Prints 1 when X <= Y, else 0.
at_most() {
  awk -v x="$1" -v y="$2" 'BEGIN { print (x <= y) ? 1 : 0 }'
}

floor_http=${median_ms[HTTP/bare curl POST]}
floor_https=${median_ms[HTTPS/bare curl POST]}

results_table() {
  echo "| protocol | command | median (ms) | × bare curl POST | per-round range | peak RSS (MiB) |"
  echo "|---|---|---:|---:|---:|---:|"
  local i key floor label
  for i in "${!labels[@]}"; do
    key="${protocols[i]}/${labels[i]}"
    # A bare | would end the table cell.
    label=${labels[i]//|/\\|}
    if [[ -n ${skips[i]} ]]; then
      echo "| ${protocols[i]} | $label | ${skips[i]} | | | |"
      continue
    fi
    floor=$floor_http
    [[ ${protocols[i]} == HTTPS ]] && floor=$floor_https
    echo "| ${protocols[i]} | $label | $(fixed 2 "${median_ms[$key]}") |" \
      "$(ratio "${median_ms[$key]}" "$floor") |" \
      "$(fixed 2 "${ratio_low[$key]}")–$(fixed 2 "${ratio_high[$key]}") |" \
      "$(fixed 1 "$(awk -v k="${peak_kib[$key]}" 'BEGIN { print k / 1024 }')") |"
  done
}

# Prints the per-round ratio range of a row, such as "(rounds: 0.31–0.36)".
round_range() {
  echo "(rounds: $(fixed 2 "${ratio_low[$1]}")–$(fixed 2 "${ratio_high[$1]}"))"
}

# Prints one row of the target table: name, limit, measured, met (1 or 0).
target_row() {
  local status="met"
  [[ $4 == 0 ]] && status="**missed**"
  echo "| $1 | $2 | $3 | $status |"
}

targets_table() {
  echo "| target | limit | measured | status |"
  echo "|---|---|---|---|"
  local value

  value=$(ratio "${median_ms[HTTP/ezeep-token (uncached)]}" "$floor_http")
  target_row "uncached fetch, HTTP" "≤ 0.50 × bare curl POST" \
    "$value × $(round_range "HTTP/ezeep-token (uncached)")" "$(at_most "$value" 0.5)"

  if [[ -n ${median_ms[HTTPS/ezeep-token (uncached)]:-} ]]; then
    value=$(ratio "${median_ms[HTTPS/ezeep-token (uncached)]}" "$floor_https")
    target_row "uncached fetch, HTTPS" "≤ 0.80 × bare curl POST" \
      "$value × $(round_range "HTTPS/ezeep-token (uncached)")" "$(at_most "$value" 0.8)"
  else
    echo "| uncached fetch, HTTPS | ≤ 0.80 × bare curl POST | not measurable | ezeep-token has no --cacert option |"
  fi

  if [[ -n ${median_ms[HTTP/ezeep-token (warm cache)]:-} ]]; then
    value=$(ratio "${median_ms[HTTP/ezeep-token (warm cache)]}" "$floor_http")
    target_row "warm cache, HTTP" "≤ 0.15 × bare curl POST" \
      "$value × $(round_range "HTTP/ezeep-token (warm cache)")" "$(at_most "$value" 0.15)"
  else
    echo "| warm cache, HTTP | ≤ 0.15 × bare curl POST | not measurable | ezeep-token has no token cache |"
  fi

  local client_kib=${peak_kib[HTTP/ezeep-token (uncached)]}
  local curl_kib=${peak_kib[HTTP/bare curl POST]}
  target_row "peak memory, uncached fetch, HTTP" "≤ bare curl POST ($curl_kib KiB)" \
    "$client_kib KiB" "$(at_most "$client_kib" "$curl_kib")"
  if [[ -n ${peak_kib[HTTPS/ezeep-token (uncached)]:-} ]]; then
    client_kib=${peak_kib[HTTPS/ezeep-token (uncached)]}
    curl_kib=${peak_kib[HTTPS/bare curl POST]}
    target_row "peak memory, uncached fetch, HTTPS" "≤ bare curl POST ($curl_kib KiB)" \
      "$client_kib KiB" "$(at_most "$client_kib" "$curl_kib")"
  fi

  local limit=$((4 * 1024 * 1024))
  target_row "stripped release binary" "≤ 4 MiB ($limit bytes)" "$binary_bytes bytes" \
    "$(at_most "$binary_bytes" "$limit")"

  local requests="$min_requests"
  [[ $min_requests != "$max_requests" ]] && requests="$min_requests to $max_requests"
  target_row "$BURST_SIZE concurrent cold-cache runs: requests" "1" "$requests per burst" \
    "$(at_most "$max_requests" 1)"
  value=$(ratio "$burst_wall_ms" "${median_ms[HTTP/ezeep-token (uncached)]}")
  target_row "$BURST_SIZE concurrent cold-cache runs: wall time" "≤ 2 × one uncached fetch" \
    "$value ×" "$(at_most "$value" 2)"
  value=$(ratio "$slow_wall_ms" "$slow_fetch_ms")
  target_row "$BURST_SIZE concurrent cold-cache runs, endpoint waiting $SLOW_DELAY_MS ms: wall time" \
    "≤ 2 × one uncached fetch from it" "$value ×" "$(at_most "$value" 2)"
}

summary() {
  results_table
  echo
  echo "Medians of $runs runs in $ROUNDS rounds, each after $WARMUP_RUNS warm-up runs (hyperfine"
  echo "without a shell, so curl | jq includes the start of the sh that runs the pipeline)."
  echo "Each ratio divides by the bare curl POST over the same protocol in the same run; the"
  echo "per-round range shows the lowest and highest ratio of the single rounds."
  echo "Peak RSS is the median of $MEMORY_RUNS runs of GNU time's maximum resident set size;"
  echo "for curl | jq it is the sum of both processes."
  if [[ $has_cache == false ]]; then
    echo "This ezeep-token has no --no-cache option and no cache, so the uncached rows run it"
    echo "without options."
  fi
  echo
  echo "- Stripped release binary: $binary_bytes bytes ($(fixed 2 "$(awk -v b="$binary_bytes" 'BEGIN { print b / 1048576 }')") MiB)$size_note."
  echo "- $BURST_SIZE ezeep-token runs started together with an empty cache, $BURST_REPEATS times:" \
    "the endpoint saw $(printf '%s ' "${burst_requests[@]}")requests per burst; median wall time" \
    "$(fixed 1 "$burst_wall_ms") ms, $(ratio "$burst_wall_ms" "${median_ms[HTTP/ezeep-token (uncached)]}") ×" \
    "the median uncached fetch over HTTP ($(fixed 2 "${median_ms[HTTP/ezeep-token (uncached)]}") ms)." \
    "Starting $BURST_SIZE /bin/true the same way takes $(fixed 1 "$spawn_wall_ms") ms."
  echo "- The same against an endpoint that waits $SLOW_DELAY_MS ms before each reply:" \
    "the endpoint saw $(printf '%s ' "${slow_requests[@]}")requests per burst; median wall time" \
    "$(fixed 1 "$slow_wall_ms") ms, $(ratio "$slow_wall_ms" "$slow_fetch_ms") × the median of" \
    "$SLOW_FETCH_RUNS uncached fetches from it ($(fixed 1 "$slow_fetch_ms") ms)."
  echo
  targets_table
}

machine_header() {
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Command: \`$command_line\`"
  echo "- Machine: $(nproc) cores, $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), Linux $(uname -r);" \
    "1-minute load average $load_before before and $load_after after the timed runs"
  echo "- Tools: $(hyperfine --version), $(curl --version | head -1 | cut -d' ' -f1-2)," \
    "$(jq --version), Python $("$python" -c 'import platform; print(platform.python_version())'), $(rustc --version | cut -d' ' -f1-2)"
  echo "- Absolute times vary between machines and runs; compare the ratios, which divide by a command measured in the same run."
}

report=$(summary)
echo "$report"

if [[ -n $write_file ]]; then
  block="$work_dir/block.md"
  {
    echo "$BEGIN_MARKER"
    machine_header
    echo
    echo "$report"
    echo "$END_MARKER"
  } >"$block"
  if [[ -e $write_file ]]; then
    # Replaces the lines from the begin marker to the end marker with the block.
    awk -v begin="$BEGIN_MARKER" -v end="$END_MARKER" -v block="$block" '
      $0 == begin { while ((getline line < block) > 0) print line; skipping = 1; next }
      $0 == end { skipping = 0; next }
      !skipping { print }
    ' "$write_file" >"$work_dir/written.md"
    cat "$work_dir/written.md" >"$write_file"
  else
    cp "$block" "$write_file"
  fi
  note "wrote the results to $write_file"
fi

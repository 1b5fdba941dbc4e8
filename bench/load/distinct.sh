#!/usr/bin/env bash
# Distinct-keys load benchmark (issue 9 item 4); docs/load-benchmark.md, "Distinct keys after a publish".
# GetRating over N distinct enterprises in random order, starting DELAY s after a publish, for SECONDS,
# driven by the LoadBench `distinct` client (h2load sends one body); the bare baseline is driven by the
# same client with the same settings, so the ratio is like for like. MuScore runs on SQLite with
# Redis and the in-process cache on (defaults). Each round publishes a new year first (the previous
# year's round is the JIT warm-up); the table shows every round. Every process is time-bounded.
#
# usage: bench/load/distinct.sh
# env:   N        distinct enterprises               (default 100000)
#        DURATION measured seconds per run           (default 30)
#        DELAY    seconds between publish and load   (default 1)
#        ROUNDS   baseline/MuScore pairs             (default 1)
#        CLIENTS, STREAMS  connections and calls in flight per connection (default 4 and 32, as h2load)
#        WARM     MuScore:Cache:WarmOnPublish         (default true; false shows the cold path)
#        REGION   region of the data set             (default 331082)
#        ARTIFACTS  build output                     (default /tmp/art-load)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
N="${N:-100000}"
DURATION="${DURATION:-30}"
DELAY="${DELAY:-1}"
ROUNDS="${ROUNDS:-1}"
CLIENTS="${CLIENTS:-4}"
STREAMS="${STREAMS:-32}"
WARM="${WARM:-true}"
REGION="${REGION:-331082}"
artifacts="${ARTIFACTS:-/tmp/art-load}"
SCENARIOS=distinct
work="$(mktemp -d /tmp/muscore-distinct.XXXXXX)"
mkdir -p "$work/logs"
data="$work/data"
source "$here/lib.sh"
trap 'stop_all; rm -f "$work"/*.db "$work"/*.db-*; echo "work folder (logs): $work" >&2' EXIT

log "building Release into $artifacts (load at start: $(uptime))"
for project in bench/MuScore.LoadBench/MuScore.LoadBench.csproj src/MuScore.Server/MuScore.Server.csproj; do
    dotnet build "$repo/$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet >"$work/logs/build.log" 2>&1 \
        || { cat "$work/logs/build.log" >&2; die "build of $project failed"; }
done
loadbench=(dotnet "$artifacts/bin/MuScore.LoadBench/release/MuScore.LoadBench.dll")
muscore=(dotnet "$artifacts/bin/MuScore.Server/release/MuScore.Server.dll")
quiet=(--Logging:LogLevel:Default=Warning)

redis_port="$(free_port)"
start redis 3600 redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no
wait_port redis "$redis_port"
muscore_port="$(free_port)"
start muscore 3600 "${muscore[@]}" "--urls=http://127.0.0.1:$muscore_port" "--MuScore:Store:ConnectionString=Data Source=$work/load.db" \
    "--MuScore:Redis:ConnectionString=127.0.0.1:$redis_port" "--MuScore:Cache:WarmOnPublish=$WARM" "${quiet[@]}" \
    --Logging:LogLevel:MuScore.Server.Caching=Information
wait_port muscore "$muscore_port"
baseline_port="$(free_port)"
start baseline 3600 "${loadbench[@]}" baseline --urls "http://127.0.0.1:$baseline_port" "${quiet[@]}"
wait_port baseline "$baseline_port"

# distinct NAME PORT [OPTIONS...]: one run of the client; prints its RESULT line.
distinct() {
    local name="$1" port="$2"
    shift 2
    timeout -k 5 900 "${loadbench[@]}" distinct --server "http://127.0.0.1:$port" --n "$N" --region "$REGION" \
        --connections "$CLIENTS" --streams "$STREAMS" "$@" | tee "$work/logs/distinct-$name.log" >&2
    grep '^RESULT distinct' "$work/logs/distinct-$name.log"
}

# Warm-up (JIT, connections): 5 s on the baseline; on MuScore a publish of the year before the first round, then 5 s.
distinct warmup-baseline "$baseline_port" --year 2020 --seconds 5 >/dev/null
distinct warmup-muscore "$muscore_port" --year 2020 --seconds 5 --publish true --check true --delay "$DELAY" >/dev/null

rows=()
for ((round = 1; round <= ROUNDS; round++)); do
    year=$((2020 + round))
    log "round $round: baseline, then MuScore $DELAY s after publishing $N enterprises for $year (load: $(uptime))"
    # Each run first loads the year before for 5 s (the client's JIT and connections; not measured).
    base="$(distinct "baseline-$round" "$baseline_port" --year "$year" --seconds "$DURATION" --warmup-seconds 5)"
    mine="$(distinct "muscore-$round" "$muscore_port" --year "$year" --seconds "$DURATION" --warmup-seconds 5 --publish true --check true --delay "$DELAY")"
    base_rps="$(result_field "$base" rps)"
    mine_rps="$(result_field "$mine" rps)"
    rows+=("| $round | $(thousands "$base_rps") | $(result_field "$base" p99_ms) | $(thousands "$mine_rps") | $(result_field "$mine" p99_ms) | $(percent "$mine_rps" "$base_rps") % | $(result_field "$mine" windows) |")
done
grep -h 'PublicationWarmed' "$work/logs/muscore.log" >&2 || true

echo "GetRating, $N distinct keys in random order, $CLIENTS x $STREAMS in flight, $DURATION s from $DELAY s after a publish; WarmOnPublish=$WARM; load at end: $(uptime)"
echo
echo "| round | baseline req/s | baseline p99 ms | MuScore req/s | MuScore p99 ms | MuScore / baseline | MuScore req/s per 5 s |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"

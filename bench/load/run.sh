#!/usr/bin/env bash
# Load benchmark of the gRPC service (issue 3, part 8); docs/load-benchmark.md explains it.
# One run: build Release; start redis-server, a bare baseline gRPC server and MuScore's server on
# free loopback ports; drive GetRating on each with the same h2load settings (MuScore on SQLite with
# the in-process cache, then MuScore on Redis with the in-process cache off); measure
# BatchGetRatings of 1,000 codes with a .NET client in both; publish a 1M-enterprise run; write
# docs/bench-results/load-<date>.md and print it. Every process is time-bounded and stopped at exit.
#
# usage: bench/load/run.sh
# env:   ARTIFACTS   build output                       (default /tmp/art-load)
#        N           enterprises of the load data set   (default 20000)
#        PUBLISH_N   enterprises of the publish run     (default 1000000)
#        REQUESTS    requests per measured h2load run   (default 200000; warm-up runs send a quarter)
#        ROUNDS      baseline/MuScore pairs per scenario (default 5; the table shows medians)
#        CLIENTS, STREAMS  h2load -c and -m             (default 4 and 32)
#        BATCH_CALLS BatchGetRatings calls measured     (default 1000)
#        BATCH_WARMUP  calls before measuring           (default 300: lets the JIT finish tiering up
#                                                         the batch path, which GetRating load never ran)
#        OUT         result file                        (default docs/bench-results/load-<UTC date>.md)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
artifacts="${ARTIFACTS:-/tmp/art-load}"
N="${N:-20000}"
PUBLISH_N="${PUBLISH_N:-1000000}"
REQUESTS="${REQUESTS:-200000}"
ROUNDS="${ROUNDS:-5}"
CLIENTS="${CLIENTS:-4}"
STREAMS="${STREAMS:-32}"
BATCH_CALLS="${BATCH_CALLS:-1000}"
BATCH_WARMUP="${BATCH_WARMUP:-300}"
out="${OUT:-$repo/docs/bench-results/load-$(date -u +%Y-%m-%d).md}"
server_limit=3600 # seconds any server may live

work="$(mktemp -d /tmp/muscore-load.XXXXXX)"
mkdir -p "$work/logs" "$work/h2load"
data="$work/data"
checks=0
source "$here/lib.sh"
# The databases go (the publish one holds a million ratings); logs and h2load output stay.
trap 'stop_all; rm -f "$work"/*.db "$work"/*.db-*; echo "work folder (logs): $work" >&2' EXIT

uptime_start="$(uptime)"
log "load at start: $uptime_start"

log "building Release into $artifacts"
for project in bench/MuScore.LoadBench/MuScore.LoadBench.csproj src/MuScore.Server/MuScore.Server.csproj; do
    dotnet build "$repo/$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet >"$work/logs/build.log" 2>&1 \
        || { cat "$work/logs/build.log" >&2; die "build of $project failed"; }
done
loadbench=(dotnet "$artifacts/bin/MuScore.LoadBench/release/MuScore.LoadBench.dll")
muscore=(dotnet "$artifacts/bin/MuScore.Server/release/MuScore.Server.dll")
quiet=(--Logging:LogLevel:Default=Warning) # both servers log warnings only

if ! command -v h2load >/dev/null || ! command -v redis-server >/dev/null; then
    log "installing nghttp2-client (h2load) and redis-server"
    apt-get update -qq && apt-get install -y -qq nghttp2-client redis-server >/dev/null
fi

redis_port="$(free_port)"
start redis "$server_limit" redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no
wait_port redis "$redis_port"

# --- the load data set, published on SQLite with the in-process cache on ----------------------
db="$work/load.db"
sqlite_port="$(free_port)"
start muscore-sqlite "$server_limit" "${muscore[@]}" "--urls=http://127.0.0.1:$sqlite_port" \
    "--MuScore:Store:ConnectionString=Data Source=$db" "${quiet[@]}"
wait_port muscore-sqlite "$sqlite_port"
log "publishing $N enterprises and writing the h2load bodies"
timeout -k 5 600 "${loadbench[@]}" setup --server "http://127.0.0.1:$sqlite_port" --n "$N" --out "$data" | tee "$work/logs/setup.log"
capture="$(grep '^RESULT capture' "$work/logs/setup.log")"
response_bytes="$(result_field "$capture" response_bytes)"
hot_code="$(result_field "$capture" code)"

baseline_port="$(free_port)"
start baseline "$server_limit" "${loadbench[@]}" baseline --urls "http://127.0.0.1:$baseline_port" \
    --response "$data/getrating-response.bin" "${quiet[@]}"
wait_port baseline "$baseline_port"
head -1 "$work/logs/baseline.log" >&2

# scenario NAME PORT SERVER: warm-up, then ROUNDS alternating pairs against the baseline and the
# MuScore server SERVER on PORT; appends "NAME round server rps p50 p99 cpu_us" rows.
scenario() {
    local name="$1" port="$2" muscore_pid baseline_pid round first second target
    muscore_pid="$(pid_of "$3")"
    baseline_pid="$(pid_of baseline)"
    check "$baseline_port"; check "$port"
    h2load_run "$name-warmup-baseline" "$baseline_port" $((REQUESTS / 4)) "$baseline_pid" >/dev/null
    h2load_run "$name-warmup-muscore" "$port" $((REQUESTS / 4)) "$muscore_pid" >/dev/null
    for ((round = 1; round <= ROUNDS; round++)); do
        # Alternate who goes first, so neither always runs on the hotter (or quieter) machine.
        if ((round % 2)); then first=baseline; second=muscore; else first=muscore; second=baseline; fi
        for target in "$first" "$second"; do
            local target_port="$baseline_port" target_pid="$baseline_pid"
            [[ "$target" == muscore ]] && target_port="$port" && target_pid="$muscore_pid"
            local numbers
            numbers="$(h2load_run "$name-$round-$target" "$target_port" "$REQUESTS" "$target_pid")"
            check "$target_port"
            echo "$name $round $target $numbers" | tee -a "$work/rounds.txt" >&2
        done
    done
}

# batch PORT NAME: the BatchGetRatings latency line of one configuration.
batch() {
    timeout -k 5 600 "${loadbench[@]}" batch --server "http://127.0.0.1:$1" --codes "$data/codes.txt" \
        --n 1000 --calls "$BATCH_CALLS" --warmup "$BATCH_WARMUP" | tee "$work/logs/batch-$2.log" | grep '^RESULT batch'
}

uptime_cache="$(uptime)"
log "GetRating, in-process cache hit (load: $uptime_cache)"
scenario cache "$sqlite_port" muscore-sqlite
batch_cache="$(batch "$sqlite_port" cache)"
stop muscore-sqlite

# --- the same database behind Redis, in-process cache off ------------------------------------
redis_server_port="$(free_port)"
start muscore-redis "$server_limit" "${muscore[@]}" "--urls=http://127.0.0.1:$redis_server_port" \
    "--MuScore:Store:ConnectionString=Data Source=$db" --MuScore:Cache:Enabled=false \
    "--MuScore:Redis:ConnectionString=127.0.0.1:$redis_port" "${quiet[@]}"
wait_port muscore-redis "$redis_server_port"
uptime_redis="$(uptime)"
log "GetRating from Redis, in-process cache off (load: $uptime_redis)"
hits() { redis-cli -p "$redis_port" info stats | tr -d '\r' | sed -n 's/^keyspace_hits://p'; }
hits_before="$(hits)"
redis_ticks_before="$(cpu_ticks "$(pid_of redis)")"
scenario redis "$redis_server_port" muscore-redis
redis_ticks_after="$(cpu_ticks "$(pid_of redis)")"
hits_after="$(hits)"
batch_redis="$(batch "$redis_server_port" redis)"
stop muscore-redis
stop baseline
stop redis

# --- a 1M-enterprise publish on a fresh SQLite database --------------------------------------
publish_port="$(free_port)"
start muscore-publish "$server_limit" "${muscore[@]}" "--urls=http://127.0.0.1:$publish_port" \
    "--MuScore:Store:ConnectionString=Data Source=$work/publish.db" "${quiet[@]}"
wait_port muscore-publish "$publish_port"
uptime_publish="$(uptime)"
log "publishing $PUBLISH_N enterprises end to end (load: $uptime_publish)"
timeout -k 5 1800 "${loadbench[@]}" setup --server "http://127.0.0.1:$publish_port" --n "$PUBLISH_N" \
    --out "$work/publish" | tee "$work/logs/publish.log"
publish="$(grep '^RESULT publish' "$work/logs/publish.log")"
stop muscore-publish
uptime_end="$(uptime)"

source "$here/report.sh"
mkdir -p "$(dirname "$out")"
write_report >"$out"
cat "$out"
log "written to $out"

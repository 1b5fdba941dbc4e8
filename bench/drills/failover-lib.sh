# shellcheck shell=bash
# Helpers of the failover drills (cluster-failover.sh, sentinel-failover.sh). Sourced, not run.
# Reuses bench/load/lib.sh (start/stop of bounded background processes, free ports, percentiles).
# Each drill: Release build, a Redis topology on free loopback ports, one MuScore server on SQLite
# with the in-process cache off (every GetRating goes to Redis), N enterprises published, then
# GetRating under h2load for PHASE seconds before, during and after a failover.

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
artifacts="${ARTIFACTS:-/tmp/art-drills}"
REGION="${REGION:-370102}"
N="${N:-2000}"
PHASE="${PHASE:-15}"
CLIENTS="${CLIENTS:-4}"
STREAMS="${STREAMS:-8}"
server_limit=1800
work="$(mktemp -d /tmp/muscore-drill.XXXXXX)"
mkdir -p "$work/logs" "$work/h2load" "$work/redis"
data="$work/data"
source "$repo/bench/load/lib.sh"
trap 'stop_all; echo "work folder (logs): $work" >&2' EXIT

build() {
    command -v h2load >/dev/null || { apt-get update -qq && apt-get install -y -qq nghttp2-client >/dev/null; }
    log "building Release into $artifacts"
    for project in bench/MuScore.LoadBench/MuScore.LoadBench.csproj src/MuScore.Server/MuScore.Server.csproj; do
        dotnet build "$repo/$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet >"$work/logs/build.log" 2>&1 \
            || { cat "$work/logs/build.log" >&2; die "build of $project failed"; }
    done
    loadbench=(dotnet "$artifacts/bin/MuScore.LoadBench/release/MuScore.LoadBench.dll")
    muscore=(dotnet "$artifacts/bin/MuScore.Server/release/MuScore.Server.dll")
}

# redis_node NAME PORT ARGS...: a redis-server on 127.0.0.1:PORT, no persistence, its files in $work/redis.
redis_node() {
    local name="$1" port="$2"
    shift 2
    start "$name" "$server_limit" redis-server --port "$port" --bind 127.0.0.1 --dir "$work/redis" \
        --save '' --appendonly no --repl-diskless-sync-delay 0 "$@"
    wait_port "$name" "$port"
}

# serve REDIS_CONNECTION_STRING: the MuScore server on that Redis, N enterprises published; sets $url.
serve() {
    local port
    port="$(free_port)"
    start muscore "$server_limit" "${muscore[@]}" "--urls=http://127.0.0.1:$port" \
        "--MuScore:Store:ConnectionString=Data Source=$work/drill.db" --MuScore:Cache:Enabled=false \
        "--MuScore:Redis:ConnectionString=$1" --Logging:LogLevel:Default=Warning
    wait_port muscore "$port"
    url="http://127.0.0.1:$port"
    log "publishing $N enterprises of region $REGION"
    timeout -k 5 600 "${loadbench[@]}" setup --server "$url" --n "$N" --region "$REGION" --out "$data" --quote false >"$work/logs/setup.log"
    capture="$(grep '^RESULT capture' "$work/logs/setup.log")"
    # shellcheck disable=SC2034 # read by cluster-failover.sh
    hot_code="$(result_field "$capture" code)"
    rpc GetRating muscore.v1.RatingService/GetRating getrating "$(result_field "$capture" response_bytes)"
}

# keyspace_hits PORT...: INFO keyspace_hits summed over the nodes that answer.
keyspace_hits() {
    local port total=0 hits
    for port in "$@"; do
        hits="$(redis-cli -p "$port" info stats 2>/dev/null | tr -d '\r' | sed -n 's/^keyspace_hits://p')" || true
        total=$((total + ${hits:-0}))
    done
    echo "$total"
}

# load LABEL: GetRating under h2load for PHASE seconds (in the background; `finish LABEL` reports).
load() {
    timeout -k 5 $((PHASE + 120)) h2load -c"$CLIENTS" -m"$STREAMS" -D"$PHASE" \
        -H 'content-type: application/grpc' -H 'te: trailers' -d "${rpc_body[GetRating]}" \
        --log-file="$work/h2load/$1.log" "$url/${rpc_path[GetRating]}" >"$work/h2load/$1.txt" 2>&1 &
    h2load_pid=$!
}

# finish LABEL HITS_BEFORE PORT...: waits for the load and prints one table row. An error is a
# request that failed at HTTP level or got no rating (a gRPC error has no DATA: the answered bytes
# fall short of (5 + response size) per request).
finish() {
    local label="$1" before="$2"
    shift 2
    wait "$h2load_pid" || { cat "$work/h2load/$label.txt" >&2; die "h2load $label failed"; }
    local out="$work/h2load/$label.txt" total succeeded bytes answered rps
    total="$(sed -n 's/^requests: .* \([0-9]*\) done,.*/\1/p' "$out")"
    succeeded="$(sed -n 's/^requests: .* \([0-9]*\) succeeded.*/\1/p' "$out")"
    bytes="$(sed -n 's/^traffic: .*(\([0-9]*\)) data$/\1/p' "$out")"
    rps="$(sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' "$out")"
    answered=$((bytes / (5 + rpc_bytes[GetRating])))
    ((answered <= succeeded)) || answered="$succeeded"
    read -r p50 p99 < <(percentiles "$work/h2load/$label.log")
    printf '| %s | %s | %.0f | %s | %s | %s | %s |\n' "$label" "$total" "$rps" "$((total - answered))" "$p50" "$p99" "$(($(keyspace_hits "$@") - before))"
}

header() {
    echo "| phase | requests | req/s | errors | p50 ms | p99 ms | Redis key hits |"
    echo "|---|---|---|---|---|---|---|"
}

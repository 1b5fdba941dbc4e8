#!/usr/bin/env bash
# Load benchmark of the gRPC service (issue 3 part 8, issue 4 part 8, issue 8 item 7); docs/load-benchmark.md explains it.
# One run: build Release; start redis-server, a bare baseline gRPC server and MuScore's server on
# free loopback ports; drive GetRating and QuoteTariff on each with the same h2load settings (MuScore
# on SQLite with the in-process cache, then MuScore on Redis with the in-process cache off); measure
# BatchGetRatings of 1,000 codes with a .NET client in both; GetRating and QuoteTariff again over TLS
# with bearer tokens against the baseline over TLS (same certificate); time a billing run of 100,000
# QuoteTariffs quotes (cache cold and warm, sequential and parallel calls); publish a 1M-enterprise
# run; write docs/bench-results/load-<date>.md and print it. Every process is time-bounded and
# stopped at exit.
#
# usage: bench/load/run.sh                      (everything)
#        SCENARIOS=policy bench/load/run.sh     (QuoteTariff under h2load and the billing run only)
# env:   SCENARIOS   any of: getrating (GetRating under h2load, BatchGetRatings), policy (QuoteTariff
#                    under h2load, the billing run), tls (GetRating and QuoteTariff over TLS with a
#                    JWT, both servers over TLS), publish (the PUBLISH_N publish)
#                                                       (default "getrating policy tls publish")
#        ARTIFACTS   build output                       (default /tmp/art-load)
#        REGION      region of the load data set        (default 370102: shandong-2022 prices its electricity)
#        N           enterprises of the load data set   (default 100000: the billing run quotes BILLING_N of them)
#        PUBLISH_N   enterprises of the publish run     (default 1000000)
#        REQUESTS    requests per measured h2load run   (default 200000; warm-up runs send a quarter)
#        ROUNDS      baseline/MuScore pairs per scenario (default 5; the table shows medians)
#        CLIENTS, STREAMS  h2load -c and -m             (default 4 and 32)
#        BATCH_CALLS BatchGetRatings calls measured     (default 1000)
#        BATCH_WARMUP  calls before measuring           (default 300: lets the JIT finish tiering up
#                                                         the batch path, which GetRating load never ran)
#        METRICS     "off" runs every MuScore server without its /metrics meter provider (default on)
#        BILLING_N   enterprises quoted per billing run (default 100000)
#        BILLING_CALL_SIZE  quotes per QuoteTariffs call (default 2500, the most a call takes)
#        BILLING_PARALLEL   calls in flight, one server start each (default "1 2 4")
#        BILLING_WARM_RUNS  runs after the cold one     (default 3; the table shows the median)
#        OUT         result file                        (default docs/bench-results/load-<UTC date>.md, or
#                                                        load-<scenarios>-<UTC date>.md for some scenarios only)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
SCENARIOS="${SCENARIOS:-getrating policy tls publish}"
artifacts="${ARTIFACTS:-/tmp/art-load}"
REGION="${REGION:-370102}"
N="${N:-100000}"
PUBLISH_N="${PUBLISH_N:-1000000}"
REQUESTS="${REQUESTS:-200000}"
ROUNDS="${ROUNDS:-5}"
CLIENTS="${CLIENTS:-4}"
STREAMS="${STREAMS:-32}"
BATCH_CALLS="${BATCH_CALLS:-1000}"
BATCH_WARMUP="${BATCH_WARMUP:-300}"
BILLING_N="${BILLING_N:-100000}"
BILLING_CALL_SIZE="${BILLING_CALL_SIZE:-2500}"
BILLING_PARALLEL="${BILLING_PARALLEL:-1 2 4}"
BILLING_WARM_RUNS="${BILLING_WARM_RUNS:-3}"
# A run of some scenarios only names them: load-policy-<date>.md for SCENARIOS=policy.
if [[ "$(tr -s ' ' <<<" $SCENARIOS ")" == " getrating policy tls publish " ]]; then suffix=""; else suffix="$(tr -s ' ' '-' <<<"$SCENARIOS" | sed 's/^-//;s/-$//')-"; fi
out="${OUT:-$repo/docs/bench-results/load-$suffix$(date -u +%Y-%m-%d).md}"
server_limit=3600 # seconds any server may live

work="$(mktemp -d /tmp/muscore-load.XXXXXX)"
mkdir -p "$work/logs" "$work/h2load"
data="$work/data"
checks=0
source "$here/lib.sh"
for scenario in $SCENARIOS; do
    [[ "$scenario" =~ ^(getrating|policy|tls|publish)$ ]] || die "SCENARIOS: unknown '$scenario' (getrating, policy, tls, publish)"
done
if wants policy && ((N < BILLING_N)); then die "N=$N enterprises cannot feed a billing run of BILLING_N=$BILLING_N"; fi
# The databases go (the publish one holds a million ratings); logs and h2load output stay.
trap 'stop_all; rm -f "$work"/*.db "$work"/*.db-*; echo "work folder (logs): $work" >&2' EXIT

uptime_start="$(uptime)"
log "scenarios: $SCENARIOS; load at start: $uptime_start"

log "building Release into $artifacts"
for project in bench/MuScore.LoadBench/MuScore.LoadBench.csproj src/MuScore.Server/MuScore.Server.csproj; do
    dotnet build "$repo/$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet >"$work/logs/build.log" 2>&1 \
        || { cat "$work/logs/build.log" >&2; die "build of $project failed"; }
done
loadbench=(dotnet "$artifacts/bin/MuScore.LoadBench/release/MuScore.LoadBench.dll")
muscore=(dotnet "$artifacts/bin/MuScore.Server/release/MuScore.Server.dll")
quiet=(--Logging:LogLevel:Default=Warning) # both servers log warnings only
# Every MuScore server serves /metrics (on by default, as in production) on a free port of its own;
# METRICS=off turns the meter provider off, the A/B switch for what metrics cost.
metrics_url() { if [[ "${METRICS:-on}" == off ]]; then echo off; else echo "http://127.0.0.1:$(free_port)"; fi; }
# The web listener (HTTP/JSON, console; default 127.0.0.1:5081) is off: the load is gRPC, and two
# servers side by side would clash on its default port.

if ! command -v h2load >/dev/null || ! command -v redis-server >/dev/null; then
    log "installing nghttp2-client (h2load) and redis-server"
    apt-get update -qq && apt-get install -y -qq nghttp2-client redis-server >/dev/null
fi

# --- the load data set, published on SQLite with the in-process cache on ----------------------
db="$work/load.db"
if wants getrating || wants policy || wants tls; then
    redis_port="$(free_port)"
    start redis "$server_limit" redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no
    wait_port redis "$redis_port"

    sqlite_port="$(free_port)"
    start muscore-sqlite "$server_limit" "${muscore[@]}" "--urls=http://127.0.0.1:$sqlite_port" \
        "--MuScore:Store:ConnectionString=Data Source=$db" "${quiet[@]}" "--MuScore:Metrics:Url=$(metrics_url)" "--MuScore:Web:Url=off"
    wait_port muscore-sqlite "$sqlite_port"
    log "publishing $N enterprises of region $REGION and writing the h2load bodies"
    policy_setup=(--quote false)
    if wants policy; then policy_setup=(--quote true --billing-codes "$BILLING_N"); elif wants tls; then policy_setup=(--quote true); fi
    timeout -k 5 600 "${loadbench[@]}" setup --server "http://127.0.0.1:$sqlite_port" --n "$N" --region "$REGION" \
        --out "$data" "${policy_setup[@]}" | tee "$work/logs/setup.log"
    capture="$(grep '^RESULT capture' "$work/logs/setup.log")"
    hot_code="$(result_field "$capture" code)"
    rpc GetRating muscore.v1.RatingService/GetRating getrating "$(result_field "$capture" response_bytes)"
    baseline_quote=()
    if wants policy || wants tls; then
        quote_code="$(result_field "$capture" quote_code)"
        billing_date="$(result_field "$capture" billing_date)"
        quantity="$(result_field "$capture" quantity)"
        rpc QuoteTariff muscore.v1.PolicyService/QuoteTariff quotetariff "$(result_field "$capture" quote_bytes)"
        baseline_quote=(--quote "$data/quotetariff-response.bin")
    fi

    baseline_port="$(free_port)"
    start baseline "$server_limit" "${loadbench[@]}" baseline --urls "http://127.0.0.1:$baseline_port" \
        --response "$data/getrating-response.bin" "${baseline_quote[@]}" "${quiet[@]}"
    wait_port baseline "$baseline_port"
    head -1 "$work/logs/baseline.log" >&2
fi

# scenario NAME RPC URL SERVER [BASELINE_URL BASELINE]: warm-up, then ROUNDS alternating pairs of RPC
# load against the baseline (the h2c one unless named) and the MuScore server SERVER at URL; appends
# "NAME round server rps p50 p99 cpu_us" rows.
scenario() {
    local name="$1" rpc="$2" url="$3" base_url="${5:-http://127.0.0.1:$baseline_port}" muscore_pid baseline_pid round first second target
    muscore_pid="$(pid_of "$4")"
    baseline_pid="$(pid_of "${6:-baseline}")"
    check "$base_url" "$rpc"; check "$url" "$rpc"
    h2load_run "$name-warmup-baseline" "$base_url" $((REQUESTS / 4)) "$baseline_pid" "$rpc" >/dev/null
    h2load_run "$name-warmup-muscore" "$url" $((REQUESTS / 4)) "$muscore_pid" "$rpc" >/dev/null
    for ((round = 1; round <= ROUNDS; round++)); do
        # Alternate who goes first, so neither always runs on the hotter (or quieter) machine.
        if ((round % 2)); then first=baseline; second=muscore; else first=muscore; second=baseline; fi
        for target in "$first" "$second"; do
            local target_url="$base_url" target_pid="$baseline_pid"
            [[ "$target" == muscore ]] && target_url="$url" && target_pid="$muscore_pid"
            local numbers
            numbers="$(h2load_run "$name-$round-$target" "$target_url" "$REQUESTS" "$target_pid" "$rpc")"
            check "$target_url" "$rpc"
            echo "$name $round $target $numbers" | tee -a "$work/rounds.txt" >&2
        done
    done
}

# batch PORT NAME: the BatchGetRatings latency line of one configuration.
batch() {
    timeout -k 5 600 "${loadbench[@]}" batch --server "http://127.0.0.1:$1" --codes "$data/codes.txt" --region "$REGION" \
        --n 1000 --calls "$BATCH_CALLS" --warmup "$BATCH_WARMUP" | tee "$work/logs/batch-$2.log" | grep '^RESULT batch'
}

# --- the in-process cache scenarios -----------------------------------------------------------
if wants getrating; then
    uptime_cache="$(uptime)"
    log "GetRating, in-process cache hit (load: $uptime_cache)"
    scenario cache GetRating "http://127.0.0.1:$sqlite_port" muscore-sqlite
    batch_cache="$(batch "$sqlite_port" cache)"
fi
if wants policy; then
    uptime_quote_cache="$(uptime)"
    log "QuoteTariff, in-process cache hit (load: $uptime_quote_cache)"
    scenario quote-cache QuoteTariff "http://127.0.0.1:$sqlite_port" muscore-sqlite
fi
stop muscore-sqlite

# --- over TLS with bearer tokens: MuScore (TLS + JWT) against the baseline over TLS ---------------
# Same database, in-process cache on; both servers present the same certificate. The GetRating token
# holds ratings:read only, so MuScore answers the minimised rating: captured with that token, it is
# what the TLS baseline returns, so both servers send the same bytes.
if wants tls; then
    tls="$data/tls"
    timeout -k 5 120 "${loadbench[@]}" tls-setup --out "$tls" --regions "$REGION" | tee "$work/logs/tls-setup.log" >&2
    tls_ca="$tls/ca.pem"
    tls_settings=("--MuScore:Tls:CertificateFile=$tls/server.pem" "--MuScore:Tls:KeyFile=$tls/server.key.pem")
    tls_port="$(free_port)"
    start muscore-tls "$server_limit" "${muscore[@]}" "--urls=https://127.0.0.1:$tls_port" \
        "--MuScore:Store:ConnectionString=Data Source=$db" "${tls_settings[@]}" \
        "--MuScore:Auth:Jwt:PublicKeyFile=$tls/issuer.public.pem" "${quiet[@]}" "--MuScore:Metrics:Url=$(metrics_url)" "--MuScore:Web:Url=off"
    wait_port muscore-tls "$tls_port"
    timeout -k 5 120 "${loadbench[@]}" capture --server "https://127.0.0.1:$tls_port" --ca "$tls_ca" --token "$tls/token-ratings.txt" \
        --body "$data/getrating.bin" --out "$data/getrating-tls-response.bin" | tee "$work/logs/capture-tls.log" >&2
    rpc GetRating-tls muscore.v1.RatingService/GetRating getrating "$(result_field "$(grep '^RESULT capture' "$work/logs/capture-tls.log")" bytes)" \
        GetRating "$data/getrating-tls-response.bin" "$tls/token-ratings.txt"
    rpc QuoteTariff-tls muscore.v1.PolicyService/QuoteTariff quotetariff "${rpc_bytes[QuoteTariff]}" \
        QuoteTariff "$data/quotetariff-response.bin" "$tls/token-policy.txt"
    baseline_tls_port="$(free_port)"
    start baseline-tls "$server_limit" "${loadbench[@]}" baseline --urls "https://127.0.0.1:$baseline_tls_port" \
        --response "$data/getrating-tls-response.bin" --quote "$data/quotetariff-response.bin" "${tls_settings[@]}" "${quiet[@]}"
    wait_port baseline-tls "$baseline_tls_port"
    head -1 "$work/logs/baseline-tls.log" >&2

    uptime_tls="$(uptime)"
    log "GetRating over TLS with a ratings:read token (load: $uptime_tls)"
    scenario tls-getrating GetRating-tls "https://127.0.0.1:$tls_port" muscore-tls "https://127.0.0.1:$baseline_tls_port" baseline-tls
    uptime_tls_quote="$(uptime)"
    log "QuoteTariff over TLS with a policy:quote token (load: $uptime_tls_quote)"
    scenario tls-quote QuoteTariff-tls "https://127.0.0.1:$tls_port" muscore-tls "https://127.0.0.1:$baseline_tls_port" baseline-tls
    stop muscore-tls
    stop baseline-tls
fi

# --- the same database behind Redis, in-process cache off ------------------------------------
if wants getrating || wants policy; then
    redis_server_port="$(free_port)"
    start muscore-redis "$server_limit" "${muscore[@]}" "--urls=http://127.0.0.1:$redis_server_port" \
        "--MuScore:Store:ConnectionString=Data Source=$db" --MuScore:Cache:Enabled=false \
        "--MuScore:Redis:ConnectionString=127.0.0.1:$redis_port" "${quiet[@]}" "--MuScore:Metrics:Url=$(metrics_url)" "--MuScore:Web:Url=off"
    wait_port muscore-redis "$redis_server_port"
fi
hits() { redis-cli -p "$redis_port" info stats | tr -d '\r' | sed -n 's/^keyspace_hits://p'; }
# redis_scenario NAME RPC: the scenario on the Redis-backed server; sets redis_hits[NAME] and
# redis_cpu[NAME] (Redis's keyspace hits and CPU ticks during it).
declare -A redis_hits=() redis_cpu=()
redis_scenario() {
    local hits_before ticks_before
    hits_before="$(hits)"
    ticks_before="$(cpu_ticks "$(pid_of redis)")"
    scenario "$1" "$2" "http://127.0.0.1:$redis_server_port" muscore-redis
    redis_cpu[$1]=$(($(cpu_ticks "$(pid_of redis)") - ticks_before))
    redis_hits[$1]=$(($(hits) - hits_before))
}
if wants getrating; then
    uptime_redis="$(uptime)"
    log "GetRating from Redis, in-process cache off (load: $uptime_redis)"
    redis_scenario redis GetRating
    batch_redis="$(batch "$redis_server_port" redis)"
fi
if wants policy; then
    uptime_quote_redis="$(uptime)"
    log "QuoteTariff from Redis, in-process cache off (load: $uptime_quote_redis)"
    redis_scenario quote-redis QuoteTariff
fi
stop muscore-redis
stop baseline
stop redis

# --- billing runs: BILLING_N quotes through QuoteTariffs, cold then warm, one server start each ---
if wants policy; then
    uptime_billing="$(uptime)"
    for parallel in $BILLING_PARALLEL; do
        billing_port="$(free_port)"
        start "muscore-billing-$parallel" "$server_limit" "${muscore[@]}" "--urls=http://127.0.0.1:$billing_port" \
            "--MuScore:Store:ConnectionString=Data Source=$db" "${quiet[@]}" "--MuScore:Metrics:Url=$(metrics_url)" "--MuScore:Web:Url=off"
        wait_port "muscore-billing-$parallel" "$billing_port"
        log "billing $BILLING_N enterprises, $parallel QuoteTariffs calls in parallel: cold, then $BILLING_WARM_RUNS warm runs (load: $(uptime))"
        timeout -k 5 1200 "${loadbench[@]}" billing --server "http://127.0.0.1:$billing_port" --codes "$data/billing-codes.txt" \
            --region "$REGION" --billing-date "$billing_date" --n "$BILLING_N" --call-size "$BILLING_CALL_SIZE" \
            --parallel "$parallel" --runs $((1 + BILLING_WARM_RUNS)) --label "parallel-$parallel" \
            | tee "$work/logs/billing-$parallel.log" | grep '^RESULT billing' >>"$work/billing.txt" \
            || die "billing with $parallel calls in parallel failed (see $work/logs/billing-$parallel.log)"
        stop "muscore-billing-$parallel"
    done
fi

# --- a 1M-enterprise publish on a fresh SQLite database --------------------------------------
if wants publish; then
    publish_port="$(free_port)"
    start muscore-publish "$server_limit" "${muscore[@]}" "--urls=http://127.0.0.1:$publish_port" \
        "--MuScore:Store:ConnectionString=Data Source=$work/publish.db" "${quiet[@]}" "--MuScore:Metrics:Url=$(metrics_url)" "--MuScore:Web:Url=off"
    wait_port muscore-publish "$publish_port"
    uptime_publish="$(uptime)"
    log "publishing $PUBLISH_N enterprises end to end (load: $uptime_publish)"
    timeout -k 5 1800 "${loadbench[@]}" setup --server "http://127.0.0.1:$publish_port" --n "$PUBLISH_N" \
        --out "$work/publish" | tee "$work/logs/publish.log"
    publish="$(grep '^RESULT publish' "$work/logs/publish.log")"
    stop muscore-publish
fi
uptime_end="$(uptime)"

source "$here/report.sh"
mkdir -p "$(dirname "$out")"
write_report >"$out"
cat "$out"
log "written to $out"

# The markdown report of bench/load/run.sh. Sourced, not run: reads run.sh's variables,
# $work/rounds.txt ("scenario round server req/s p50_ms p99_ms cpu_us" per measured h2load run) and
# $work/billing.txt (the RESULT billing lines). Sections of scenarios not in SCENARIOS are left out.

# column SCENARIO SERVER FIELD: every round's value of FIELD (4 req/s, 5 p50, 6 p99, 7 CPU µs per request).
column() { awk -v s="$1" -v t="$2" -v f="$3" '$1 == s && $3 == t { print $f }' "$work/rounds.txt"; }

# get_row SCENARIO LABEL SERVER [TARGET_PERCENT]: one table row (medians); the MuScore row carries
# the ratio, and the verdict when there is a target.
get_row() {
    local scenario="$1" label="$2" server="$3" target="${4:-}"
    local rps p50 p99 cpu
    # shellcheck disable=SC2046 # one number per word is intended
    rps="$(median $(column "$scenario" "$server" 4))"
    # shellcheck disable=SC2046
    p50="$(median $(column "$scenario" "$server" 5))"
    # shellcheck disable=SC2046
    p99="$(median $(column "$scenario" "$server" 6))"
    # shellcheck disable=SC2046
    cpu="$(median $(column "$scenario" "$server" 7))"
    if [[ "$server" == baseline ]]; then
        echo "| $label | $(thousands "$rps") | $p50 | $p99 | 100% | | | $cpu | 100% |"
    else
        local base ratio base_cpu verdict="| none set |"
        # shellcheck disable=SC2046
        base="$(median $(column "$scenario" baseline 4))"
        # shellcheck disable=SC2046
        base_cpu="$(median $(column "$scenario" baseline 7))"
        ratio="$(percent "$rps" "$base")"
        [[ -n "$target" ]] && verdict="| ≥ $target% | $(at_least "$ratio" "$target")"
        echo "| $label | $(thousands "$rps") | $p50 | $p99 | **$ratio%** $verdict | $cpu | $(percent "$base_cpu" "$cpu")% |"
    fi
}

trim() { sed 's/^ *//' <<<"$1"; }

# uptime_line LABEL VARIABLE: a list item with the load before a step, when the step ran.
uptime_line() {
    if [[ -n "${!2:-}" ]]; then echo "- $1: \`$(trim "${!2}")\`"; fi
}

# per_request TICKS REQUESTS: CPU µs per request of TICKS clock ticks.
per_request() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v n="$2" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }'; }

# per_second COUNT SECONDS: a rate with thousands separators.
per_second() { thousands "$(awk -v n="$1" -v s="$2" 'BEGIN { print n / s }')"; }

batch_row() {
    local label="$1" line="$2" p99
    p99="$(result_field "$line" p99_ms)"
    echo "| $label | $(result_field "$line" calls) | $(result_field "$line" p50_ms) | **$p99** | $(result_field "$line" max_ms) | < 20 ms | $(below "$p99" 20) |"
}

# billing_field PARALLEL RUN KEY: KEY of one billing run (run 1 is the cold one).
billing_field() { result_field "$(grep " label=parallel-$1 run=$2 " "$work/billing.txt")" "$3"; }

# billing_row PARALLEL: the cold run, and the median of the warm runs.
billing_row() {
    local p="$1" run cold warm warm_s=() warm_max=()
    for ((run = 2; run <= 1 + BILLING_WARM_RUNS; run++)); do
        warm_s+=("$(billing_field "$p" "$run" wall_s)")
        warm_max+=("$(billing_field "$p" "$run" max_call_ms)")
    done
    cold="$(billing_field "$p" 1 wall_s)"
    warm="$(median "${warm_s[@]}")"
    echo "| $p | **$cold** | $(per_second "$BILLING_N" "$cold") | **$warm** | $(per_second "$BILLING_N" "$warm") | $(billing_field "$p" 1 max_call_ms) | $(median "${warm_max[@]}") |"
}

h2load_section() {
    local measured=$((REQUESTS / 4 + ROUNDS * REQUESTS)) name
    cat <<EOF
## GetRating and QuoteTariff under h2load

\`h2load -c$CLIENTS -m$STREAMS -n$REQUESTS\` (h2c, or h2 over TLS in the TLS rows; $((CLIENTS * STREAMS)) requests in flight), after a warm-up of
$((REQUESTS / 4)) requests per server; $ROUNDS rounds, baseline and MuScore alternating who goes first; medians.
The load data set is a published run of $N enterprises of region $REGION, 2024, and each scenario sends one
request over and over: one hot key.

EOF
    if wants getrating || wants tls; then
        echo "- **GetRating** asks for credit code $hot_code (a RATED enterprise with every item): a ${rpc_bytes[GetRating]}-byte rating."
    fi
    if wants policy || wants tls; then
        cat <<EOF
- **QuoteTariff** asks for the electricity surcharge of $quote_code (class D) on $billing_date (today in China,
  so the publication this run made is in force) for $quantity kWh: a ${rpc_bytes[QuoteTariff]}-byte QUOTED answer
  (shandong-2022, every candidate row, the amount, the rating used). MuScore's work per call: validating the
  request, finding the rating in force (the date's year and the three before it, newest first, through the
  cache), the policy engine, mapping the quote out.
EOF
    fi
    cat <<EOF

Every answer was checked: all requests of each run succeeded with exactly requests × (5 + answer size)
response bytes (no error answers), and 100 real gRPC calls before and after each run returned the captured
answer byte for byte ($checks checks). The baseline is a bare ASP.NET Core gRPC server with MuScore's
Kestrel and logging settings returning those same captured answers, serialized per call, with no validation
or cache. Latency is per request from h2load's log, so it includes queueing behind the others in flight.
"CPU µs/req" is the CPU time the server process used per request during the run (from /proc), and "CPU
efficiency" the baseline's CPU per request divided by MuScore's: a view of the same ratio that other load
on the machine disturbs much less than requests/s. The targets are judged on requests/s, as the issues state.

| scenario / server | requests/s | p50 ms | p99 ms | of baseline | target | met | CPU µs/req | CPU efficiency |
|---|---:|---:|---:|---:|---|---|---:|---:|
EOF
    if wants getrating; then
        get_row cache "**GetRating, in-process cache hit**: baseline" baseline
        get_row cache "MuScore, SQLite, in-process cache on" muscore 85
        get_row redis "**GetRating from Redis, in-process cache off**: baseline" baseline
        get_row redis "MuScore, SQLite + Redis, in-process cache off" muscore 50
    fi
    if wants policy; then
        get_row quote-cache "**QuoteTariff, in-process cache hit**: baseline" baseline
        get_row quote-cache "MuScore, SQLite, in-process cache on" muscore 80
        get_row quote-redis "**QuoteTariff from Redis, in-process cache off**: baseline" baseline
        get_row quote-redis "MuScore, SQLite + Redis, in-process cache off" muscore
    fi
    if wants tls; then
        get_row tls-getrating "**GetRating over TLS, token with ratings:read**: baseline over TLS" baseline
        get_row tls-getrating "MuScore over TLS + JWT, SQLite, in-process cache on" muscore 85
        get_row tls-quote "**QuoteTariff over TLS, token with policy:quote**: baseline over TLS" baseline
        get_row tls-quote "MuScore over TLS + JWT, SQLite, in-process cache on" muscore 80
    fi
    echo
    if wants tls; then tls_section; fi
    for name in redis quote-redis; do
        [[ -n "${redis_hits[$name]:-}" ]] || continue
        echo "Redis served the \`$name\` scenario: its \`keyspace_hits\` rose by ${redis_hits[$name]} during it, for $measured h2load"
        echo "requests to MuScore (plus the check calls); redis-server used $(per_request "${redis_cpu[$name]}" "$measured") µs CPU per request (not in MuScore's CPU column)."
        echo
    done
}

# tls_cost_row LABEL PLAIN TLS SERVER: requests/s and CPU per request of SERVER in the plaintext
# scenario PLAIN and the TLS scenario TLS (medians), and the TLS one as a share of the plaintext one.
tls_cost_row() {
    local label="$1" plain="$2" tls="$3" server="$4" rps_plain rps_tls cpu_plain cpu_tls
    # shellcheck disable=SC2046 # one number per word is intended
    rps_plain="$(median $(column "$plain" "$server" 4))"
    # shellcheck disable=SC2046
    rps_tls="$(median $(column "$tls" "$server" 4))"
    # shellcheck disable=SC2046
    cpu_plain="$(median $(column "$plain" "$server" 7))"
    # shellcheck disable=SC2046
    cpu_tls="$(median $(column "$tls" "$server" 7))"
    echo "| $label | $(thousands "$rps_plain") | $(thousands "$rps_tls") | $(percent "$rps_tls" "$rps_plain")% | $cpu_plain | $cpu_tls | $(awk -v a="$cpu_tls" -v b="$cpu_plain" 'BEGIN { printf "%+.1f", a - b }') |"
}

tls_section() {
    cat <<EOF
The TLS rows ($(cat "$work/tls-negotiated.txt" 2>/dev/null || echo "TLS")): both servers listen on https:// with the same
certificate (a P-256 server certificate of a CA made by \`tls-setup\`, from \`MuScore:Tls:CertificateFile\`
and \`KeyFile\`), and h2load opens its $CLIENTS connections once per run, so the handshakes are not in the numbers:
what TLS adds is encrypting and decrypting every frame. MuScore also authenticates the ES256 bearer token
(\`MuScore:Auth:Jwt:PublicKeyFile\`: the first call verifies it, later calls find it among the accepted tokens)
and checks the scope and region of every call. The tokens hold only the scope the RPC needs, so GetRating answers
the minimised rating (no figures: ${rpc_bytes[GetRating-tls]} bytes instead of ${rpc_bytes[GetRating]}), built per call; it was captured
with the same token and is what the TLS baseline returns, so both servers send the same bytes. h2load sends
\`authorization: Bearer …\` on every request to both servers (never HPACK-indexed by nghttp2, so both decode it
every time); the baseline ignores it.
The checks trust only the test CA and send the token.

EOF
    if wants getrating && wants policy; then
        cat <<EOF
What TLS (and, for MuScore, the token and the minimised answer) costs, from the same run: each server's
TLS scenario against its plaintext cache-hit scenario (medians; the scenarios ran minutes apart, so
requests/s also moves with the machine's load, CPU per request much less).

| RPC / server | h2c requests/s | TLS requests/s | TLS of h2c | h2c CPU µs/req | TLS CPU µs/req | TLS extra µs/req |
|---|---:|---:|---:|---:|---:|---:|
$(tls_cost_row "GetRating: baseline" cache tls-getrating baseline)
$(tls_cost_row "GetRating: MuScore (h2c: anonymous, full answer; TLS: token, minimised answer)" cache tls-getrating muscore)
$(tls_cost_row "QuoteTariff: baseline" quote-cache tls-quote baseline)
$(tls_cost_row "QuoteTariff: MuScore (h2c: anonymous; TLS: token)" quote-cache tls-quote muscore)

EOF
    fi
}

batch_section() {
    cat <<EOF
## BatchGetRatings of 1,000 codes (.NET client, sequential calls)

Calls after $BATCH_WARMUP warm-up calls; they rotate over up to 10 sets of 1,000 published codes, and every
answer is checked (1,000 ratings, in request order).

| configuration | calls | p50 ms | p99 ms | max ms | target | met |
|---|---:|---:|---:|---:|---|---|
$(batch_row "MuScore, SQLite, in-process cache on" "$batch_cache")
$(batch_row "MuScore, SQLite + Redis, in-process cache off" "$batch_redis")

EOF
}

billing_section() {
    local first p
    first="$(head -1 "$work/billing.txt")"
    cat <<EOF
## Billing run: $(thousands "$BILLING_N") enterprises through QuoteTariffs

One .NET client quotes the first $(thousands "$BILLING_N") enterprises of the data set (electricity, $billing_date, $quantity
kWh each) in calls of $(thousands "$BILLING_CALL_SIZE"), one call at a time or several in flight; wall time from the first request
sent to the last answer received (requests built before the clock starts). Every answer is checked as it
arrives: one quote per item in request order, each a consistent QUOTED, NONE_APPLIES or NO_RATING_IN_FORCE.
Each row is a fresh start of MuScore on the load database (SQLite, in-process cache on, no Redis): the
**cold** run is the first after the start (empty cache, ratings read from SQLite, code not yet JIT-tiered),
then $BILLING_WARM_RUNS **warm** runs on the same server (median shown). Statuses of the first run:
QUOTED $(result_field "$first" quoted), NONE_APPLIES $(result_field "$first" none_applies), NO_RATING_IN_FORCE $(result_field "$first" no_rating).

| calls in parallel | cold s | cold quotes/s | warm s | warm quotes/s | slowest call ms, cold | slowest call ms, warm |
|---:|---:|---:|---:|---:|---:|---:|
EOF
    for p in $BILLING_PARALLEL; do billing_row "$p"; done
    echo
    if [[ "$(tr ' ' '\n' <"$work/billing.txt" | grep -E '^(quoted|none_applies|no_rating)=' | paste -d' ' - - - | sort -u | wc -l)" == 1 ]]; then
        echo "Every billing run counted the same statuses."
    else
        echo "**The status counts differed between runs**: see the last table."
    fi
    echo
}

publish_section() {
    local total
    total="$(result_field "$publish" total_s)"
    cat <<EOF
## Publishing a run end to end (SQLite)

From the client's first SubmitRun message to the PublishRun reply; records generated beforehand, sent
in batches of 1,000.

| enterprises | SubmitRun s | PublishRun s | end to end s | target | met |
|---:|---:|---:|---:|---|---|
| $(thousands "$(result_field "$publish" n)") | $(result_field "$publish" submit_s) | $(result_field "$publish" publish_s) | **$total** | < 30 s | $(below "$total" 30) |

EOF
}

rounds_section() {
    cat <<EOF
## Every round

| scenario | round | server | requests/s | p50 ms | p99 ms | CPU µs/req |
|---|---:|---|---:|---:|---:|---:|
EOF
    awk '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }' "$work/rounds.txt"
    echo
}

billing_runs_section() {
    local line run
    cat <<EOF
## Every billing run

| calls in parallel | run | wall s | quotes/s | QUOTED | NONE_APPLIES | NO_RATING_IN_FORCE | mean call ms | slowest call ms |
|---:|---|---:|---:|---:|---:|---:|---:|---:|
EOF
    while read -r line; do
        run="$(result_field "$line" run)"
        [[ "$run" == 1 ]] && run="1 (cold)"
        echo "| $(result_field "$line" parallel) | $run | $(result_field "$line" wall_s) | $(thousands "$(result_field "$line" quotes_per_s)") | $(result_field "$line" quoted) | $(result_field "$line" none_applies) | $(result_field "$line" no_rating) | $(result_field "$line" mean_call_ms) | $(result_field "$line" max_call_ms) |"
    done <"$work/billing.txt"
}

write_report() {
    cat <<EOF
# Load benchmark, $(date -u '+%Y-%m-%d %H:%M') UTC

Produced by \`bench/load/run.sh\` (docs/load-benchmark.md) with SCENARIOS="$SCENARIOS". Machine: $(nproc) cores
shared by the servers, the load generator and whatever else ran; $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM;
$(dotnet --version | sed 's/^/.NET SDK /'); $(h2load --version | head -1); $(redis-server --version | cut -d' ' -f1-3).

Load on the machine (\`uptime\`; 2.0 means both cores busy on average):

EOF
    uptime_line start uptime_start
    uptime_line "before the GetRating cache scenario" uptime_cache
    uptime_line "before the QuoteTariff cache scenario" uptime_quote_cache
    uptime_line "before the GetRating TLS scenario" uptime_tls
    uptime_line "before the QuoteTariff TLS scenario" uptime_tls_quote
    uptime_line "before the GetRating Redis scenario" uptime_redis
    uptime_line "before the QuoteTariff Redis scenario" uptime_quote_redis
    uptime_line "before the billing runs" uptime_billing
    uptime_line "before the publish" uptime_publish
    uptime_line end uptime_end
    echo
    if wants getrating || wants policy || wants tls; then h2load_section; fi
    if wants getrating; then batch_section; fi
    if wants policy; then billing_section; fi
    if wants publish; then publish_section; fi
    if wants getrating || wants policy || wants tls; then rounds_section; fi
    if wants policy; then billing_runs_section; fi
}

# The markdown report of bench/load/run.sh. Sourced, not run: reads run.sh's variables and
# $work/rounds.txt ("scenario round server req/s p50_ms p99_ms cpu_us" per measured h2load run).

# column SCENARIO SERVER FIELD: every round's value of FIELD (4 req/s, 5 p50, 6 p99, 7 CPU µs per request).
column() { awk -v s="$1" -v t="$2" -v f="$3" '$1 == s && $3 == t { print $f }' "$work/rounds.txt"; }

# get_row SCENARIO LABEL SERVER TARGET_PERCENT: one table row (medians); the MuScore row carries the ratio.
get_row() {
    local scenario="$1" label="$2" server="$3" target="$4"
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
        local base ratio base_cpu
        # shellcheck disable=SC2046
        base="$(median $(column "$scenario" baseline 4))"
        # shellcheck disable=SC2046
        base_cpu="$(median $(column "$scenario" baseline 7))"
        ratio="$(percent "$rps" "$base")"
        echo "| $label | $(thousands "$rps") | $p50 | $p99 | **$ratio%** | ≥ $target% | $(at_least "$ratio" "$target") | $cpu | $(percent "$base_cpu" "$cpu")% |"
    fi
}

trim() { sed 's/^ *//' <<<"$1"; }

batch_row() {
    local label="$1" line="$2" p99
    p99="$(result_field "$line" p99_ms)"
    echo "| $label | $(result_field "$line" calls) | $(result_field "$line" p50_ms) | **$p99** | $(result_field "$line" max_ms) | < 20 ms | $(below "$p99" 20) |"
}

write_report() {
    local total measured
    total="$(result_field "$publish" total_s)"
    measured=$((REQUESTS / 4 + ROUNDS * REQUESTS))
    cat <<EOF
# Load benchmark, $(date -u '+%Y-%m-%d %H:%M') UTC

Produced by \`bench/load/run.sh\` (docs/load-benchmark.md). Machine: $(nproc) cores shared by the
servers, the load generator and whatever else ran; $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM;
$(dotnet --version | sed 's/^/.NET SDK /'); $(h2load --version | head -1); $(redis-server --version | cut -d' ' -f1-3).

Load on the machine (\`uptime\`; 2.0 means both cores busy on average):

- start: \`$(trim "$uptime_start")\`
- before the cache scenario: \`$(trim "$uptime_cache")\`
- before the Redis scenario: \`$(trim "$uptime_redis")\`
- before the publish: \`$(trim "$uptime_publish")\`
- end: \`$(trim "$uptime_end")\`

## GetRating under h2load

\`h2load -c$CLIENTS -m$STREAMS -n$REQUESTS\` (h2c, $((CLIENTS * STREAMS)) requests in flight), after a warm-up of
$((REQUESTS / 4)) requests per server; $ROUNDS rounds, baseline and MuScore alternating who goes first; medians.
Every request asks for the same credit code ($hot_code, region 331082, 2024) of a published run of
$N enterprises: one hot key. Every answer was checked: all $REQUESTS requests of each run succeeded with
exactly $REQUESTS × $((5 + response_bytes)) response bytes (one $response_bytes-byte rating each, no error answers), and
100 real gRPC calls before and after each run returned the captured response byte for byte ($checks checks).
The baseline is a bare ASP.NET Core gRPC server with MuScore's Kestrel and logging settings returning those
same $response_bytes bytes. Latency is per request from h2load's log, so it includes queueing behind the others in flight.
"CPU µs/req" is the CPU time the server process used per request during the run (from /proc), and "CPU
efficiency" the baseline's CPU per request divided by MuScore's: a view of the same ratio that other load
on the machine disturbs much less than requests/s. The targets are judged on requests/s, as the issue states.

| scenario / server | requests/s | p50 ms | p99 ms | of baseline | target | met | CPU µs/req | CPU efficiency |
|---|---:|---:|---:|---:|---|---|---:|---:|
$(get_row cache "**in-process cache hit**: baseline" baseline 85)
$(get_row cache "MuScore, SQLite, in-process cache on" muscore 85)
$(get_row redis "**from Redis, in-process cache off**: baseline" baseline 50)
$(get_row redis "MuScore, SQLite + Redis, in-process cache off" muscore 50)

Redis served the second scenario: its \`keyspace_hits\` rose by $((hits_after - hits_before)) during it, for
$measured h2load requests to MuScore (plus the check calls). redis-server itself used
$(awk -v t=$((redis_ticks_after - redis_ticks_before)) -v hz="$(getconf CLK_TCK)" -v n="$measured" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }') µs CPU per request (not in MuScore's CPU column).

## BatchGetRatings of 1,000 codes (.NET client, sequential calls)

Calls after $BATCH_WARMUP warm-up calls; they rotate over up to 10 sets of 1,000 published codes, and every
answer is checked (1,000 ratings, in request order).

| configuration | calls | p50 ms | p99 ms | max ms | target | met |
|---|---:|---:|---:|---:|---|---|
$(batch_row "MuScore, SQLite, in-process cache on" "$batch_cache")
$(batch_row "MuScore, SQLite + Redis, in-process cache off" "$batch_redis")

## Publishing a run end to end (SQLite)

From the client's first SubmitRun message to the PublishRun reply; records generated beforehand, sent
in batches of 1,000.

| enterprises | SubmitRun s | PublishRun s | end to end s | target | met |
|---:|---:|---:|---:|---|---|
| $(thousands "$(result_field "$publish" n)") | $(result_field "$publish" submit_s) | $(result_field "$publish" publish_s) | **$total** | < 30 s | $(below "$total" 30) |

## Every round

| scenario | round | server | requests/s | p50 ms | p99 ms | CPU µs/req |
|---|---:|---|---:|---:|---:|---:|
$(awk '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }' "$work/rounds.txt")
EOF
}

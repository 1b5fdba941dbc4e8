# Helpers of bench/load/run.sh: bounded background processes, h2load runs and their numbers.
# Sourced, not run. Expects $work, $data, $loadbench (command array), SCENARIOS, CLIENTS, STREAMS.
# Servers are named by base URL (http://127.0.0.1:PORT for h2c, https://127.0.0.1:PORT for TLS).

declare -A started=() # name -> pid of every background process this run started
# The RPCs under load, by name (GetRating, QuoteTariff): path, h2load body file, expected answer file
# and its size in bytes. Filled by `rpc` once `setup` has captured the answers.
declare -A rpc_path=() rpc_body=() rpc_expect=() rpc_bytes=() rpc_method=() rpc_token=()
# The CA the checking client trusts over https (tls-setup's ca.pem); set by run.sh for the tls scenario.
tls_ca=""

# wants SCENARIO: whether SCENARIOS lists it.
wants() { [[ " $SCENARIOS " == *" $1 "* ]]; }

# rpc NAME PATH FILE_STEM BYTES [METHOD EXPECT_FILE TOKEN_FILE]: registers an RPC the scenarios
# drive; its request is $data/STEM.bin and the real server's answer $data/STEM-response.bin (BYTES
# long). A variant of an RPC (the TLS load's GetRating, answered to a token without ratings:figures)
# names its method for `check` (GetRating, QuoteTariff), its own expected answer and the file of
# the bearer token sent with every request.
rpc() {
    ((${4:-0} > 0)) || die "setup captured no $1 answer"
    rpc_path[$1]="$2"
    rpc_body[$1]="$data/$3.bin"
    rpc_expect[$1]="${6:-$data/$3-response.bin}"
    rpc_bytes[$1]="$4"
    rpc_method[$1]="${5:-$1}"
    rpc_token[$1]="${7:-}"
}

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

# start NAME SECONDS CMD...: runs CMD in the background under `timeout`, output in $work/logs/NAME.log.
start() {
    local name="$1" limit="$2"
    shift 2
    timeout -k 10 "$limit" "$@" >"$work/logs/$name.log" 2>&1 &
    started[$name]=$!
}

# stop NAME: ends one process this run started (timeout passes the TERM on to its command).
stop() {
    local pid="${started[$1]:-}"
    [[ -n "$pid" ]] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    unset "started[$1]"
}

stop_all() {
    local name
    for name in "${!started[@]}"; do stop "$name"; done
}

# wait_port NAME PORT: until PORT on 127.0.0.1 accepts connections (60 s at most, and while NAME lives).
wait_port() {
    local name="$1" port="$2" i
    for ((i = 0; i < 600; i++)); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
        kill -0 "${started[$name]}" 2>/dev/null || { cat "$work/logs/$name.log" >&2; die "$name exited before listening"; }
        sleep 0.1
    done
    cat "$work/logs/$name.log" >&2
    die "$name does not listen on port $port after 60 s"
}

free_port() { "${loadbench[@]}" free-port; }

# security_options URL RPC: the checking client's --ca and --token for an https URL.
security_options() {
    [[ "$1" == https://* ]] || return 0
    echo --ca "$tls_ca"
    [[ -z "${rpc_token[$2]}" ]] || echo --token "${rpc_token[$2]}"
}

# check URL RPC: 100 real gRPC calls of RPC, each answer byte-identical to the captured response
# (over https trusting tls_ca only and with the RPC's token).
check() {
    # shellcheck disable=SC2046 # the options are words
    timeout -k 5 120 "${loadbench[@]}" check --server "$1" --rpc "${rpc_method[$2]}" $(security_options "$1" "$2") \
        --body "${rpc_body[$2]}" --expect "${rpc_expect[$2]}" --calls 100 >>"$work/logs/checks.log" \
        || die "the $2 check against $1 failed (see $work/logs/checks.log)"
    checks=$((checks + 1))
}

# percentiles LOG: "p50_ms p99_ms" of the OK requests of an h2load --log-file (µs in column 3, nearest rank).
percentiles() {
    awk -F'\t' '$2 == 200 { print $3 }' "$1" | sort -n | awk '
        { v[NR] = $1 }
        END {
            if (NR == 0) { print "nan nan"; exit }
            i50 = int(NR * 0.50); if (i50 < NR * 0.50) i50++; if (i50 < 1) i50 = 1
            i99 = int(NR * 0.99); if (i99 < NR * 0.99) i99++; if (i99 < 1) i99 = 1
            printf "%.2f %.2f\n", v[i50] / 1000, v[i99] / 1000
        }'
}

# pid_of NAME: the process `timeout` runs for NAME (the server itself).
pid_of() { pgrep -P "${started[$1]}" | head -1; }

# cpu_ticks PID: user + system CPU time of PID so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# h2load_run LABEL URL REQUESTS PID RPC: RPC load at the one concurrency of this run; prints
# "req/s p50_ms p99_ms cpu_us": cpu_us is the CPU time the server process PID spent per request, a
# measure of its own cost that other load on the machine disturbs far less than requests/s.
# Fails unless every request succeeded AND carried the full expected response: h2load counts HTTP
# statuses only, and a gRPC error is a trailers-only answer with no DATA, so the DATA byte count must
# be exactly REQUESTS x (5-byte prefix + captured response size). Over https h2load verifies no
# certificate (it has no option to); the `check` before and after each run does, against tls_ca.
h2load_run() {
    local label="$1" url="$2" requests="$3" pid="$4" rpc="$5"
    local out="$work/h2load/$label.txt" log="$work/h2load/$label.log" ticks_before ticks_after bearer=()
    [[ -z "${rpc_token[$rpc]}" ]] || bearer=(-H "authorization: Bearer $(cat "${rpc_token[$rpc]}")")
    ticks_before="$(cpu_ticks "$pid")"
    timeout -k 5 600 h2load -c"$CLIENTS" -m"$STREAMS" -n"$requests" \
        -H 'content-type: application/grpc' -H 'te: trailers' "${bearer[@]}" -d "${rpc_body[$rpc]}" \
        --log-file="$log" "$url/${rpc_path[$rpc]}" >"$out" 2>&1 \
        || { cat "$out" >&2; die "h2load $label failed"; }
    ticks_after="$(cpu_ticks "$pid")"
    local rps succeeded bytes expected
    rps="$(sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' "$out")"
    succeeded="$(sed -n 's/^requests: .* \([0-9]*\) succeeded.*/\1/p' "$out")"
    bytes="$(sed -n 's/^traffic: .*(\([0-9]*\)) data$/\1/p' "$out")"
    expected=$((requests * (5 + ${rpc_bytes[$rpc]})))
    [[ "$succeeded" == "$requests" ]] || { cat "$out" >&2; die "h2load $label: $succeeded of $requests succeeded"; }
    [[ "$bytes" == "$expected" ]] || { cat "$out" >&2; die "h2load $label: $bytes response bytes, expected $expected (some answers were not the captured $rpc answer)"; }
    # What the TLS runs negotiated, for the report.
    [[ "$url" != https://* ]] || grep -E '^(TLS Protocol|Cipher|Server Temp Key):' "$out" | paste -sd';' | sed 's/;/, /g' >"$work/tls-negotiated.txt"
    echo "$rps $(percentiles "$log") $(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
        'BEGIN { printf "%.1f", t * 1e6 / hz / n }')"
    rm -f "$log"
}

# median X...: the median (mean of the middle two for an even count).
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# result_field LINE KEY: the value of KEY=value in a "RESULT ..." line.
result_field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }

# Number formatting for the table.
thousands() { printf '%.0f' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
percent() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", 100 * a / b }'; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { print (a >= b) ? "yes" : "**no**" }'; }
below() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b) ? "yes" : "**no**" }'; }

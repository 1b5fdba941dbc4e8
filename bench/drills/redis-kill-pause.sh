#!/usr/bin/env bash
# Redis outage drill (issue 9 item 2); docs/caching.md records its figures.
# Starts its own redis-server and a real MuScore server (SQLite, in-process rating cache off, so every
# GetRating asks Redis) on free loopback ports, publishes a small data set, then drives GetRating with
# h2load through four phases, each a fresh h2load run of DURATION seconds with one event AT seconds in:
#   healthy  nothing happens (the reference)
#   kill     redis-server is killed with SIGKILL (connections refused at once)
#   restart  redis-server is started again on the same port, empty
#   pause    redis-server is frozen with SIGSTOP (connections open, nothing answered), SIGCONT at the end
# For each phase it prints the requests started in the first WINDOW seconds after the event, their
# p50/p99 latency and the errors: any non-200 status in the window, plus every answer of the whole
# run that was not the full expected GetRating answer (h2load counts HTTP statuses only; a gRPC
# error is a 200 with no DATA, so the DATA byte count must be exactly requests x answer size).
#
# usage: bench/drills/redis-kill-pause.sh
# env:   ARTIFACTS  build output                (default /tmp/art-drill)
#        N          enterprises published       (default 1000)
#        DURATION   seconds of load per phase   (default 12)
#        AT         seconds of load before the event (default 3)
#        WINDOW     seconds measured after the event (default 5)
#        CLIENTS, STREAMS  h2load -c and -m     (default 2 and 4: 8 calls in flight, so latency shows what
#                   a call waits for, not a queue; the database fallback serves fewer calls a second than Redis)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
artifacts="${ARTIFACTS:-/tmp/art-drill}"
N="${N:-1000}"
DURATION="${DURATION:-12}"
AT="${AT:-3}"
WINDOW="${WINDOW:-5}"
CLIENTS="${CLIENTS:-2}"
STREAMS="${STREAMS:-4}"
REGION=331082
((AT + WINDOW < DURATION)) || { echo "AT + WINDOW must be under DURATION" >&2; exit 1; }

work="$(mktemp -d /tmp/muscore-drill.XXXXXX)"
mkdir -p "$work/logs" "$work/h2load"
data="$work/data"
source "$repo/bench/load/lib.sh"
# A frozen Redis would outlive the drill: thaw it before stopping everything.
thaw() { [[ -n "${started[redis]:-}" ]] && kill -CONT "$(pid_of redis)" 2>/dev/null || true; }
trap 'thaw; stop_all; echo "work folder (logs): $work" >&2' EXIT

for tool in h2load redis-server; do command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install nghttp2-client redis-server)"; done

log "building Release into $artifacts"
for project in bench/MuScore.LoadBench/MuScore.LoadBench.csproj src/MuScore.Server/MuScore.Server.csproj; do
    dotnet build "$repo/$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet >"$work/logs/build.log" 2>&1 \
        || { cat "$work/logs/build.log" >&2; die "build of $project failed"; }
done
loadbench=(dotnet "$artifacts/bin/MuScore.LoadBench/release/MuScore.LoadBench.dll")
muscore=(dotnet "$artifacts/bin/MuScore.Server/release/MuScore.Server.dll")

redis_port="$(free_port)"
start_redis() {
    start redis 600 redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no
    wait_port redis "$redis_port"
}
start_redis
server_port="$(free_port)"
start muscore 600 "${muscore[@]}" "--urls=http://127.0.0.1:$server_port" "--MuScore:Store:ConnectionString=Data Source=$work/drill.db" \
    --MuScore:Cache:Enabled=false "--MuScore:Redis:ConnectionString=127.0.0.1:$redis_port" --Logging:LogLevel:Default=Warning
wait_port muscore "$server_port"
url="http://127.0.0.1:$server_port"

log "publishing $N enterprises of region $REGION"
timeout -k 5 300 "${loadbench[@]}" setup --server "$url" --n "$N" --region "$REGION" --out "$data" --quote false >"$work/logs/setup.log"
capture="$(grep '^RESULT capture' "$work/logs/setup.log")"
bytes="$(result_field "$capture" response_bytes)"
((bytes > 0)) || die "setup captured no GetRating answer"

# window_numbers LOG FROM_US: "requests non200 p50_ms p99_ms max_ms" of the requests started in [FROM, FROM + WINDOW s).
window_numbers() {
    awk -F'\t' -v from="$2" -v to="$(($2 + WINDOW * 1000000))" '$1 >= from && $1 < to { print $2 "\t" $3 }' "$1" | sort -t$'\t' -k2,2n | awk -F'\t' '
        { v[NR] = $2; if ($1 != 200) bad++ }
        END {
            if (NR == 0) { print "0 0 nan nan nan"; exit }
            i50 = int(NR * 0.50); if (i50 < NR * 0.50) i50++; if (i50 < 1) i50 = 1
            i99 = int(NR * 0.99); if (i99 < NR * 0.99) i99++; if (i99 < 1) i99 = 1
            printf "%d %d %.1f %.1f %.1f\n", NR, bad + 0, v[i50] / 1000, v[i99] / 1000, v[NR] / 1000
        }'
}

# phase NAME EVENT_COMMAND: one h2load run of DURATION s with EVENT_COMMAND AT s in; prints the phase's row.
phase() {
    local name="$1" event="$2" out="$work/h2load/$1.txt" log="$work/h2load/$1.log" h2pid event_us
    timeout -k 5 $((DURATION + 60)) h2load -c"$CLIENTS" -m"$STREAMS" -D "$DURATION" \
        -H 'content-type: application/grpc' -H 'te: trailers' -d "$data/getrating.bin" \
        --log-file="$log" "$url/muscore.v1.RatingService/GetRating" >"$out" 2>&1 &
    h2pid=$!
    sleep "$AT"
    event_us="$(date +%s%6N)"
    $event
    wait "$h2pid" || { cat "$out" >&2; die "h2load $name failed"; }
    local total succeeded data_bytes wrong
    total="$(sed -n 's/^requests: \([0-9]*\) total.*/\1/p' "$out")"
    succeeded="$(sed -n 's/^requests: .* \([0-9]*\) succeeded.*/\1/p' "$out")"
    data_bytes="$(sed -n 's/^traffic: .*(\([0-9]*\)) data$/\1/p' "$out")"
    # Answers missing from the DATA bytes: gRPC errors (or truncated answers) among the 200s.
    wrong=$((succeeded - data_bytes / (5 + bytes)))
    ((data_bytes % (5 + bytes) == 0)) || wrong=$((wrong + 1))
    read -r requests non200 p50 p99 max < <(window_numbers "$log" "$event_us")
    printf '%-8s %9s %8s %8s %8s %8s %11s %13s\n' "$name" "$requests" "$non200" "$p50" "$p99" "$max" "$((total - succeeded + wrong))" "$total"
}

nothing() { :; }
# SIGKILL to redis-server itself (stop would send TERM, a clean shutdown), then reap its timeout.
kill_redis() { kill -KILL "$(pid_of redis)"; stop redis; }
restart_redis() { start_redis; }
pause_redis() { kill -STOP "$(pid_of redis)"; }

load_start="$(uptime)"
log "phases: $DURATION s of GetRating load each (h2load -c$CLIENTS -m$STREAMS), event at $AT s, first $WINDOW s after it measured"
printf '%-8s %9s %8s %8s %8s %8s %11s %13s\n' phase requests non-200 p50_ms p99_ms max_ms 'errors(run)' 'requests(run)'
phase healthy nothing
phase kill kill_redis
phase restart restart_redis
phase pause pause_redis
thaw
log "load at start: $load_start; at end: $(uptime)"

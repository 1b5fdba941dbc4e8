#!/usr/bin/env bash
# `muscore publish` of a million rows, end to end, into SQLite (issue 10: <= 10 s).
#
# Builds the command line in Release, writes ROWS sample rows of one region (`muscore sample
# --regions 331082`, seed 42, year 2024; its usual share of bad rows), starts `muscore serve` on a
# free loopback port (no web or metrics listener: their fixed ports may be another server's) with
# a fresh temporary SQLite file, and times `muscore publish` from its start until it exits with
# the publication committed. Prints the seconds and the peak RSS of both
# processes (GNU time's "Maximum resident set size") and their CPU seconds, and the server's own timings of each step
# (logged at Debug by MuScore.Server's upload timer).
#
# usage: bench/publish-1m.sh [ROWS]          (default 1000000)
# env:   ARTIFACTS  build output folder      (default /tmp/art-publish-1m)
#        MUSCORE_DLL  an already built muscore.dll to use instead of building
#        KEEP=1     keep the work folder (the CSV, the database, both logs)
set -euo pipefail

rows="${1:-1000000}"
artifacts="${ARTIFACTS:-/tmp/art-publish-1m}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/muscore-publish.XXXXXX)"
server_pid=""
# The signal goes to the server GNU time runs (its only child); SIGTERM, since a background job ignores SIGINT.
stop_server() {
    pkill -TERM -P "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}
cleanup() {
    if [[ -n "$server_pid" ]]; then stop_server; fi
    if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT

if [[ -n "${MUSCORE_DLL:-}" ]]; then
    muscore=(dotnet "$MUSCORE_DLL")
else
    echo "== building the command line (Release) into $artifacts"
    dotnet build "$repo/src/MuScore.Cli/MuScore.Cli.csproj" -c Release --artifacts-path "$artifacts" -nologo -v quiet >/dev/null
    muscore=(dotnet "$artifacts/bin/MuScore.Cli/release/muscore.dll")
fi

echo "== writing $rows rows of region 331082"
"${muscore[@]}" sample --n "$rows" --seed 42 --year 2024 --regions 331082 --out "$work/input.csv" >/dev/null

# A free loopback port: bind port 0, read what the kernel gave, release it.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
echo "== starting muscore serve on 127.0.0.1:$port (store $work/muscore.db)"
# GNU time wraps the server so its peak RSS is printed when it stops. No web listener: it has a
# fixed default port, which two of these scripts running at once would both ask for.
# The Debug level of the upload handler logs the server's time per step (read, rate, store).
/usr/bin/time -v -o "$work/server.time" env 'Logging__LogLevel__MuScore.Server.Services.EvaluationGrpcService=Debug' \
    "${muscore[@]}" serve --urls "http://127.0.0.1:$port" --metrics off --web off \
    --connection-string "Data Source=$work/muscore.db" >"$work/server.log" 2>&1 &
server_pid=$!
for ((i = 0; i < 600; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "the server exited" >&2; exit 1; }
    sleep 0.1
done

echo "== publishing; load before: $(uptime)"
start=$(date +%s.%N)
/usr/bin/time -v -o "$work/publish.time" "${muscore[@]}" publish --server "http://127.0.0.1:$port" \
    --input "$work/input.csv" --scheme zj-standard --region 331082 --year 2024 >"$work/publish.out" 2>"$work/publish.err"
end=$(date +%s.%N)
echo "== load after: $(uptime)"
head -n 9 "$work/publish.out"
grep '^published' "$work/publish.out"

stop_server

rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2 / 1024}' "$1"; }
awk -v s="$start" -v e="$end" 'BEGIN { printf "publish, end to end:  %.2f s\n", e - s }'
echo "peak RSS, publish:    $(rss "$work/publish.time")"
echo "peak RSS, serve:      $(rss "$work/server.time")"
# CPU seconds (user + sys) compare builds better than wall time on a loaded machine.
cpu() { awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f s (user %.2f + sys %.2f)", u + s, u, s}' "$1"; }
echo "CPU, publish:         $(cpu "$work/publish.time")"
echo "CPU, serve:           $(cpu "$work/server.time")"
if grep -q 'upload timing' "$work/server.log"; then
    echo "== the server's steps"
    grep 'upload timing' -A1 "$work/server.log" | sed 's/^ *//'
fi

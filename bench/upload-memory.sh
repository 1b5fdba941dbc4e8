#!/usr/bin/env bash
# The server's resident memory around one large SubmitRun (issue 8 part 5). Targets: a
# 1,000,000-record upload peaks at <= 1.2 GB server RSS, and 60 s after the call the server's RSS
# is within 300 MB of what it was before.
#
# Builds the server and bench/MuScore.LoadBench in Release, starts the real server (Server GC, as
# src/MuScore.Server.csproj sets it) as its own process on a free loopback port with a fresh SQLite
# file, and lets `MuScore.LoadBench upload-memory` stream ROWS generated records (SampleGenerator,
# seed 42, region 331082, the records `muscore sample` writes) to it while sampling the server's
# /proc/PID/status.
#
# usage: bench/upload-memory.sh [ROWS]      (default 1000000)
# env:   ARTIFACTS  build output folder    (default /tmp/art-upload)
#        AFTER      seconds watched after the call (default 60)
#        SERVER_ARGS  extra server arguments, e.g. "--MuScore:Limits:MaxRunBytes=1073741824"
set -euo pipefail

rows="${1:-1000000}"
after="${AFTER:-60}"
artifacts="${ARTIFACTS:-/tmp/art-upload}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/muscore-upload.XXXXXX)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "== building Release into $artifacts"
for project in src/MuScore.Server/MuScore.Server.csproj bench/MuScore.LoadBench/MuScore.LoadBench.csproj; do
    dotnet build "$repo/$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet
done
loadbench=(dotnet "$artifacts/bin/MuScore.LoadBench/release/MuScore.LoadBench.dll")
port="$("${loadbench[@]}" free-port)"

echo "== starting the server on 127.0.0.1:$port (store $work/muscore.db)"
# shellcheck disable=SC2086 # SERVER_ARGS is a list of arguments
dotnet "$artifacts/bin/MuScore.Server/release/MuScore.Server.dll" \
    --urls="http://127.0.0.1:$port" \
    "--MuScore:Store:ConnectionString=Data Source=$work/muscore.db" \
    --Logging:LogLevel:Default=Warning ${SERVER_ARGS:-} >"$work/server.log" 2>&1 &
server_pid=$!
for ((i = 0; i < 600; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "the server exited" >&2; exit 1; }
    sleep 0.1
done

echo "== streaming $rows records; load before: $(uptime)"
"${loadbench[@]}" upload-memory --server "http://127.0.0.1:$port" --pid "$server_pid" --n "$rows" --after "$after"
echo "== load after: $(uptime)"
if [[ -s "$work/server.log" ]]; then
    echo "== server log"
    cat "$work/server.log"
fi

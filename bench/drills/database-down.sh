#!/usr/bin/env bash
# Drill: PostgreSQL down under a serving MuScore (issue 9 item 9; docs/operations-drills.md).
# Starts a private PostgreSQL, Redis and one server; publishes a sample; reads it for WARMUP
# seconds (every rating cached); stops PostgreSQL (immediate, as a crash) for DURATION seconds
# while CONCURRENCY callers keep reading, and tries a publish in the middle (expected
# UNAVAILABLE); starts PostgreSQL again and retries the publish until it succeeds, then reads
# again. Prints reads total/failed/possibly stale during the outage, the publish status, and
# whether reads and publishes recovered without a server restart.
#
# usage: bench/drills/database-down.sh            (a 10-minute outage, as the issue asks)
#        DURATION=60 bench/drills/database-down.sh
# env:   DURATION     seconds PostgreSQL stays down      (default 600)
#        N            enterprises published and read      (default 2000)
#        CONCURRENCY  concurrent readers                 (default 8)
#        WARMUP       seconds of reads before the stop   (default 10)
#        ARTIFACTS    build output                       (default /tmp/art-drills)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DURATION="${DURATION:-600}"
N="${N:-2000}"
CONCURRENCY="${CONCURRENCY:-8}"
WARMUP="${WARMUP:-10}"
REGION=331082
YEAR=2024
work="$(mktemp -d /tmp/muscore-drill-db.XXXXXX)"
# shellcheck source=bench/drills/lib.sh
source "$here/lib.sh"
trap 'drill_stop_all; echo "work folder (logs): $work" >&2' EXIT

drill_log "building Release"
drill_build "${ARTIFACTS:-/tmp/art-drills}"
drill_log "starting PostgreSQL, Redis and a server"
pg_init
drill_redis
drill_server server
url="${server_url[server]}"
sample=(--server "$url" --region "$REGION" --year "$YEAR" --n "$N")

drill_log "publishing $N enterprises"
first="$("${drills[@]}" publish "${sample[@]}" | grep '^RESULT')"
[[ "$(drill_field "$first" status)" == OK ]] || drill_die "the first publish failed: $first"
warm="$("${drills[@]}" reads "${sample[@]}" --seconds "$WARMUP" --concurrency "$CONCURRENCY" | grep '^RESULT')"
drill_log "before: $warm"

drill_log "stopping PostgreSQL for $DURATION s"
pg_stop
stop_file="$work/outage-over"
"${drills[@]}" reads "${sample[@]}" --seconds $((DURATION + 60)) --stop-file "$stop_file" --concurrency "$CONCURRENCY" >"$work/outage-reads.log" &
readers=$!
sleep $((DURATION / 2))
during_publish="$("${drills[@]}" publish "${sample[@]}" --seed 2 | grep '^RESULT')"
drill_log "publish during the outage: $during_publish"
sleep $((DURATION - DURATION / 2))
touch "$stop_file"
wait "$readers"
outage="$(grep '^RESULT' "$work/outage-reads.log")"

drill_log "starting PostgreSQL again"
pg_start
back="$("${drills[@]}" publish "${sample[@]}" --seed 3 --retry-seconds 120 | grep '^RESULT')"
# The enterprises of the publication just made (seed 3): it replaced the first one.
after="$("${drills[@]}" reads "${sample[@]}" --seed 3 --seconds 5 --concurrency "$CONCURRENCY" | grep '^RESULT')"
kill -0 "${drill_pids[server]}" || drill_die "the server is not running any more"

recovered_reads=no
[[ "$(drill_field "$after" failed)" == 0 && "$(drill_field "$after" stale)" == 0 && "$(drill_field "$after" ok)" -gt 0 ]] && recovered_reads=yes
echo
echo "database-down drill: PostgreSQL stopped ${DURATION} s under one server (Redis up), $N enterprises, $CONCURRENCY readers"
echo "  before the stop:      $(drill_field "$warm" total) reads, $(drill_field "$warm" failed) failed"
echo "  during the outage:    $(drill_field "$outage" total) reads, $(drill_field "$outage" failed) failed, $(drill_field "$outage" stale) marked possibly stale, $(drill_field "$outage" ok) unmarked (statuses $(drill_field "$outage" statuses))"
echo "  publish meanwhile:    $(drill_field "$during_publish" status)"
echo "  publish once back:    $(drill_field "$back" status) after $(drill_field "$back" seconds) s ($(drill_field "$back" attempts) attempts, first $(drill_field "$back" first_status)), version $(drill_field "$back" version)"
echo "  reads once back:      $(drill_field "$after" total) reads of the new publication, $(drill_field "$after" failed) failed, $(drill_field "$after" stale) possibly stale"
echo "  recovered without a server restart: reads $recovered_reads, publishes $([[ "$(drill_field "$back" status)" == OK ]] && echo yes || echo no)"

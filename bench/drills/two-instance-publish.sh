#!/usr/bin/env bash
# Drill: many publishes at once through two servers on one PostgreSQL and one Redis (issue 9
# item 9; docs/operations-drills.md). Submits RUNS samples of one region and year through the two
# servers in turn, publishes them all at once (each through the next server), then prints whether
# the store recorded versions 1..RUNS with published_at strictly increasing with the version, and
# whether both servers answer the newest version afterwards (at once, or how long until they do).
#
# usage: bench/drills/two-instance-publish.sh
# env:   RUNS       publications made at once   (default 20)
#        N          enterprises per run          (default 200)
#        ARTIFACTS  build output                 (default /tmp/art-drills)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUNS="${RUNS:-20}"
N="${N:-200}"
REGION=331082
YEAR=2024
work="$(mktemp -d /tmp/muscore-drill-publish.XXXXXX)"
# shellcheck source=bench/drills/lib.sh
source "$here/lib.sh"
trap 'drill_stop_all; echo "work folder (logs): $work" >&2' EXIT

drill_log "building Release"
drill_build "${ARTIFACTS:-/tmp/art-drills}"
drill_log "starting PostgreSQL, Redis and two servers"
pg_init
drill_redis
drill_server server-1
drill_server server-2

drill_log "$RUNS publishes at once through both servers"
status=0
"${drills[@]}" concurrent-publish --server "${server_url[server-1]},${server_url[server-2]}" --region "$REGION" --year "$YEAR" \
    --runs "$RUNS" --n "$N" >"$work/concurrent-publish.log" || status=$?
result="$(grep '^RESULT' "$work/concurrent-publish.log")" || { cat "$work/concurrent-publish.log" >&2; drill_die "the publishing client failed"; }
grep '^version' "$work/concurrent-publish.log" >&2

echo
echo "two-instance-publish drill: $RUNS publications of $REGION/$YEAR at once through 2 servers ($N enterprises each)"
echo "  all publishes answered, versions 1..$RUNS:       $(drill_field "$result" "versions_answered_1_to_$RUNS") ($(drill_field "$result" publish_seconds) s for all)"
echo "  published_at strictly increasing with version:  $(drill_field "$result" published_at_strictly_increasing_with_version)"
echo "  publications recorded:                          $(drill_field "$result" recorded) ($(drill_field "$result" rollbacks) flagged rollback: a run older than the one in force)"
echo "  both servers answer the newest (v$(drill_field "$result" newest)) at once: $(drill_field "$result" newest_on_every_server_at_once); within 10 s: $(drill_field "$result" newest_on_every_server_within_10s) (waited $(drill_field "$result" waited_ms) ms)"
exit "$status"

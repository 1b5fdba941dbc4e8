#!/usr/bin/env bash
# Drill: a Sentinel-managed Redis master dies under load. Starts a master, one replica and one
# sentinel (quorum 1, down-after 2 s) on free loopback ports, a MuScore server connected through the
# sentinel by service name (in-process cache off, so every GetRating goes to Redis), then GetRating
# under h2load for PHASE seconds before, during (the master is killed with SIGKILL 3 s in) and after
# the failover. Prints one table row a phase: requests, errors (calls without a rating), p50/p99 and
# Redis key hits (reads Redis answered).
# usage: bench/drills/sentinel-failover.sh         env: N, PHASE (default 15), CLIENTS, STREAMS, REGION
set -euo pipefail
# shellcheck source=bench/drills/failover-lib.sh disable=SC2154 # work comes from lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/failover-lib.sh"
build

master="$(free_port)"
replica="$(free_port)"
sentinel="$(free_port)"
redis_node redis-master "$master"
redis_node redis-replica "$replica" --replicaof 127.0.0.1 "$master"
cat >"$work/redis/sentinel.conf" <<CONF
port $sentinel
bind 127.0.0.1
dir $work/redis
sentinel monitor muscore 127.0.0.1 $master 1
sentinel down-after-milliseconds muscore 2000
sentinel failover-timeout muscore 10000
CONF
start redis-sentinel "$server_limit" redis-server "$work/redis/sentinel.conf" --sentinel
wait_port redis-sentinel "$sentinel"
# The sentinel learns of the replica from the master's INFO (every 10 s): until then it could not fail over.
for ((i = 0; i < 300; i++)); do
    redis-cli -p "$sentinel" sentinel replicas muscore | grep -q "127.0.0.1:$replica" && break
    sleep 0.2
done
redis-cli -p "$sentinel" sentinel replicas muscore | grep -q "127.0.0.1:$replica" || die "the sentinel never saw the replica"
serve "127.0.0.1:$sentinel,serviceName=muscore"

log "warm-up"
load warmup
finish warmup 0 "$master" "$replica" >/dev/null
header
before="$(keyspace_hits "$master" "$replica")"
load before
finish before "$before" "$master" "$replica"

before="$(keyspace_hits "$replica")"
load during
sleep 3
log "killing master 127.0.0.1:$master"
stop redis-master
finish during "$before" "$replica"

before="$(keyspace_hits "$replica")"
load after
finish after "$before" "$replica"
redis-cli -p "$sentinel" sentinel get-master-addr-by-name muscore | paste -sd: >&2

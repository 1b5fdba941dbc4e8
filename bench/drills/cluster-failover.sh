#!/usr/bin/env bash
# Drill: a Redis Cluster master fails under load. Starts a six-node cluster (three masters, one
# replica each, node timeout 2 s) on free loopback ports, a MuScore server on it (in-process cache
# off, so every GetRating goes to Redis), then GetRating under h2load for PHASE seconds before, during
# (the master holding the hot rating is killed 3 s in) and after the failover. Prints one table row a
# phase: requests, errors (calls without a rating), p50/p99 and Redis key hits (reads Redis answered).
# usage: bench/drills/cluster-failover.sh          env: N, PHASE (default 15), CLIENTS, STREAMS, REGION
set -euo pipefail
# shellcheck source=bench/drills/failover-lib.sh disable=SC2154 # work, hot_code, url come from lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/failover-lib.sh"
build

ports=()
for i in 1 2 3 4 5 6; do
    ports+=("$(free_port)")
    redis_node "redis-$i" "${ports[-1]}" --cluster-enabled yes --cluster-config-file "nodes-${ports[-1]}.conf" --cluster-node-timeout 2000
done
endpoints=()
for port in "${ports[@]}"; do endpoints+=("127.0.0.1:$port"); done
redis-cli --cluster create "${endpoints[@]}" --cluster-replicas 1 --cluster-yes >"$work/logs/cluster-create.log"
for ((i = 0; i < 300; i++)); do
    ok=0
    for port in "${ports[@]}"; do redis-cli -p "$port" cluster info | grep -q 'cluster_state:ok' && ok=$((ok + 1)); done
    ((ok == ${#ports[@]})) && break
    sleep 0.2
done
((ok == ${#ports[@]})) || die "the cluster did not settle"
serve "$(printf '127.0.0.1:%s,' "${ports[@]}" | sed 's/,$//')"

# The master holding the hot rating (read once, so it is in Redis).
victim=""
for ((i = 0; i < 100; i++)); do
    for port in "${ports[@]}"; do
        if redis-cli -p "$port" role | head -1 | grep -q master && [[ -n "$(redis-cli -p "$port" --scan --pattern "*:$hot_code")" ]]; then victim="$port"; fi
    done
    [[ -z "$victim" ]] || break
    sleep 0.1
done
[[ -n "$victim" ]] || die "no master holds the hot rating"
live=()
for port in "${ports[@]}"; do [[ "$port" == "$victim" ]] || live+=("$port"); done

log "warm-up"
load warmup
finish warmup 0 "${ports[@]}" >/dev/null
header
before="$(keyspace_hits "${ports[@]}")"
load before
finish before "$before" "${ports[@]}"

# Counted on the surviving nodes only: the killed master's counter goes with it.
before="$(keyspace_hits "${live[@]}")"
load during
sleep 3
log "killing master 127.0.0.1:$victim"
stop "redis-$(for i in "${!ports[@]}"; do [[ "${ports[$i]}" == "$victim" ]] && echo $((i + 1)); done)"
finish during "$before" "${live[@]}"

before="$(keyspace_hits "${live[@]}")"
load after
finish after "$before" "${live[@]}"
redis-cli -p "${live[0]}" cluster info | grep -E 'cluster_state' | tr -d '\r' >&2

# shellcheck shell=bash
# shellcheck disable=SC2034,SC2154 # sets $muscore, $drills, $server_url for the drills; reads their $work
# Helpers shared by the drills in bench/drills/ (sourced, not run): bounded background processes
# stopped at exit, free ports, a private PostgreSQL and Redis, the Release build of the server and
# of the drills' client (bench/MuScore.Drills). Each drill sets $work (a fresh directory) first.

declare -A drill_pids=() # name -> pid of every background process the drill started

drill_log() { printf '== %s\n' "$*" >&2; }
drill_die() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

# drill_build ARTIFACTS: builds the server and the drills' client in Release; sets the
# command arrays $muscore and $drills.
drill_build() {
    local repo artifacts="$1" project
    repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
    for project in src/MuScore.Server/MuScore.Server.csproj bench/MuScore.Drills/MuScore.Drills.csproj; do
        dotnet build "$repo/$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet >"$work/build.log" 2>&1 \
            || { cat "$work/build.log" >&2; drill_die "build of $project failed"; }
    done
    muscore=(dotnet "$artifacts/bin/MuScore.Server/release/MuScore.Server.dll")
    drills=(dotnet "$artifacts/bin/MuScore.Drills/release/MuScore.Drills.dll")
}

# drill_free_port: a TCP port free on 127.0.0.1 now.
drill_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# drill_start NAME SECONDS CMD...: CMD in the background under `timeout`, output in $work/NAME.log.
drill_start() {
    local name="$1" limit="$2"
    shift 2
    timeout -k 10 "$limit" "$@" >"$work/$name.log" 2>&1 &
    drill_pids[$name]=$!
}

# drill_stop NAME: ends one process the drill started (timeout passes the TERM on).
drill_stop() {
    local pid="${drill_pids[$1]:-}"
    [[ -n "$pid" ]] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    unset "drill_pids[$1]"
}

# drill_stop_all: every process started with drill_start, and the private PostgreSQL if running.
drill_stop_all() {
    local name
    for name in "${!drill_pids[@]}"; do drill_stop "$name"; done
    [[ -z "${pg_data:-}" ]] || pg_stop_quietly
}

# drill_wait_port NAME PORT: until 127.0.0.1:PORT accepts connections (120 s at most, while NAME lives).
drill_wait_port() {
    local name="$1" port="$2" i
    for ((i = 0; i < 1200; i++)); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
        kill -0 "${drill_pids[$name]}" 2>/dev/null || { cat "$work/$name.log" >&2; drill_die "$name exited before listening"; }
        sleep 0.1
    done
    cat "$work/$name.log" >&2
    drill_die "$name does not listen on port $port after 120 s"
}

# drill_redis: a private redis-server on a free port, nothing saved; sets $redis_port.
drill_redis() {
    redis_port="$(drill_free_port)"
    drill_start redis 7200 redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no
    drill_wait_port redis "$redis_port"
}

# --- a private PostgreSQL (initdb + pg_ctl, as tests/MuScore.TestSupport PostgresServer) ---------
# PostgreSQL refuses to run as root: as root, its programs run as the "postgres" user.
pg_bin="$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1)"
pg_as() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }

# pg_init: a fresh cluster in $work/pg on a free port, started; sets $pg_port, $pg_data and the
# store connection string $pg_connection (database muscore, user postgres, trust on loopback).
pg_init() {
    [[ -n "$pg_bin" ]] || drill_die "PostgreSQL is not installed (apt-get install postgresql)"
    pg_data="$work/pg/data"
    mkdir -p "$work/pg/socket"
    # As root the cluster belongs to "postgres", who must reach it through the private $work.
    ((EUID != 0)) || { chmod 755 "$work"; chown -R postgres:postgres "$work/pg"; }
    pg_as "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C >"$work/initdb.log" 2>&1 \
        || { cat "$work/initdb.log" >&2; drill_die "initdb failed"; }
    pg_port="$(drill_free_port)"
    pg_start
    pg_as "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c 'CREATE DATABASE muscore' >/dev/null
    pg_connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=muscore;Timeout=5"
}

pg_start() {
    pg_as "$pg_bin/pg_ctl" -D "$pg_data" -w -t 60 -l "$work/pg/postgres.log" \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg/socket -c fsync=off -c max_connections=300" start >/dev/null \
        || { cat "$work/pg/postgres.log" >&2; drill_die "PostgreSQL did not start"; }
}

# pg_stop: stops PostgreSQL at once, as a crash would (the data stays for pg_start).
pg_stop() { pg_as "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null; }

pg_stop_quietly() {
    [[ -f "$pg_data/postmaster.pid" ]] || return 0
    pg_as "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
}

# drill_server NAME: starts a MuScore server NAME on PostgreSQL and Redis on a free loopback port
# with the extra settings given after NAME; sets ${server_url[NAME]}.
declare -A server_url=()
drill_server() {
    local name="$1" port
    shift
    port="$(drill_free_port)"
    drill_start "$name" 7200 "${muscore[@]}" "--urls=http://127.0.0.1:$port" \
        --MuScore:Store:Provider=Postgres "--MuScore:Store:ConnectionString=$pg_connection" \
        "--MuScore:Redis:ConnectionString=127.0.0.1:$redis_port" --Logging:LogLevel:Default=Warning "$@"
    drill_wait_port "$name" "$port"
    server_url[$name]="http://127.0.0.1:$port"
}

# drill_field LINE KEY: the value of KEY=value in a "RESULT ..." line.
drill_field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }

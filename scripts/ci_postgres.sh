#!/usr/bin/env bash
# Start a throw-away PostgreSQL 15 + PostGIS 3 server for the store tests.
#
#   source scripts/ci_postgres.sh          # exports FRONTLINES_TEST_PG
#   eval "$(bash scripts/ci_postgres.sh)"   # the same, from a subshell
#
# Idempotent and fast once done: installs Debian's postgresql-15 and postgresql-15-postgis-3
# only when missing (root needed then), keeps one cluster in $FRONTLINES_PG_DIR (default
# /var/tmp/frontlines-pg) listening on 127.0.0.1 only (port 54329, or the next free one),
# and makes the role and database frontlines_test with the postgis extension.
# Progress goes to stderr; stdout carries only the export line.

_flpg_log() { echo "ci_postgres: $*" >&2; }

_flpg_port_taken() {
  # true when something other than our own cluster listens on 127.0.0.1:$1
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_flpg_setup() {
  set -euo pipefail
  local bin=/usr/lib/postgresql/15/bin
  local dir="${FRONTLINES_PG_DIR:-/var/tmp/frontlines-pg}"
  local data="$dir/data" role=frontlines_test db=frontlines_test pass=frontlines_test
  local control=/usr/share/postgresql/15/extension/postgis.control

  if [ ! -x "$bin/postgres" ] || [ ! -f "$control" ]; then
    if [ "$(id -u)" != 0 ]; then
      _flpg_log "PostgreSQL 15/PostGIS missing: sudo apt-get install postgresql-15 postgresql-15-postgis-3"
      return 1
    fi
    _flpg_log "installing postgresql-15 and postgresql-15-postgis-3 (apt)"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-15-postgis-3 >&2
  fi

  local run=() owner
  owner="$(id -un)"
  if [ "$(id -u)" = 0 ]; then
    owner=postgres
    run=(runuser -u postgres --)
  fi
  mkdir -p "$dir"
  chown "$owner" "$dir"
  chmod 700 "$dir"

  if [ ! -f "$data/PG_VERSION" ]; then
    _flpg_log "initdb $data"
    "${run[@]}" "$bin/initdb" -D "$data" -U postgres --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  fi

  local port
  if "${run[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    port="$(sed -n 4p "$data/postmaster.pid")"
    _flpg_log "server already running on port $port"
  else
    port="${FRONTLINES_PG_PORT:-54329}"
    while _flpg_port_taken "$port"; do port=$((port + 1)); done
    _flpg_log "starting the server on 127.0.0.1:$port"
    "${run[@]}" "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" \
      start >/dev/null
  fi

  local psql=("${run[@]}" psql -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres)
  "${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='$role'" | grep -q 1 ||
    "${psql[@]}" -d postgres -c "CREATE ROLE $role LOGIN PASSWORD '$pass'"
  "${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 ||
    "${psql[@]}" -d postgres -c "CREATE DATABASE $db OWNER $role"
  "${psql[@]}" -d "$db" -tAc "SELECT 1 FROM pg_extension WHERE extname='postgis'" | grep -q 1 ||
    "${psql[@]}" -d "$db" -c "CREATE EXTENSION postgis"

  echo "export FRONTLINES_TEST_PG=postgresql://$role:$pass@127.0.0.1:$port/$db"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # sourced: run as a child bash (set -e holds there, and the caller's options stay as
  # they were), then export what it printed
  if _flpg_line="$(bash "${BASH_SOURCE[0]}")"; then
    eval "$_flpg_line"
    _flpg_log "FRONTLINES_TEST_PG=${FRONTLINES_TEST_PG/:frontlines_test@/:***@}"
    unset _flpg_line
  else
    unset _flpg_line
    _flpg_log "could not start PostgreSQL (see the messages above)"
    return 1
  fi
else
  _flpg_setup
fi

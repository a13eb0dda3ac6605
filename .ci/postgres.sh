#!/usr/bin/env bash
# Sourced by .ci/run: a throwaway PostgreSQL server on loopback, so the storage and backend
# suites run against PostgreSQL (real concurrency between backend copies) as well as PGlite.
# Best effort: without it the suites still run on PGlite and say so.
start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "installing PostgreSQL from Debian's packages"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) ||
      { echo "notice: could not install PostgreSQL; the suites run on PGlite only"; return 0; }
  fi
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  local dir
  dir="$(mktemp -d /tmp/baton-ci-pg.XXXXXX)"
  local port=54329
  local run_as=()
  # initdb refuses to run as root.
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$dir"
    run_as=(runuser -u postgres --)
  fi
  if ! "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U baton --auth=trust >/dev/null ||
    ! "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null; then
    echo "notice: could not start PostgreSQL (see $dir/log); the suites run on PGlite only"
    return 0
  fi
  export DATABASE_URL="postgres://baton@127.0.0.1:$port/postgres"
  PG_STOP=("${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop)
  trap 'echo "== stop PostgreSQL"; "${PG_STOP[@]}" >/dev/null || true' EXIT
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port for the storage and backend suites"
}

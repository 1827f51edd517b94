# A private PostgreSQL cluster on 127.0.0.1 for tests and benchmarks, started and stopped by PID.
# Sourced by scripts/test.sh and scripts/bench-feed.sh; needs common.sh.
#   postgres_start   sets INSTAGRAM_TEST_POSTGRES (an Npgsql connection string) and PG_DIR
#   postgres_stop    stops the server and deletes its files

postgres_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] && echo "$bin"
}

postgres_start() {
  [ -n "$(postgres_bin)" ] || ensure_packages postgresql
  local bin; bin=$(postgres_bin) || die "PostgreSQL binaries not found after install"
  PG_DIR=$(mktemp -d /tmp/instagram-pg.XXXXXX)
  chown postgres:postgres "$PG_DIR"
  local port; port=$(free_port 55432)
  su postgres -s /bin/sh -c "'$bin/initdb' -D '$PG_DIR/data' -U postgres --auth=trust --no-sync -E UTF8 >'$PG_DIR/initdb.log' 2>&1" \
    || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
  # fsync stays on: tests measure real durability. Enough connections for parallel test classes.
  su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w -t 60 \
      -o \"-p $port -k '$PG_DIR' -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=128MB\" start >/dev/null" \
    || { cat "$PG_DIR/server.log" >&2; die "PostgreSQL did not start"; }
  export INSTAGRAM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

postgres_stop() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ] || return 0
  local bin; bin=$(postgres_bin)
  su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$PG_DIR/data' -m fast -w stop >/dev/null 2>&1" || true
  rm -rf "$PG_DIR"
  PG_DIR=
}

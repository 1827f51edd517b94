# A private S3 server (s3rver, a Node.js implementation of the S3 REST API) on 127.0.0.1 for tests,
# started and stopped by PID. MinIO and Zenko do not install on our machines; s3rver does, from npm.
# Sourced by scripts/test.sh; needs common.sh.
#   s3rver_start   sets INSTAGRAM_TEST_S3 (the endpoint, e.g. http://127.0.0.1:4568; keys S3RVER/S3RVER),
#                  S3RVER_PID and S3RVER_DIR
#   s3rver_stop    stops the server and deletes its files

S3RVER_VERSION=3.7.1
# Installed once per machine, outside the repository: a fresh clone reuses it, and `git clean` keeps it.
S3RVER_HOME="${XDG_CACHE_HOME:-$HOME/.cache}/instagram/s3rver-$S3RVER_VERSION"

s3rver_install() {
  [ -x "$S3RVER_HOME/node_modules/.bin/s3rver" ] && return 0
  command -v npm >/dev/null || ensure_packages nodejs npm
  log "installing s3rver $S3RVER_VERSION into $S3RVER_HOME"
  mkdir -p "$S3RVER_HOME"
  # Installed into a staging directory and moved into place, so an interrupted install is never mistaken
  # for a finished one.
  local staging; staging=$(mktemp -d "$S3RVER_HOME.XXXXXX")
  npm install --prefix "$staging" --no-audit --no-fund --loglevel=error "s3rver@$S3RVER_VERSION" >&2 \
    || { rm -rf "$staging"; die "npm could not install s3rver@$S3RVER_VERSION"; }
  rm -rf "$S3RVER_HOME"
  mv "$staging" "$S3RVER_HOME"
}

s3rver_start() {
  s3rver_install
  S3RVER_DIR=$(mktemp -d /tmp/instagram-s3.XXXXXX)
  local port; port=$(free_port 54568)
  # .bin/s3rver is a node script with a shebang: $! is the node process itself, which s3rver_stop kills.
  "$S3RVER_HOME/node_modules/.bin/s3rver" -d "$S3RVER_DIR/data" -a 127.0.0.1 -p "$port" --silent \
    >"$S3RVER_DIR/server.log" 2>&1 &
  S3RVER_PID=$!
  local endpoint="http://127.0.0.1:$port"
  # It listens only once its HTTP server is set up, so an accepted connection means it serves.
  local deadline=$((SECONDS + 30))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    kill -0 "$S3RVER_PID" 2>/dev/null || { cat "$S3RVER_DIR/server.log" >&2; die "s3rver exited during start-up"; }
    [ "$SECONDS" -lt "$deadline" ] || { cat "$S3RVER_DIR/server.log" >&2; s3rver_stop; die "s3rver did not answer within 30 s"; }
    sleep 0.1
  done
  export INSTAGRAM_TEST_S3="$endpoint"
  log "s3rver $S3RVER_VERSION on 127.0.0.1:$port"
}

s3rver_stop() {
  if [ -n "${S3RVER_PID:-}" ]; then
    kill "$S3RVER_PID" 2>/dev/null || true
    wait "$S3RVER_PID" 2>/dev/null || true
    S3RVER_PID=
  fi
  [ -n "${S3RVER_DIR:-}" ] && rm -rf "$S3RVER_DIR"
  S3RVER_DIR=
  unset INSTAGRAM_TEST_S3
}

# Shared by the scripts in scripts/: logging and installing Debian packages on demand.
# Sourced, not executed.

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

die() { log "error: $*"; exit 1; }

# Installs the given Debian packages if any is missing. Needs root (the machines run as root).
ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || log "apt-get update failed; trying the install anyway"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || die "could not install ${missing[*]}"
}

ensure_dotnet() {
  command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH; machines of this kind come with it"
}

# A TCP port nothing listens on, starting from $1.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

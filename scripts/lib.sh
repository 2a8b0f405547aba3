# Shared helpers for Tozo's scripts. Source it; it changes nothing by itself.
#
# Every tool a script needs is installed here on first use, so that a fresh machine of the
# kind Tozo is developed on (Debian, Rust, Node, Python, a local PostgreSQL) needs no
# manual set-up.

TOZO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Tools live outside the checkout, keyed by their pinned versions, so that a fresh clone on a
# machine that ran the tests before (CI's case) does not build them again.
TOZO_TOOLS="${TOZO_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/tozo}"

log_step() {
  printf '\n==> %s\n' "$*" >&2
}

# Installs Debian packages that are missing; apt's lists are refreshed once per run.
ensure_apt_packages() {
  local missing=()
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0

  log_step "installing ${missing[*]} with apt"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Creates the project's Python virtualenv with the pinned tools, once per change of pins.
ensure_python_tools() {
  local venv="$TOZO_TOOLS/venv"
  local pins="$TOZO_ROOT/scripts/python-tools.txt"
  local stamp="$venv/.pins"
  if [ ! -f "$stamp" ] || ! cmp -s "$pins" "$stamp"; then
    log_step "installing Python tools into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$pins"
    cp "$pins" "$stamp"
  fi
  export PATH="$venv/bin:$PATH"
}

# Installs a cargo-distributed tool at an exact version unless that version is present.
ensure_cargo_tool() {
  local crate="$1" version="$2" binary="${3:-$1}"
  local root="$TOZO_TOOLS/cargo"
  # Some tools exit non-zero after printing their version; only the text counts.
  if ! { "$root/bin/$binary" --version 2>/dev/null || true; } | grep -qF "$version"; then
    log_step "installing $crate $version with cargo"
    cargo install --quiet --locked --root "$root" "$crate" --version "$version"
  fi
  export PATH="$root/bin:$PATH"
}

# Makes sure the local PostgreSQL answers on 127.0.0.1:5432, starting the Debian cluster
# when it is installed but stopped.
ensure_postgres() {
  pg_isready -q -h 127.0.0.1 -p 5432 && return 0
  log_step "starting the local PostgreSQL"
  local version
  version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$version" ]; then
    echo "PostgreSQL is not installed: install it (apt-get install postgresql) and retry" >&2
    return 1
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  pg_isready -q -h 127.0.0.1 -p 5432 -t 30
}

# Creates database "$1" on the local PostgreSQL unless it exists.
ensure_database() {
  local name="$1"
  local exists
  exists="$(psql -h 127.0.0.1 -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$name'")"
  if [ "$exists" != "1" ]; then
    log_step "creating database $name"
    createdb -h 127.0.0.1 -U postgres "$name"
  fi
}

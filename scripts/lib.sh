# Shared helpers for Tozo's scripts. Source it; it changes nothing by itself.
#
# Every tool a script needs is installed here on first use, so that a fresh machine of the
# kind Tozo is developed on (Debian, Rust, Node, Python, a local PostgreSQL) needs no
# manual set-up.

TOZO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOZO_TOOLS="$TOZO_ROOT/.tools"

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
  if ! "$root/bin/$binary" --version 2>/dev/null | grep -qF "$version"; then
    log_step "installing $crate $version with cargo"
    cargo install --quiet --locked --root "$root" "$crate" --version "$version"
  fi
  export PATH="$root/bin:$PATH"
}

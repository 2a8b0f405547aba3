# Writes one npm package's tarball, byte for byte as the registry serves it, to $out.
# The builder of every tarball in nix/npm-deps.nix; scripts/test-nix runs it unchanged to check
# that its output matches package-lock.json.
#
# Reads packageName and packageVersion (the registry's name, not an alias), out, and
# SSL_CERT_FILE, the CA certificates npm trusts. npm asks its default registry unless
# NPM_CONFIG_REGISTRY names a mirror; npm_config_cache may name a cache to reuse.
set -euo pipefail
shopt -s nullglob

# Nothing from the caller's home directory: the tarball depends on the name and version alone.
export HOME="$PWD/home"
export npm_config_cache="${npm_config_cache:-$PWD/npm-cache}"
export npm_config_cafile="$SSL_CERT_FILE"
export npm_config_update_notifier=false

# npm pack runs no package scripts for a registry package; --ignore-scripts makes sure.
mkdir packed
npm pack --ignore-scripts --loglevel warn --pack-destination packed \
  "$packageName@$packageVersion" >/dev/null

tarballs=(packed/*.tgz)
if [ "${#tarballs[@]}" -ne 1 ]; then
  echo "npm pack $packageName@$packageVersion wrote ${#tarballs[@]} tarballs, not one" >&2
  exit 1
fi
mv "${tarballs[0]}" "$out"

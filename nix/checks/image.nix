# Opens the built image archive and checks the promises of nix/image.nix on what ECR will
# receive: the configuration, no shell or package manager in any layer, a sticky /tmp.
{ runCommand
, jq
, image
}:
runCommand "tozo-image-inspection" { nativeBuildInputs = [ jq ]; } ''
  mkdir archive
  tar -xzf ${image} -C archive
  cd archive

  config="$(jq -r '.[0].Config' manifest.json)"
  jq -e '.config.User == "65534:65534"' "$config"
  jq -e '.config.ExposedPorts | keys == ["8080/tcp"]' "$config"
  jq -e '.config.Entrypoint[0] | endswith("/bin/tini")' "$config"
  jq -e '.config.Env | index("TOZO_ADDRESS=0.0.0.0") != null' "$config"

  for layer in $(jq -r '.[0].Layers[]' manifest.json); do
    tar -tvf "$layer"
  done >../listing
  cd ..

  # Names only: symlinks end their lines with " -> target".
  sed -e 's/ -> .*//' -e 's/.* //' listing >names
  if grep -E '(^|/)(s?bin)/(sh|bash|dash|ash|zsh|busybox|nix|nix-env|apt|apk|dpkg)$' names; then
    echo "the image holds a shell or a package manager (listed above)" >&2
    exit 1
  fi

  if ! grep -qE '^(\./)?bin/tozo$' names; then
    echo "the image has no /bin/tozo for the ECS health check" >&2
    exit 1
  fi

  if ! grep -E '^drwxrwxrwt .* (\./)?tmp/?$' listing; then
    echo "the image has no world-writable, sticky /tmp" >&2
    exit 1
  fi

  touch "$out"
''

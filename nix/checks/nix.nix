# The Nix files: formatted by the flake's formatter, and free of unused bindings.
{ runCommand
, nixpkgs-fmt
, deadnix
, src
}:
runCommand "tozo-nix-lint" { nativeBuildInputs = [ nixpkgs-fmt deadnix ]; } ''
  nixpkgs-fmt --check ${src}
  deadnix --fail ${src}
  touch "$out"
''

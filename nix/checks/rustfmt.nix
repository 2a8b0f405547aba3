# rustfmt at its defaults, as CI and the editors apply it.
{ runCommand
, cargo
, rustfmt
, src
}:
runCommand "tozo-rustfmt" { nativeBuildInputs = [ cargo rustfmt ]; } ''
  export CARGO_HOME="$TMPDIR/cargo"
  cd ${src}
  cargo fmt --all --check
  touch "$out"
''

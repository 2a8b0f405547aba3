# The parts of the repository each build reads, so that editing the README or the
# infrastructure rebuilds nothing and stray local files (node_modules, dist, target) never
# leak into a build.
{ lib }:
let
  inherit (lib) fileset;
in
{
  rust = fileset.toSource {
    root = ../.;
    fileset = fileset.unions [
      ../Cargo.toml
      ../Cargo.lock
      ../crates
      # Settings that rustfmt, clippy and cargo read from the workspace's root.
      (fileset.maybeMissing ../clippy.toml)
      (fileset.maybeMissing ../rustfmt.toml)
      (fileset.maybeMissing ../.cargo/config.toml)
    ];
  };

  frontend = fileset.toSource {
    root = ../frontend;
    fileset = fileset.difference ../frontend (
      fileset.unions [
        (fileset.maybeMissing ../frontend/node_modules)
        (fileset.maybeMissing ../frontend/dist)
      ]
    );
  };

  nix = fileset.toSource {
    root = ../.;
    fileset = fileset.fileFilter (file: file.hasExt "nix") ../.;
  };
}

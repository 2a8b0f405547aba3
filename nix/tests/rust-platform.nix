# Evaluates nix/rust-platform.nix with stand-in toolchains of several versions and returns the
# broken promises, one sentence each: an empty list means that a rustc older than the
# workspace's rust-version stops the evaluation and any other is used. Run by scripts/test-nix
# without nixpkgs.
let
  # Only what rust-platform.nix uses; it behaves like its nixpkgs namesake.
  lib.versionOlder = older: newer: builtins.compareVersions older newer < 0;

  rustPlatform = { name = "rust-platform"; };

  # Whether the evaluation hands back the toolchain of a rustc at `version`.
  accepts = rustVersion: version:
    let
      chosen = builtins.tryEval (import ../rust-platform.nix {
        inherit lib rustPlatform rustVersion;
        rustc = { inherit version; };
      });
    in
    chosen.success && chosen.value == rustPlatform;

  cargoToml = builtins.fromTOML (builtins.readFile ../../Cargo.toml);
  workspaceRustVersion = cargoToml.workspace.package.rust-version or null;

  expectations = [
    {
      holds = builtins.isString workspaceRustVersion
        && builtins.match "[0-9]+\\.[0-9]+(\\.[0-9]+)?" workspaceRustVersion != null;
      broken = "Cargo.toml declares no workspace rust-version for flake.nix to read";
    }
    {
      holds = !accepts "1.94" "1.93.1" && !accepts "1.94.1" "1.94.0";
      broken = "a rustc older than rust-version does not stop the evaluation";
    }
    {
      holds = accepts "1.94" "1.94.0" && accepts "1.94.1" "1.94.1";
      broken = "the very rustc that rust-version names is refused";
    }
    {
      holds = accepts "1.94" "1.95.0" && accepts "1.94" "1.100.0";
      broken = "a rustc newer than rust-version is refused";
    }
  ];
in
map (expectation: expectation.broken) (builtins.filter (e: !e.holds) expectations)

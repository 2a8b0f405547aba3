# nixpkgs' Rust toolchain for every cargo build of the workspace, refused at evaluation when
# its rustc is older than Cargo.toml's rust-version: otherwise each build would fail only after
# fetching the crates, deep in cargo's output.
{ lib
, rustPlatform
, rustc
, rustVersion
}:
# nixpkgs builds rustPlatform from this same rustc.
if lib.versionOlder rustc.version rustVersion then
  throw ''
    nixpkgs' rustc ${rustc.version} is older than the workspace's rust-version ${rustVersion}
    (Cargo.toml): move flake.nix to a newer nixpkgs, or lower rust-version if the code allows.''
else
  rustPlatform

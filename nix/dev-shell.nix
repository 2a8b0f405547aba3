# Everything needed to work on Tozo: the toolchains, PostgreSQL, sqlx-cli, Terraform and the
# linters CI runs.
{ mkShell
, rustPlatform
, cargo
, rustc
, clippy
, rustfmt
, rust-analyzer
, nodejs
, postgresql
, sqlx-cli
, terraform
, actionlint
, zizmor
, shellcheck
, nixpkgs-fmt
, deadnix
, skopeo
}:
mkShell {
  packages = [
    cargo
    rustc
    clippy
    rustfmt
    rust-analyzer
    nodejs
    postgresql
    sqlx-cli
    terraform
    actionlint
    zizmor
    shellcheck
    nixpkgs-fmt
    deadnix
    skopeo
  ];

  # rust-analyzer reads the standard library's sources from here.
  RUST_SRC_PATH = "${rustPlatform.rustLibSrc}";
}

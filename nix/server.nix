# The `tozo` binary, from the Cargo workspace and the versions pinned in Cargo.lock.
{ lib
, rustPlatform
, src
, version
}:
rustPlatform.buildRustPackage {
  pname = "tozo";
  inherit src version;

  # Every crate's checksum is in Cargo.lock, so no vendor hash has to be kept up to date.
  cargoLock.lockFile = ../Cargo.lock;

  cargoBuildFlags = [ "--package" "tozo-server" ];

  # The tests need PostgreSQL: the `rust-tests` check runs them against a database of its own.
  doCheck = false;

  meta = {
    description = "Server of Tozo, a to-do web app";
    license = lib.licenses.mit;
    mainProgram = "tozo";
  };
}

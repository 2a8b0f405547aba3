# The workspace's tests against a PostgreSQL started inside the build sandbox: the sandbox has
# a loopback interface of its own, so the server under test and the local stand-ins for
# Postmark and Sentry listen there too.
{ rustPlatform
, postgresql
, postgresqlTestHook
, src
, version
}:
rustPlatform.buildRustPackage {
  pname = "tozo-rust-tests";
  inherit src version;
  cargoLock.lockFile = ../../Cargo.lock;

  nativeCheckInputs = [ postgresql postgresqlTestHook ];

  # The tests create a database each, as the superuser, over TCP on 127.0.0.1:5432 with trust
  # authentication: the same server a developer or CI runs.
  postgresqlEnableTCP = 1;
  postgresqlExtraSettings = ''
    listen_addresses = '127.0.0.1'
    max_connections = 300
  '';
  postgresqlTestSetupCommands = "true";

  # The tests build what they need; argon2 at its production cost wants the release profile.
  dontCargoBuild = true;

  checkPhase = ''
    runHook preCheck
    cargo test --workspace --release --locked --offline -j "$NIX_BUILD_CORES"
    runHook postCheck
  '';

  installPhase = ''
    touch "$out"
  '';
}

# The front end's type check, lint, formatting and unit tests.
# NOTE: the Playwright end-to-end tests are not here: they need browser builds pinned to the
# exact Playwright version and a running server and database; CI runs them outside Nix.
{ buildNpmPackage
, importNpmLock
, nodejs
, npmDeps
, src
, version
}:
buildNpmPackage {
  pname = "tozo-frontend-checks";
  inherit src version nodejs npmDeps;

  npmConfigHook = importNpmLock.npmConfigHook;

  # The same steps as scripts/test-frontend, the production build aside: that is `frontend`.
  buildPhase = ''
    runHook preBuild
    npx eslint --max-warnings 0 .
    npx prettier --check .
    npx tsc --noEmit
    npx tsc --noEmit -p e2e
    npx vitest run
    runHook postBuild
  '';

  installPhase = ''
    touch "$out"
  '';
}

# The front end's type check, lint, formatting and unit tests.
# NOTE: the Playwright end-to-end tests are not here: they need browser builds pinned to the
# exact Playwright version and a running server and database; CI runs them outside Nix.
{ buildNpmPackage
, importNpmLock
, nodejs
, src
, version
}:
buildNpmPackage {
  pname = "tozo-frontend-checks";
  inherit src version nodejs;

  npmDeps = importNpmLock { npmRoot = src; };
  npmConfigHook = importNpmLock.npmConfigHook;

  buildPhase = ''
    runHook preBuild
    npm run typecheck
    npm run lint
    npm run format:check
    npm test
    runHook postBuild
  '';

  installPhase = ''
    touch "$out"
  '';
}

# The browser app: the static files Vite writes to dist/, which the server serves.
{ buildNpmPackage
, importNpmLock
, nodejs
, npmDeps
, src
, version
}:
buildNpmPackage {
  pname = "tozo-frontend";
  inherit src version nodejs npmDeps;

  # npmDeps (nix/npm-deps.nix) hashes every package by its integrity in package-lock.json:
  # there is no separate hash to maintain.
  npmConfigHook = importNpmLock.npmConfigHook;

  # Only the built files: the image must not carry node_modules or a Node.js runtime.
  installPhase = ''
    runHook preInstall
    cp -r dist "$out"
    runHook postInstall
  '';
}

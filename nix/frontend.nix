# The browser app: the static files Vite writes to dist/, which the server serves.
{ buildNpmPackage
, importNpmLock
, nodejs
, src
, version
}:
buildNpmPackage {
  pname = "tozo-frontend";
  inherit src version nodejs;

  # Every package's integrity hash is in package-lock.json: no separate hash to maintain.
  npmDeps = importNpmLock { npmRoot = src; };
  npmConfigHook = importNpmLock.npmConfigHook;

  # Only the built files: the image must not carry node_modules or a Node.js runtime.
  installPhase = ''
    runHook preInstall
    cp -r dist "$out"
    runHook postInstall
  '';
}

# The front end's npm packages, in the form importNpmLock returns for its npmConfigHook: a
# directory with package.json and a package-lock.json that resolves every registry package to
# a tarball in the store.
#
# importNpmLock itself, like fetchNpmDeps, fetches only the entries that carry a `resolved`
# URL, and our lock has none: the npm that writes it leaves them out. So each tarball is fetched
# by name and version with `npm pack`, which asks npm's own default registry (or the mirror set
# in NPM_CONFIG_REGISTRY), and the lock's integrity hash is the fixed output's hash.
{ lib
, runCommand
, stdenvNoCC
, nodejs
, cacert
, src
}:
let
  package = lib.importJSON (src + "/package.json");
  lock = lib.importJSON (src + "/package-lock.json");

  # Entries npm installs without a download: the project and its workspaces (keys outside
  # node_modules), symlinks to them, and packages that come inside their parent's tarball.
  isLocal = path: entry:
    !(lib.hasInfix "node_modules/" path) || entry.link or false || entry.inBundle or false;

  # Everything else must be a registry package, the only kind `npm pack NAME@VERSION` fetches.
  registryEntries = lib.filterAttrs (path: entry: !isLocal path entry) lock.packages;
  entriesWithoutHash = builtins.attrNames (
    lib.filterAttrs (_: entry: !(entry ? integrity)) registryEntries
  );

  # The name the registry knows: the last directory of the lock key
  # (node_modules/a/node_modules/@scope/b), unless the entry is an alias that records it.
  registryName = path: entry: entry.name or (lib.last (lib.splitString "node_modules/" path));

  fetchTarball = path: entry:
    let
      packageName = registryName path entry;
      fileName = lib.replaceStrings [ "@" "/" ] [ "" "-" ] packageName;
    in
    stdenvNoCC.mkDerivation {
      name = "${fileName}-${entry.version}.tgz";
      inherit packageName;
      packageVersion = entry.version;

      nativeBuildInputs = [ nodejs ];
      SSL_CERT_FILE = "${cacert}/etc/ssl/certs/ca-bundle.crt";
      buildCommand = "bash ${./npm-pack.sh}";

      outputHashMode = "flat";
      outputHash = entry.integrity;
      impureEnvVars = lib.fetchers.proxyImpureEnvVars ++ [ "NPM_CONFIG_REGISTRY" ];
      preferLocalBuild = true;
    };

  # Keyed by lock key; two keys with the same package and version share one store path.
  tarballs = lib.mapAttrs fetchTarball registryEntries;

  lockWithTarballs = lock // {
    packages = lock.packages // lib.mapAttrs
      (path: tarball: registryEntries.${path} // { resolved = "file:${tarball}"; })
      tarballs;
  };
in
if entriesWithoutHash != [ ] then
  throw ''
    package-lock.json has entries without an integrity hash, so they cannot be fetched by
    name and version: ${lib.concatStringsSep ", " entriesWithoutHash}''
else
  runCommand "${package.name}-${package.version}-npm-deps"
  {
    package = builtins.toJSON package;
    packageLock = builtins.toJSON lockWithTarballs;
    passAsFile = [ "package" "packageLock" ];
    passthru = { inherit tarballs; };
  } ''
    mkdir "$out"
    cp "$packagePath" "$out/package.json"
    cp "$packageLockPath" "$out/package-lock.json"
  ''

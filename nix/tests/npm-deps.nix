# Evaluates nix/npm-deps.nix against small stand-ins for the parts of nixpkgs it calls, on the
# front end's real lock and on a made-up one with the rarer kinds of entry, and returns the
# broken promises, one sentence each: an empty list means that every package in the lock gets
# exactly one fetch, by its registry name, version and hash, and that the lock handed to npm
# points at it. Run by scripts/test-nix without nixpkgs or a network.
let
  package = name: {
    inherit name;
    outPath = "/nix/store/00000000000000000000000000000000-${name}";
  };

  nodejs = package "nodejs-24.0.0";
  cacert = package "nss-cacert-3.117";

  # A lock in which every kind of entry appears once, read as fixture/package-lock.json.
  fixtureLock = {
    name = "fixture";
    version = "1.0.0";
    lockfileVersion = 3;
    requires = true;
    packages = {
      "" = {
        name = "fixture";
        version = "1.0.0";
        workspaces = [ "packages/local-lib" ];
        dependencies = { plain = "1.0.0"; "@scope/pkg" = "2.0.0"; };
      };
      "node_modules/plain" = { version = "1.0.0"; integrity = "sha512-plain"; };
      "node_modules/@scope/pkg" = { version = "2.0.0"; integrity = "sha512-scoped"; };
      "node_modules/plain/node_modules/@scope/pkg" = {
        version = "3.0.0";
        integrity = "sha512-nested";
      };
      "node_modules/old-plain" = {
        name = "plain";
        version = "0.9.0";
        integrity = "sha512-alias";
      };
      "node_modules/local-lib" = { resolved = "packages/local-lib"; link = true; };
      "packages/local-lib" = { name = "local-lib"; version = "0.1.0"; };
      "packages/local-lib/node_modules/left-pad" = {
        version = "1.3.0";
        integrity = "sha512-workspace";
      };
      "node_modules/bundler" = { version = "1.0.0"; integrity = "sha512-bundler"; };
      "node_modules/bundler/node_modules/bundled" = { version = "1.0.0"; inBundle = true; };
    };
  };

  fixturePackage = { name = "fixture"; version = "1.0.0"; };

  # A lock with a dependency npm would fetch from git: no integrity, so no fetch by name.
  gitLock = fixtureLock // {
    packages = fixtureLock.packages // {
      "node_modules/from-git" = {
        version = "1.0.0";
        resolved = "git+ssh://git@example.invalid/from-git.git";
      };
    };
  };

  # Files the stand-in lib.importJSON serves instead of reading them.
  files = {
    "/fixture/package.json" = fixturePackage;
    "/fixture/package-lock.json" = fixtureLock;
    "/git-dependency/package.json" = fixturePackage;
    "/git-dependency/package-lock.json" = gitLock;
  };

  # Only what npm-deps.nix uses; each behaves like its nixpkgs namesake.
  lib = {
    importJSON = file: files.${toString file} or (builtins.fromJSON (builtins.readFile file));
    filterAttrs = keep: attrs: builtins.listToAttrs (map
      (name: { inherit name; value = attrs.${name}; })
      (builtins.filter (name: keep name attrs.${name}) (builtins.attrNames attrs)));
    inherit (builtins) mapAttrs replaceStrings concatStringsSep;
    # These two for plain text only: builtins.split takes a regular expression.
    hasInfix = infix: text: builtins.length (builtins.split infix text) > 1;
    splitString = separator: text:
      builtins.filter builtins.isString (builtins.split separator text);
    last = list: builtins.elemAt list (builtins.length list - 1);
    fetchers.proxyImpureEnvVars = [ "http_proxy" "https_proxy" "HTTP_PROXY" "HTTPS_PROXY" ];
  };

  # Each stand-in hands back its arguments; a fetch's store path follows from its hash.
  stdenvNoCC.mkDerivation = arguments: arguments // {
    outPath = "/nix/store/${builtins.substring 0 32 (builtins.hashString "sha256"
      arguments.outputHash)}-${arguments.name}";
  };
  runCommand = name: environment: script:
    builtins.removeAttrs environment [ "passthru" ] // environment.passthru // {
      inherit name script;
    };

  npmDepsOf = src: import ../npm-deps.nix {
    inherit lib runCommand stdenvNoCC nodejs cacert src;
  };

  # The promises for one lock; `expected` maps lock keys to the fetch each one should get.
  promisesFor = what: src: expected:
    let
      npmDeps = npmDepsOf src;
      lock = lib.importJSON (src + "/package-lock.json");
      written = builtins.fromJSON npmDeps.packageLock;
      inherit (npmDeps) tarballs;

      fetchedAs = path:
        let tarball = tarballs.${path}; in
        {
          name = tarball.packageName;
          version = tarball.packageVersion;
          hash = tarball.outputHash;
        };

      # What the lock entry at `path` should read once rewritten.
      rewritten = path: entry:
        if expected ? ${path} then entry // { resolved = "file:${tarballs.${path}}"; } else entry;

      everyTarball = check: builtins.all check (builtins.attrValues tarballs);

      # What a user may set to fetch through a proxy or from a mirror of the registry.
      mirrorVariables = lib.fetchers.proxyImpureEnvVars ++ [ "NPM_CONFIG_REGISTRY" ];

      # Characters a store path's name may hold, and a tarball's extension.
      storeName = "[A-Za-z0-9+_?=-][A-Za-z0-9.+_?=-]*\\.tgz";
    in
    [
      {
        holds = builtins.attrNames tarballs == builtins.attrNames expected;
        broken = "${what}: the fetches are not exactly one for each package with a hash";
      }
      {
        holds = builtins.all (path: fetchedAs path == expected.${path})
          (builtins.attrNames expected);
        broken = "${what}: a package is fetched by another name, version or hash than its entry's";
      }
      {
        holds = written == lock // { packages = builtins.mapAttrs rewritten lock.packages; };
        broken = "${what}: the lock npm reads does not point every fetched entry at its tarball "
          + "and leave everything else as it was";
      }
      {
        holds = builtins.fromJSON npmDeps.package == lib.importJSON (src + "/package.json");
        broken = "${what}: package.json is not handed to npm as it is";
      }
      {
        holds = everyTarball (tarball: tarball.outputHashMode == "flat");
        broken = "${what}: a tarball's hash is not over the file itself";
      }
      {
        holds = everyTarball (tarball: tarball.nativeBuildInputs == [ nodejs ]
          && builtins.match ".*/[^/]*-npm-pack\\.sh" tarball.buildCommand != null);
        broken = "${what}: a tarball is not fetched by nix/npm-pack.sh with nixpkgs' Node.js";
      }
      {
        holds = everyTarball (tarball:
          tarball.SSL_CERT_FILE == "${cacert}/etc/ssl/certs/ca-bundle.crt");
        broken = "${what}: npm does not trust the CA certificates from cacert";
      }
      {
        holds = everyTarball (tarball:
          builtins.all (variable: builtins.elem variable tarball.impureEnvVars) mirrorVariables);
        broken = "${what}: a fetch cannot be pointed at a mirror or through a proxy";
      }
      {
        holds = everyTarball (tarball: builtins.match storeName tarball.name != null);
        broken = "${what}: a tarball's store name is not the package's name and version";
      }
    ];

  # The front end's lock: every entry under node_modules is a registry package with a hash.
  frontend = ../../frontend;
  frontendLock = lib.importJSON (frontend + "/package-lock.json");
  frontendExpected = builtins.mapAttrs
    (path: entry: {
      name = builtins.elemAt (builtins.match ".*node_modules/((@[^/]+/)?[^/]+)" path) 0;
      inherit (entry) version;
      hash = entry.integrity;
    })
    (builtins.removeAttrs frontendLock.packages [ "" ]);

  fixtureExpected = {
    "node_modules/plain" = { name = "plain"; version = "1.0.0"; hash = "sha512-plain"; };
    "node_modules/@scope/pkg" = { name = "@scope/pkg"; version = "2.0.0"; hash = "sha512-scoped"; };
    "node_modules/plain/node_modules/@scope/pkg" = {
      name = "@scope/pkg";
      version = "3.0.0";
      hash = "sha512-nested";
    };
    "node_modules/old-plain" = { name = "plain"; version = "0.9.0"; hash = "sha512-alias"; };
    "packages/local-lib/node_modules/left-pad" = {
      name = "left-pad";
      version = "1.3.0";
      hash = "sha512-workspace";
    };
    "node_modules/bundler" = { name = "bundler"; version = "1.0.0"; hash = "sha512-bundler"; };
  };

  frontendTarballs = (npmDepsOf frontend).tarballs;

  expectations = promisesFor "frontend" frontend frontendExpected
    ++ promisesFor "fixture" "/fixture" fixtureExpected
    ++ [
    {
      holds = builtins.length (builtins.attrNames frontendTarballs)
        == builtins.length (builtins.filter (entry: entry ? integrity)
        (builtins.attrValues frontendLock.packages));
      broken = "the front end's fetches are not as many as its lock's entries with a hash";
    }
    {
      holds = frontendTarballs."node_modules/@types/react".name == "types-react-"
        + frontendLock.packages."node_modules/@types/react".version + ".tgz";
      broken = "a scoped package's tarball is not named as npm pack names it";
    }
    {
      holds = !(builtins.tryEval (npmDepsOf "/git-dependency")).success;
      broken = "a lock entry without an integrity hash does not stop the evaluation";
    }
  ];
in
map (expectation: expectation.broken) (builtins.filter (e: !e.holds) expectations)

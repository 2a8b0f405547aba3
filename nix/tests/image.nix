# Evaluates nix/image.nix against small stand-ins for the parts of nixpkgs it calls and
# returns the broken promises, one sentence each: an empty list means the image's settings
# are as production needs them. Run by scripts/test-nix without nixpkgs or a network.
let
  # A store path the way a derivation interpolates into a string.
  package = name: {
    inherit name;
    outPath = "/nix/store/00000000000000000000000000000000-${name}";
  };

  program = name: mainProgram: package name // { meta = { inherit mainProgram; }; };

  server = program "tozo-0.1.0" "tozo";
  tini = program "tini-0.19.0" "tini";
  frontend = package "tozo-frontend-0.1.0";
  cacert = package "nss-cacert-3.117";

  # Only what image.nix uses; each behaves like its nixpkgs namesake.
  lib = {
    getExe = drv: "${drv}/bin/${drv.meta.mainProgram}";
    mapAttrsToList = f: attrs: map (name: f name attrs.${name}) (builtins.attrNames attrs);
  };

  # Hands back its arguments, so that the settings themselves can be inspected.
  dockerTools = {
    buildLayeredImage = arguments: arguments;
    fakeNss = package "fake-nss";
    caCertificates = package "ca-certificates";
    binSh = package "bin-sh";
    usrBinEnv = package "usr-bin-env";
  };

  image = import ../image.nix {
    inherit lib dockerTools cacert tini server frontend;
    version = "1.2.3";
    revision = "0123456789abcdef0123456789abcdef01234567";
    sourceUrl = "https://example.invalid/tozo";
  };

  inherit (image) config;

  environment = builtins.listToAttrs (map
    (entry:
      let parts = builtins.match "([^=]+)=(.*)" entry;
      in { name = builtins.elemAt parts 0; value = builtins.elemAt parts 1; })
    config.Env);

  contentNames = map (drv: drv.name) image.contents;

  # A name that would bring a shell, core utilities or a package manager into the image.
  unwanted = name:
    builtins.match "(bash|bash-interactive|bin-sh|busybox|dash|zsh|coreutils|usr-bin-env|nix)(-.*)?"
      name != null;

  expectations = [
    {
      holds = config.User == "65534:65534";
      broken = "the server does not run as user and group 65534 (nobody)";
    }
    {
      holds = builtins.elem "fake-nss" contentNames;
      broken = "no passwd and group files name user 65534";
    }
    {
      holds = builtins.attrNames config.ExposedPorts == [ "8080/tcp" ];
      broken = "the image does not expose port 8080 alone";
    }
    {
      holds = config.Entrypoint == [ "${tini}/bin/tini" "--" "${server}/bin/tozo" ];
      broken = "PID 1 is not tini running the tozo binary";
    }
    {
      holds = config.Cmd == [ "serve" ];
      broken = "the default command is not `tozo serve`";
    }
    {
      holds = builtins.length config.Env == builtins.length (builtins.attrNames environment);
      broken = "a variable is set twice in the environment";
    }
    {
      holds = environment.TOZO_ADDRESS or null == "0.0.0.0";
      broken = "the server does not listen on every interface";
    }
    {
      holds = environment.TOZO_PORT or null == "8080";
      broken = "the server does not listen on the exposed port";
    }
    {
      holds = environment.TOZO_LOG_FORMAT or null == "json";
      broken = "the logs are not JSON";
    }
    {
      holds = environment.TOZO_STATIC_DIR or null == "${frontend}";
      broken = "TOZO_STATIC_DIR does not point at the built front end";
    }
    {
      holds = environment.SSL_CERT_FILE or null == "${cacert}/etc/ssl/certs/ca-bundle.crt";
      broken = "SSL_CERT_FILE does not point at the CA bundle";
    }
    {
      holds = builtins.elem "ca-certificates" contentNames;
      broken = "/etc/ssl/certs holds no CA certificates";
    }
    {
      holds = builtins.filter unwanted contentNames == [ ];
      broken = "the contents bring a shell, core utilities or a package manager";
    }
    {
      holds = builtins.match ".*mkdir -m 1777 tmp.*" image.extraCommands != null;
      broken = "there is no world-writable, sticky /tmp";
    }
    {
      holds = builtins.elem server.name contentNames;
      broken = "the image has no /bin/tozo, which the ECS health check runs";
    }
    {
      holds = config.Healthcheck.Test == [ "CMD" "/bin/tozo" "healthcheck" ];
      broken = "the health check does not run `tozo healthcheck` without a shell";
    }
    {
      holds = builtins.match "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z" (image.created or "now")
        != null;
      broken = "the creation time is not fixed, so two builds would differ";
    }
    {
      holds = (image.mtime or "1970-01-01T00:00:01Z") != "now";
      broken = "the files' times are not fixed, so two builds would differ";
    }
    {
      holds = config.Labels == {
        "org.opencontainers.image.title" = "tozo";
        "org.opencontainers.image.source" = "https://example.invalid/tozo";
        "org.opencontainers.image.revision" = "0123456789abcdef0123456789abcdef01234567";
        "org.opencontainers.image.version" = "1.2.3";
        "org.opencontainers.image.licenses" = "MIT";
      };
      broken = "the OCI labels do not name the source, revision and version";
    }
  ];
in
map (expectation: expectation.broken) (builtins.filter (e: !e.holds) expectations)

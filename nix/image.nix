# The production container image: `tozo serve` under an init process, as nobody, with the
# built front end and the CA certificates for Postmark and Sentry. No shell, no package
# manager: only what the server's closure needs.
{ lib
, dockerTools
, cacert
, tini
, server
, frontend
, version
, revision
, sourceUrl
}:
let
  port = 8080;

  # dockerTools.fakeNss lists this id as the user and group "nobody".
  nobody = toString 65534;

  environment = {
    TOZO_ADDRESS = "0.0.0.0";
    TOZO_PORT = toString port;
    TOZO_LOG_FORMAT = "json";
    TOZO_STATIC_DIR = "${frontend}";
    SSL_CERT_FILE = "${cacert}/etc/ssl/certs/ca-bundle.crt";
  };

  # The image configuration counts health-check durations in nanoseconds.
  seconds = count: count * 1000000000;
in
dockerTools.buildLayeredImage {
  name = "tozo";
  tag = version;

  # A fixed time, so that the digest depends on the contents alone.
  created = "1970-01-01T00:00:01Z";

  # The server too, for its /bin/tozo: the path the ECS task definition's health check runs.
  contents = [
    dockerTools.fakeNss
    dockerTools.caCertificates
    server
  ];

  extraCommands = ''
    mkdir -m 1777 tmp
  '';

  config = {
    # tini reaps zombies and forwards SIGTERM, so that the server can drain and exit.
    Entrypoint = [ (lib.getExe tini) "--" (lib.getExe server) ];
    Cmd = [ "serve" ];
    User = "${nobody}:${nobody}";
    WorkingDir = "/tmp";
    Env = lib.mapAttrsToList (name: value: "${name}=${value}") environment;
    ExposedPorts."${toString port}/tcp" = { };

    # NOTE: ECS ignores this; its task definition repeats the same command.
    Healthcheck = {
      Test = [ "CMD" "/bin/tozo" "healthcheck" ];
      Interval = seconds 30;
      Timeout = seconds 5;
      StartPeriod = seconds 20;
      Retries = 3;
    };

    Labels = {
      "org.opencontainers.image.title" = "tozo";
      "org.opencontainers.image.source" = sourceUrl;
      "org.opencontainers.image.revision" = revision;
      "org.opencontainers.image.version" = version;
      "org.opencontainers.image.licenses" = "MIT";
    };
  };
}

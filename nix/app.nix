# `nix run`: the server with the front end built alongside it. An explicit TOZO_STATIC_DIR
# still wins, to try out a front end built elsewhere.
{ runCommand
, makeBinaryWrapper
, server
, frontend
}:
runCommand "tozo-${server.version}"
{
  nativeBuildInputs = [ makeBinaryWrapper ];
  meta = server.meta;
}
  ''
    makeBinaryWrapper ${server}/bin/tozo "$out/bin/tozo" \
      --set-default TOZO_STATIC_DIR ${frontend}
  ''

# Checks that flake.lock pins every input of flake.nix the way `nix flake lock` would, so that
# a hand edit of either file cannot leave them apart. Returns the problems, one sentence each.
let
  flake = import ../../flake.nix;
  lock = builtins.fromJSON (builtins.readFile ../../flake.lock);

  rootInputs = lock.nodes.${lock.root}.inputs;
  nixpkgs = lock.nodes.${rootInputs.nixpkgs};

  # github:OWNER/REPO/REF as written in flake.nix.
  url = builtins.match "github:([^/]+)/([^/]+)/([^/]+)" flake.inputs.nixpkgs.url;

  expectations = [
    {
      holds = lock.version == 7;
      broken = "flake.lock is not in the format current Nix writes";
    }
    {
      holds = builtins.attrNames rootInputs == builtins.attrNames flake.inputs;
      broken = "flake.lock does not lock exactly the inputs flake.nix declares";
    }
    {
      holds = url != null
        && nixpkgs.original == {
        type = "github";
        owner = builtins.elemAt url 0;
        repo = builtins.elemAt url 1;
        ref = builtins.elemAt url 2;
      };
      broken = "flake.lock's nixpkgs entry was locked from another URL than flake.nix names";
    }
    {
      holds = builtins.match "nixos-[0-9]{2}\\.(05|11)" nixpkgs.original.ref != null;
      broken = "nixpkgs does not follow a release branch";
    }
    {
      holds = builtins.match "[0-9a-f]{40}" nixpkgs.locked.rev != null;
      broken = "nixpkgs is not pinned to a full commit";
    }
    {
      holds = builtins.match "sha256-[A-Za-z0-9+/]{43}=" nixpkgs.locked.narHash != null;
      broken = "nixpkgs has no SHA-256 narHash";
    }
    {
      holds = nixpkgs.locked.owner == nixpkgs.original.owner
        && nixpkgs.locked.repo == nixpkgs.original.repo;
      broken = "the locked nixpkgs is another repository than the one asked for";
    }
  ];
in
map (expectation: expectation.broken) (builtins.filter (e: !e.holds) expectations)

{
  description = "Tozo, a to-do web app: its server, front end and production image";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      inherit (nixpkgs) lib;

      # NOTE: Linux only: the image and the checks that start PostgreSQL need a Linux builder.
      systems = [ "x86_64-linux" "aarch64-linux" ];

      workspace = (lib.importTOML ./Cargo.toml).workspace.package;
      inherit (workspace) version;

      sources = import ./nix/sources.nix { inherit lib; };

      perSystem = system:
        let
          pkgs = import nixpkgs {
            inherit system;
            # Terraform's licence counts as unfree in nixpkgs: allow that package and no other.
            config.allowUnfreePredicate = pkg: lib.getName pkg == "terraform";
          };
          inherit (pkgs) callPackage;
        in
        rec {
          inherit pkgs;

          # Refuses, at evaluation, a rustc older than the workspace's rust-version.
          rustPlatform = callPackage ./nix/rust-platform.nix {
            rustVersion = workspace.rust-version;
          };

          server = callPackage ./nix/server.nix {
            inherit version rustPlatform;
            src = sources.rust;
          };

          # The packages of frontend/package-lock.json, shared by the build and its checks.
          npmDeps = callPackage ./nix/npm-deps.nix { src = sources.frontend; };

          frontend = callPackage ./nix/frontend.nix {
            inherit version npmDeps;
            src = sources.frontend;
          };

          app = callPackage ./nix/app.nix { inherit server frontend; };

          image = callPackage ./nix/image.nix {
            inherit server frontend version;
            revision = self.rev or "dirty";
            sourceUrl = workspace.repository;
          };

          checks = {
            rustfmt = callPackage ./nix/checks/rustfmt.nix { src = sources.rust; };
            clippy = callPackage ./nix/checks/clippy.nix {
              inherit version rustPlatform;
              src = sources.rust;
            };
            rust-tests = callPackage ./nix/checks/rust-tests.nix {
              inherit version rustPlatform;
              src = sources.rust;
            };
            frontend = callPackage ./nix/checks/frontend.nix {
              inherit version npmDeps;
              src = sources.frontend;
            };
            nix = callPackage ./nix/checks/nix.nix { src = sources.nix; };
            image = callPackage ./nix/checks/image.nix { inherit image; };
          };

          devShell = callPackage ./nix/dev-shell.nix { };
        };

      bySystem = lib.genAttrs systems perSystem;
    in
    {
      packages = lib.mapAttrs
        (_: tozo: {
          inherit (tozo) server frontend image;
          default = tozo.app;
        })
        bySystem;

      apps = lib.mapAttrs
        (_: tozo: {
          default = {
            type = "app";
            program = lib.getExe tozo.app;
            meta.description = "Run the Tozo server with its front end";
          };
        })
        bySystem;

      checks = lib.mapAttrs (_: tozo: tozo.checks) bySystem;

      devShells = lib.mapAttrs (_: tozo: { default = tozo.devShell; }) bySystem;

      formatter = lib.mapAttrs (_: tozo: tozo.pkgs.nixpkgs-fmt) bySystem;
    };
}

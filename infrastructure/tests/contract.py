"""The contract between the Terraform in infrastructure/ and the server it runs.

Each `check_*` function reads the configuration through python-hcl2 and raises
`ContractViolation` with a sentence saying what broke. The tests run every check against
the real configuration and against copies broken on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hcl2

REPOSITORY = Path(__file__).resolve().parents[2]
INFRASTRUCTURE = REPOSITORY / "infrastructure"
BUCKET_MODULE = Path("modules") / "private-bucket"
SERVER_SETTINGS = REPOSITORY / "crates" / "tozo-server" / "src" / "config.rs"
IMAGE_EXPRESSION = REPOSITORY / "nix" / "image.nix"

CONTAINER_PORT = 8080
HEALTH_CHECK_PATH = "/control/ping/"
NOBODY = "65534"
SECRET_VARIABLES = {
    "TOZO_SECRET_KEY",
    "TOZO_POSTMARK_TOKEN",
    "SENTRY_DSN",
    "TOZO_DATABASE_PASSWORD",
}
# Read by every Sentry SDK under this name, so the server reads it without the prefix.
UNPREFIXED_SETTINGS = {"sentry_dsn": "SENTRY_DSN"}

# Each stack's call of the bucket module, by the stack's directory below infrastructure/.
BUCKET_CALLS = {Path("."): "log_bucket", Path("bootstrap"): "state_bucket"}
# What each stack held as `<type>.this` before its bucket moved into the module.
MOVED_BUCKET_RESOURCES = (
    "aws_s3_bucket",
    "aws_s3_bucket_versioning",
    "aws_s3_bucket_server_side_encryption_configuration",
    "aws_s3_bucket_public_access_block",
    "aws_s3_bucket_ownership_controls",
    "aws_s3_bucket_lifecycle_configuration",
    "aws_s3_bucket_policy",
)


class ContractViolation(AssertionError):
    """The configuration breaks the contract; the message says how."""


def require(condition: bool, message: str) -> None:
    if not condition:
        raise ContractViolation(message)


def unquote(text: Any) -> Any:
    """python-hcl2 8 keeps the quotes of string literals and block labels."""
    if isinstance(text, str) and len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    return text


def strings_in(value: Any) -> list[str]:
    """Every string anywhere in a parsed block: its values, not its keys or comments."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [
            text
            for key, item in value.items()
            if not key.startswith("__")
            for text in strings_in(item)
        ]
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return []


@dataclass
class Configuration:
    """The blocks of one Terraform module, keyed by type and unquoted name."""

    locals: dict[str, Any] = field(default_factory=dict)
    resources: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    variables: dict[str, dict[str, Any]] = field(default_factory=dict)
    outputs: set[str] = field(default_factory=set)
    modules: dict[str, dict[str, Any]] = field(default_factory=dict)
    # `moved` blocks: the old address to the new one, both as written.
    moves: dict[str, str] = field(default_factory=dict)
    # `module.<call>.<output>` references outside `moved` blocks, as (call, output).
    module_references: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def load(cls, directory: Path) -> Configuration:
        configuration = cls()
        files = sorted(directory.glob("*.tf"))
        require(bool(files), f"no Terraform files in {directory}")
        for path in files:
            with path.open(encoding="utf-8") as handle:
                document = hcl2.load(handle)
            for block in document.get("locals", []):
                configuration.locals.update(
                    {key: value for key, value in block.items() if not key.startswith("__")}
                )
            for block in document.get("resource", []):
                for kind, named in block.items():
                    for name, body in named.items():
                        configuration.resources[(unquote(kind), unquote(name))] = body
            for block in document.get("variable", []):
                for name, body in block.items():
                    configuration.variables[unquote(name)] = body
            for block in document.get("output", []):
                configuration.outputs.update(unquote(name) for name in block)
            for block in document.get("module", []):
                for name, body in block.items():
                    configuration.modules[unquote(name)] = body
            for block in document.get("moved", []):
                configuration.moves[reference(block["from"])] = reference(block["to"])
            for kind, blocks in document.items():
                if kind == "moved":
                    continue
                for text in strings_in(blocks):
                    configuration.module_references.update(
                        re.findall(r"\bmodule\.(\w+)\.(\w+)", text)
                    )
        return configuration

    def local(self, name: str) -> Any:
        require(name in self.locals, f"local.{name} is not defined")
        return self.locals[name]

    def resource(self, kind: str, name: str) -> dict[str, Any]:
        require((kind, name) in self.resources, f"resource {kind}.{name} is not defined")
        return self.resources[(kind, name)]

    def module(self, name: str) -> dict[str, Any]:
        require(name in self.modules, f"module {name} is not called")
        return self.modules[name]

    def resolve(self, value: Any) -> Any:
        """The literal a value stands for: a quoted string, or a reference to a local."""
        if isinstance(value, str):
            reference = re.fullmatch(r"\$\{(?:tostring\()?local\.(\w+)\)?\}", value)
            if reference:
                return self.resolve(self.local(reference.group(1)))
        return unquote(value)

    def variable_default(self, name: str) -> Any:
        require(name in self.variables, f"variable {name} is not declared")
        return unquote(self.variables[name].get("default"))


def reference(text: str) -> str:
    """A bare reference as written: python-hcl2 wraps it in ${...}."""
    return text[2:-1] if text.startswith("${") and text.endswith("}") else text


def only_block(body: dict[str, Any], name: str) -> dict[str, Any]:
    blocks = body.get(name)
    require(isinstance(blocks, list) and len(blocks) == 1, f"expected one {name} block")
    return blocks[0]


def container_definitions(configuration: Configuration) -> str:
    task = configuration.resource("aws_ecs_task_definition", "this")
    return task["container_definitions"]


def environment_names(configuration: Configuration) -> set[str]:
    """Every variable the task's container gets in plain text."""
    names = set(configuration.local("container_environment"))
    optional = configuration.local("container_optional_environment")
    names |= set(re.findall(r"\b([A-Z][A-Z0-9_]*)\s*=", str(optional)))
    return names


def secret_names(configuration: Configuration) -> set[str]:
    return set(configuration.local("container_secrets"))


def settings_environment_names(source: str) -> set[str]:
    """The variables the server reads: TOZO_ + each field of `pub struct Settings`.

    `sentry_dsn` is the exception: it is read as SENTRY_DSN, and TOZO_SENTRY_DSN is not read.
    """
    start = re.search(r"\bpub\s+struct\s+Settings\s*\{", source)
    require(start is not None, "config.rs has no `pub struct Settings { ... }`")
    depth, index = 1, start.end()
    while depth and index < len(source):
        depth += {"{": 1, "}": -1}.get(source[index], 0)
        index += 1
    body = source[start.end() : index - 1]

    names: set[str] = set()
    rename: str | None = None
    for line in body.splitlines():
        line = line.strip()
        if line.startswith("//"):
            continue
        if line.startswith("#["):
            renamed = re.search(r'rename\s*=\s*"([^"]+)"', line)
            rename = renamed.group(1) if renamed else rename
            continue
        declared = re.match(r"(?:pub(?:\([^)]*\))?\s+)?([a-z_][a-z0-9_]*)\s*:", line)
        if declared:
            setting = rename or declared.group(1)
            names.add(UNPREFIXED_SETTINGS.get(setting, "TOZO_" + setting.upper()))
            rename = None
    require(bool(names), "`pub struct Settings` declares no fields")
    return names


def check_container_port(configuration: Configuration) -> None:
    port = configuration.local("container_port")
    require(port == CONTAINER_PORT, f"the container port is {port}, not {CONTAINER_PORT}")

    target_group = configuration.resource("aws_lb_target_group", "this")
    target_port = configuration.resolve(target_group.get("port"))
    require(target_port == CONTAINER_PORT, f"the target group sends to {target_port}")
    require(
        unquote(target_group.get("target_type")) == "ip",
        "Fargate tasks register by address: the target type must be ip",
    )

    service = configuration.resource("aws_ecs_service", "this")
    balanced = configuration.resolve(only_block(service, "load_balancer")["container_port"])
    require(balanced == CONTAINER_PORT, f"the service balances to port {balanced}")

    listening = configuration.resolve(configuration.local("container_environment")["TOZO_PORT"])
    require(listening == CONTAINER_PORT, f"the server is told to listen on {listening}")
    require(
        "containerPort = local.container_port" in container_definitions(configuration),
        "the container's port mapping does not use local.container_port",
    )


def check_health_check_path(configuration: Configuration) -> None:
    target_group = configuration.resource("aws_lb_target_group", "this")
    path = unquote(only_block(target_group, "health_check").get("path"))
    require(path == HEALTH_CHECK_PATH, f"the load balancer checks {path}")


def check_health_check_command(configuration: Configuration) -> None:
    command = [unquote(part) for part in configuration.local("container_health_check")]
    require(
        len(command) == 3 and command[0] == "CMD" and command[2] == "healthcheck",
        f"the health check must exec the binary's healthcheck with no shell, not {command}",
    )
    require(command[1].endswith("/tozo"), f"the health check runs {command[1]}, not tozo")
    require(
        "command = local.container_health_check" in container_definitions(configuration),
        "the container's health check does not use local.container_health_check",
    )


def check_settings_are_read_by_the_server(configuration: Configuration, source: str) -> None:
    known = settings_environment_names(source)
    given = environment_names(configuration) | secret_names(configuration)
    unknown = sorted(name for name in given if name not in known)
    require(not unknown, f"the task sets variables the server does not read: {unknown}")


def check_secrets(configuration: Configuration) -> None:
    secrets = configuration.local("container_secrets")
    require(
        set(secrets) == SECRET_VARIABLES,
        f"the task's secrets are {sorted(secrets)}, not {sorted(SECRET_VARIABLES)}",
    )
    exposed = sorted(SECRET_VARIABLES & environment_names(configuration))
    require(not exposed, f"secrets passed as plain environment: {exposed}")

    password = str(secrets["TOZO_DATABASE_PASSWORD"])
    require(
        "master_user_secret" in password and password.endswith(':password::"'),
        "TOZO_DATABASE_PASSWORD must be the password key of RDS's master user secret",
    )
    for name in SECRET_VARIABLES - {"TOZO_DATABASE_PASSWORD"}:
        require(
            str(secrets[name]).startswith("${aws_secretsmanager_secret.this["),
            f"{name} must come from one of the application's Secrets Manager secrets",
        )

    url = str(configuration.local("database_url"))
    template = re.search(r'"(postgres(?:ql)?://[^"]*)"', url)
    require(template is not None, "local.database_url is not a postgres:// URL template")
    require(
        re.match(r"postgres(?:ql)?://[^/@]*:[^/@]*@", template.group(1)) is None,
        "TOZO_DATABASE_URL must not carry a password",
    )

    definitions = container_definitions(configuration)
    require(
        "in local.container_secrets : {name = name, valueFrom = arn}" in definitions,
        "the container's secrets do not come from local.container_secrets",
    )
    require(
        "merge(local.container_environment, local.container_optional_environment)"
        in definitions,
        "the container's environment must come from the two environment locals only",
    )


def check_user(configuration: Configuration, image_expression: str | None) -> None:
    user = configuration.resolve(configuration.local("container_user"))
    require(user == NOBODY, f"the container runs as {user}, not {NOBODY}")
    require(
        "user = local.container_user" in container_definitions(configuration),
        "the container definition does not set user = local.container_user",
    )
    require(
        "readonlyRootFilesystem = true" in container_definitions(configuration),
        "the container's root filesystem must be read-only",
    )
    if image_expression is not None:
        require(NOBODY in image_expression, f"nix/image.nix does not run as {NOBODY}")


def check_trusted_proxy_hops(configuration: Configuration) -> None:
    hops = configuration.resolve(
        configuration.local("container_environment").get("TOZO_TRUSTED_PROXY_HOPS")
    )
    require(hops == "1", f"TOZO_TRUSTED_PROXY_HOPS is {hops}: exactly the load balancer is 1")
    balancer = configuration.resource("aws_lb", "this")
    require(
        unquote(balancer.get("xff_header_processing_mode")) == "append",
        "the load balancer must append the client's address to X-Forwarded-For",
    )


def check_keep_alive(configuration: Configuration) -> None:
    idle = configuration.resolve(configuration.resource("aws_lb", "this").get("idle_timeout"))
    keep_alive = configuration.resolve(
        configuration.local("container_environment").get("TOZO_KEEP_ALIVE")
    )
    require(
        isinstance(idle, int) and isinstance(keep_alive, int) and idle < keep_alive,
        f"the load balancer's idle timeout ({idle}) must be below the keep-alive ({keep_alive})",
    )


def check_deploys_roll_back(configuration: Configuration) -> None:
    image = re.search(r"image\s*=\s*\"([^\"]*)\"", container_definitions(configuration))
    require(
        image is not None and image.group(1).endswith("@${var.container_image_digest}"),
        "the task definition must name its image by digest",
    )
    service = configuration.resource("aws_ecs_service", "this")
    breaker = only_block(service, "deployment_circuit_breaker")
    require(
        breaker.get("enable") is True and breaker.get("rollback") is True,
        "the deployment circuit breaker must be on, with rollback",
    )
    ignored = str(only_block(service, "lifecycle").get("ignore_changes"))
    require("task_definition" in ignored, "Terraform must leave the deployed revision alone")


def check_image_provides_health_check_binary(
    configuration: Configuration, image_expression: str
) -> None:
    """The task's health check names a path; the image must have the server there."""
    binary = unquote(configuration.local("container_health_check")[1])
    in_contents = re.search(r"contents\s*=\s*\[[^\]]*\bserver\b", image_expression)
    require(
        (binary == "/bin/tozo" and in_contents is not None) or binary in image_expression,
        f"nix/image.nix does not put the server at {binary} (buildLayeredImage links the "
        "`bin` of each package in `contents` into /bin): the task's health check would find "
        "no binary and ECS would replace every task",
    )


def check_buckets_move_into_the_module(root: Path) -> None:
    """An existing state follows each stack's bucket into the module, never replaces it.

    Without a `moved` block for one of its resources, the next apply destroys that resource
    at its old address and creates it in the module: for the bucket itself, a new bucket
    with nothing in it (prevent_destroy does not help, as the old address has left the
    configuration).
    """
    bucket_module = Configuration.load(root / BUCKET_MODULE)
    bucket = bucket_module.resource("aws_s3_bucket", "this")
    guard = only_block(bucket, "lifecycle").get("prevent_destroy")
    require(guard is True, "the bucket module's aws_s3_bucket must set prevent_destroy")

    for directory, call in BUCKET_CALLS.items():
        stack = Configuration.load(root / directory)
        source = unquote(stack.module(call).get("source"))
        require(
            (root / directory / source).resolve() == (root / BUCKET_MODULE).resolve(),
            f"module {call} in {directory} calls {source}, not {BUCKET_MODULE}",
        )
        for kind in MOVED_BUCKET_RESOURCES:
            old, new = f"{kind}.this", f"module.{call}.{kind}.this"
            bucket_module.resource(kind, "this")
            require(
                stack.moves.get(old) == new,
                f"{directory}: no moved block takes {old} to {new}; applying would destroy "
                "it and create it again",
            )


def check_bucket_module_calls(root: Path) -> None:
    """Each call passes what the module declares and reads only outputs it has.

    `terraform validate` cannot run offline, so this catches a misspelt argument or output.
    """
    bucket_module = Configuration.load(root / BUCKET_MODULE)
    declared = set(bucket_module.variables)
    required = {name for name, body in bucket_module.variables.items() if "default" not in body}
    meta_arguments = {"source", "version", "providers", "depends_on", "count", "for_each"}

    for directory, call in BUCKET_CALLS.items():
        stack = Configuration.load(root / directory)
        given = {key for key in stack.module(call) if not key.startswith("__")}
        unknown = sorted(given - declared - meta_arguments)
        require(not unknown, f"module {call} in {directory} is given undeclared {unknown}")
        missing = sorted(required - given)
        require(not missing, f"module {call} in {directory} lacks required {missing}")
        read = {output for name, output in stack.module_references if name == call}
        undeclared = sorted(read - bucket_module.outputs)
        require(not undeclared, f"{directory} reads undeclared outputs of {call}: {undeclared}")


def check_log_bucket_takes_load_balancer_logs(configuration: Configuration) -> None:
    """Load balancers write access logs only to SSE-S3 buckets; anything else loses them."""
    balancer = configuration.resource("aws_lb", "this")
    access_logs = only_block(balancer, "access_logs")
    require(
        access_logs.get("bucket") == "${module.log_bucket.id}",
        "the load balancer's access logs must go to the log bucket",
    )
    encryption = configuration.resolve(configuration.module("log_bucket").get("sse_algorithm"))
    require(
        encryption == "AES256",
        f'the log bucket must set sse_algorithm = "AES256", not {encryption}: the load '
        "balancer writes access logs only to buckets with S3-managed keys",
    )

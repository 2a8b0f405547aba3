"""The Terraform keeps the server's contract, and every check notices when it does not."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import contract
from contract import Configuration, ContractViolation


@pytest.fixture(scope="module")
def configuration() -> Configuration:
    return Configuration.load(contract.INFRASTRUCTURE)


def image_expression() -> str | None:
    path = contract.IMAGE_EXPRESSION
    return path.read_text(encoding="utf-8") if path.exists() else None


def test_the_container_listens_where_the_load_balancer_sends(configuration):
    contract.check_container_port(configuration)


def test_the_load_balancer_checks_the_servers_ping_route(configuration):
    contract.check_health_check_path(configuration)


def test_the_health_check_runs_the_binary_without_a_shell(configuration):
    contract.check_health_check_command(configuration)


def test_every_variable_the_task_sets_is_read_by_the_server(configuration):
    settings = contract.SERVER_SETTINGS
    if not settings.exists():
        pytest.fail(
            f"{settings.relative_to(contract.REPOSITORY)} does not exist: the task's "
            "TOZO_ variables cannot be checked against the server's settings",
            pytrace=False,
        )
    source = settings.read_text(encoding="utf-8")
    contract.check_settings_are_read_by_the_server(configuration, source)


def test_secrets_reach_the_task_from_secrets_manager_and_never_in_plain_text(configuration):
    contract.check_secrets(configuration)


def test_the_container_runs_as_nobody_on_a_read_only_root(configuration):
    contract.check_user(configuration, image_expression())


def test_the_image_has_the_binary_the_health_check_runs(configuration):
    image = image_expression()
    if image is None:
        pytest.fail("nix/image.nix does not exist: the health check's path cannot be checked")
    contract.check_image_provides_health_check_binary(configuration, image)


def test_the_server_trusts_exactly_the_load_balancers_hop(configuration):
    contract.check_trusted_proxy_hops(configuration)


def test_the_load_balancer_closes_idle_connections_before_the_server(configuration):
    contract.check_keep_alive(configuration)


def test_a_deploy_names_its_image_by_digest_and_rolls_back_on_failure(configuration):
    contract.check_deploys_roll_back(configuration)


def test_each_stacks_bucket_moves_into_the_module_instead_of_being_replaced():
    contract.check_buckets_move_into_the_module(contract.INFRASTRUCTURE)


def test_the_stacks_pass_the_bucket_module_what_it_declares_and_read_what_it_outputs():
    contract.check_bucket_module_calls(contract.INFRASTRUCTURE)


def test_the_load_balancer_logs_to_a_bucket_it_can_write_to(configuration):
    contract.check_log_bucket_takes_load_balancer_logs(configuration)


def test_the_settings_parser_reads_each_field_as_a_tozo_variable():
    source = """
        use serde::Deserialize;

        /// Everything the server reads from its environment.
        #[derive(Debug, Deserialize)]
        pub struct Settings {
            /// Where to listen.
            pub address: IpAddr,
            // A comment, not a field: ignored: String,
            pub(crate) base_url: Url,
            #[serde(rename = "keep_alive")]
            pub keep_alive_seconds: u64,
            secret_key: Option<SecretKey>,
            pub sentry_dsn: Option<String>,
        }

        pub struct Other {
            pub not_a_setting: bool,
        }
    """
    assert contract.settings_environment_names(source) == {
        "TOZO_ADDRESS",
        "TOZO_BASE_URL",
        "TOZO_KEEP_ALIVE",
        "TOZO_SECRET_KEY",
        "SENTRY_DSN",
    }


def test_the_settings_parser_refuses_a_file_without_the_settings_struct():
    with pytest.raises(ContractViolation, match="no `pub struct Settings"):
        contract.settings_environment_names("pub struct Config { pub port: u16 }")


def settings_accepting(configuration: Configuration) -> str:
    """A Settings struct that reads exactly the variables the configuration sets."""
    given = contract.environment_names(configuration) | contract.secret_names(configuration)
    fields = [f"    pub {name.removeprefix('TOZO_').lower()}: String," for name in sorted(given)]
    return "pub struct Settings {\n" + "\n".join(fields) + "\n}\n"


# (file, text, replacement, check that must now fail)
Check = Callable[[Configuration], None]
BREAKAGES: dict[str, tuple[str, str, str, Check]] = {
    "container port": (
        "service.tf",
        "container_port = 8080",
        "container_port = 8081",
        contract.check_container_port,
    ),
    "target group port": (
        "load_balancer.tf",
        "port                 = local.container_port",
        "port                 = 80",
        contract.check_container_port,
    ),
    "target type": (
        "load_balancer.tf",
        'target_type          = "ip"',
        'target_type          = "instance"',
        contract.check_container_port,
    ),
    "health check path": (
        "load_balancer.tf",
        'path                = "/control/ping/"',
        'path                = "/"',
        contract.check_health_check_path,
    ),
    "health check through a shell": (
        "service.tf",
        '["CMD", "/bin/tozo", "healthcheck"]',
        '["CMD-SHELL", "/bin/tozo healthcheck"]',
        contract.check_health_check_command,
    ),
    "variable the server does not read": (
        "service.tf",
        'TOZO_LOG_FORMAT         = "json"',
        'TOZO_LOG_FORMAT         = "json"\n    TOZO_LOG_LEVEL          = "debug"',
        None,  # checked against settings_accepting(original configuration) below
    ),
    "secret missing": (
        "service.tf",
        'SENTRY_DSN          = aws_secretsmanager_secret.this["sentry-dsn"].arn',
        "",
        contract.check_secrets,
    ),
    "secret in plain environment": (
        "service.tf",
        'TOZO_LOG_FORMAT         = "json"',
        'TOZO_LOG_FORMAT         = "json"\n    TOZO_SECRET_KEY         = "changeme"',
        contract.check_secrets,
    ),
    "password in the database URL": (
        "service.tf",
        '"postgres://%s@%s:%d/%s?sslmode=require"',
        '"postgres://%s:changeme@%s:%d/%s?sslmode=require"',
        contract.check_secrets,
    ),
    "wrong key of the database secret": (
        "service.tf",
        ":password::",
        ":username::",
        contract.check_secrets,
    ),
    "root user": (
        "service.tf",
        'container_user = "65534"',
        'container_user = "0"',
        lambda configuration: contract.check_user(configuration, None),
    ),
    "writable root filesystem": (
        "service.tf",
        "readonlyRootFilesystem = true",
        "readonlyRootFilesystem = false",
        lambda configuration: contract.check_user(configuration, None),
    ),
    "two trusted hops": (
        "service.tf",
        'TOZO_TRUSTED_PROXY_HOPS = "1"',
        'TOZO_TRUSTED_PROXY_HOPS = "2"',
        contract.check_trusted_proxy_hops,
    ),
    "forwarded-for header not appended": (
        "load_balancer.tf",
        'xff_header_processing_mode = "append"',
        'xff_header_processing_mode = "preserve"',
        contract.check_trusted_proxy_hops,
    ),
    "idle timeout above the keep-alive": (
        "load_balancer.tf",
        "alb_idle_timeout_seconds = 60",
        "alb_idle_timeout_seconds = 120",
        contract.check_keep_alive,
    ),
    "image by tag": (
        "service.tf",
        "@${var.container_image_digest}",
        ":latest",
        contract.check_deploys_roll_back,
    ),
    "no rollback": (
        "service.tf",
        "deployment_circuit_breaker {\n    enable   = true\n    rollback = true",
        "deployment_circuit_breaker {\n    enable   = true\n    rollback = false",
        contract.check_deploys_roll_back,
    ),
    "Terraform owns the deployed revision": (
        "service.tf",
        "ignore_changes = [task_definition, desired_count]",
        "ignore_changes = [desired_count]",
        contract.check_deploys_roll_back,
    ),
    "log bucket encrypted with KMS": (
        "logs.tf",
        'sse_algorithm                      = "AES256"',
        'sse_algorithm                      = "aws:kms"',
        contract.check_log_bucket_takes_load_balancer_logs,
    ),
    "access logs to another bucket": (
        "load_balancer.tf",
        "bucket  = module.log_bucket.id",
        'bucket  = "elsewhere"',
        contract.check_log_bucket_takes_load_balancer_logs,
    ),
}


def replace_once(target: Path, text: str, replacement: str) -> None:
    source = target.read_text(encoding="utf-8")
    # A breakage that no longer matches would pass without testing anything.
    assert source.count(text) == 1, f"{text!r} should occur exactly once in {target}"
    target.write_text(source.replace(text, replacement), encoding="utf-8")


def broken_copy(directory: Path, file: str, text: str, replacement: str) -> Configuration:
    for path in contract.INFRASTRUCTURE.glob("*.tf"):
        shutil.copy(path, directory / path.name)
    replace_once(directory / file, text, replacement)
    return Configuration.load(directory)


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_each_check_fails_when_the_configuration_breaks_it(breakage, configuration, tmp_path):
    file, text, replacement, check = BREAKAGES[breakage]
    broken = broken_copy(tmp_path, file, text, replacement)
    if check is None:
        settings = settings_accepting(configuration)
        contract.check_settings_are_read_by_the_server(configuration, settings)
        with pytest.raises(ContractViolation):
            contract.check_settings_are_read_by_the_server(broken, settings)
    else:
        check(configuration)
        with pytest.raises(ContractViolation):
            check(broken)


# Breakages across the stacks and the bucket module: (file below infrastructure/, text,
# replacement, check of the whole tree that must now fail).
TreeCheck = Callable[[Path], None]
TREE_BREAKAGES: dict[str, tuple[str, str, str, TreeCheck]] = {
    "log bucket moved to another address": (
        "moved.tf",
        "to   = module.log_bucket.aws_s3_bucket.this\n",
        "to   = module.logs.aws_s3_bucket.this\n",
        contract.check_buckets_move_into_the_module,
    ),
    "state bucket policy left behind": (
        "bootstrap/moved.tf",
        "moved {\n  from = aws_s3_bucket_policy.this\n"
        "  to   = module.state_bucket.aws_s3_bucket_policy.this\n}\n",
        "",
        contract.check_buckets_move_into_the_module,
    ),
    "bucket that a plan may destroy": (
        "modules/private-bucket/main.tf",
        "prevent_destroy = true",
        "prevent_destroy = false",
        contract.check_buckets_move_into_the_module,
    ),
    "misspelt module argument": (
        "bootstrap/state.tf",
        "noncurrent_version_expiration_days = 90",
        "noncurrent_versions_expiration_days = 90",
        contract.check_bucket_module_calls,
    ),
    "required module argument left out": (
        "logs.tf",
        '  lifecycle_rule_id                  = "expire-logs"\n',
        "",
        contract.check_bucket_module_calls,
    ),
    "output the module does not have": (
        "bootstrap/outputs.tf",
        "module.state_bucket.id",
        "module.state_bucket.name",
        contract.check_bucket_module_calls,
    ),
}


def broken_tree(directory: Path, file: str, text: str, replacement: str) -> Path:
    root = directory / "infrastructure"
    ignored = shutil.ignore_patterns(".terraform", "tests")
    shutil.copytree(contract.INFRASTRUCTURE, root, ignore=ignored)
    replace_once(root / file, text, replacement)
    return root


@pytest.mark.parametrize("breakage", TREE_BREAKAGES)
def test_each_tree_check_fails_when_a_stack_or_the_module_breaks_it(breakage, tmp_path):
    file, text, replacement, check = TREE_BREAKAGES[breakage]
    broken = broken_tree(tmp_path, file, text, replacement)
    check(contract.INFRASTRUCTURE)
    with pytest.raises(ContractViolation):
        check(broken)


def test_the_image_check_fails_when_the_image_runs_as_another_user(configuration):
    with pytest.raises(ContractViolation, match="image.nix"):
        contract.check_user(configuration, '{ config.User = "1000:1000"; }')


def test_the_binary_check_accepts_an_image_that_links_the_server_into_bin(configuration):
    image = "buildLayeredImage { contents = [ dockerTools.fakeNss server ]; }"
    contract.check_image_provides_health_check_binary(configuration, image)


def test_the_binary_check_fails_when_the_server_is_only_in_the_store(configuration):
    image = "buildLayeredImage { contents = [ dockerTools.fakeNss ]; Entrypoint = [ server ]; }"
    with pytest.raises(ContractViolation, match="/bin/tozo"):
        contract.check_image_provides_health_check_binary(configuration, image)

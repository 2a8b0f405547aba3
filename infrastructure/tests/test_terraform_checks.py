"""The offline Terraform checks catch what they are there to catch."""

from __future__ import annotations

import shutil

import pytest

import contract
import terraform_checks
from terraform_checks import CheckFailed


def test_fmt_passes_on_the_configuration_and_fails_on_a_misformatted_copy(tmp_path):
    terraform_checks.check_format(contract.INFRASTRUCTURE)

    copy = tmp_path / "infrastructure"
    shutil.copytree(contract.INFRASTRUCTURE, copy, ignore=shutil.ignore_patterns(".terraform"))
    variables = copy / "variables.tf"
    source = variables.read_text(encoding="utf-8")
    variables.write_text(source.replace("  type        = string", "  type = string", 1))
    with pytest.raises(CheckFailed, match="variables.tf"):
        terraform_checks.check_format(copy)


def test_validate_runs_on_a_module_without_providers_and_reports_its_errors(tmp_path):
    module = tmp_path / "module"
    module.mkdir()
    (module / "main.tf").write_text('output "answer" {\n  value = var.undeclared\n}\n')
    with pytest.raises(CheckFailed, match="undeclared"):
        terraform_checks.check_validate(tmp_path)

    (module / "main.tf").write_text('output "answer" {\n  value = 42\n}\n')
    terraform_checks.check_validate(tmp_path)


def test_the_stacks_and_module_are_named_as_not_validated_as_they_need_the_aws_provider(capsys):
    terraform_checks.check_validate(contract.INFRASTRUCTURE)
    printed = capsys.readouterr().out
    assert "infrastructure NOT VALIDATED: it needs hashicorp/aws" in printed
    assert "infrastructure/bootstrap NOT VALIDATED: it needs hashicorp/aws" in printed
    module = "infrastructure/modules/private-bucket"
    assert f"{module} NOT VALIDATED: it needs hashicorp/aws" in printed


def report(passed=10, failed=0, parsing_errors=0, failed_checks=()):
    return {
        "check_type": "terraform",
        "results": {"failed_checks": list(failed_checks)},
        "summary": {"passed": passed, "failed": failed, "parsing_errors": parsing_errors},
    }


def test_a_clean_checkov_report_passes():
    assert terraform_checks.judge_checkov(report()) == "checkov: 10 checks passed, none failed"


def test_a_checkov_report_with_a_parsing_error_fails_although_checkov_exits_0():
    with pytest.raises(CheckFailed, match="could not parse"):
        terraform_checks.judge_checkov(report(passed=0, parsing_errors=1))


def test_a_checkov_report_with_a_failed_check_fails():
    failed = {
        "check_id": "CKV_AWS_16",
        "check_name": "Ensure all data stored in the RDS is securely encrypted at rest",
        "resource": "aws_db_instance.this",
        "file_path": "/database.tf",
        "file_line_range": [30, 90],
    }
    with pytest.raises(CheckFailed, match="1 failed"):
        terraform_checks.judge_checkov(report(failed=1, failed_checks=[failed]))


def test_a_checkov_report_that_checked_nothing_fails():
    with pytest.raises(CheckFailed, match="checked nothing"):
        terraform_checks.judge_checkov(report(passed=0))

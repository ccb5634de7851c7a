"""The GitHub Actions test workflow runs exactly the README's test command."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def readme_test_command():
    """The command under "# 2." in the README's set-up block."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [command] = re.findall(r"^# 2\..*\n(.+)$", readme, flags=re.M)
    return command.strip()


def test_workflow_runs_the_readme_test_command_on_push_and_pull_request():
    with open(ROOT / ".github" / "workflows" / "tests.yml", encoding="utf-8") as handle:
        workflow = yaml.safe_load(handle)
    # YAML 1.1 reads the key `on` as True.
    triggers = workflow.get("on", workflow.get(True))
    assert "push" in triggers and "pull_request" in triggers
    [job] = workflow["jobs"].values()
    assert job["runs-on"] == "ubuntu-latest"
    [python] = [s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    assert str(python["with"]["python-version"]) == "3.11"
    runs = [s["run"].strip() for s in job["steps"] if "run" in s]
    assert runs[-1] == readme_test_command()
    assert "python -m pytest" in runs[-1] and "npm ci" in runs[-1]
    # The browser tests use the distribution's Chromium; nothing downloads one.
    assert "playwright install" not in "\n".join(runs)

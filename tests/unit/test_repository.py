"""The repository's own promises: a valid publishing workflow, documented data format."""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
import sys

import pytest
import yaml

from tests.conftest import REPO, SEED_DATA

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def test_workflows_are_valid_against_the_github_workflow_schema():
    assert WORKFLOWS, "no workflow found"
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         *map(str, WORKFLOWS)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def _workflow(name: str) -> dict:
    return yaml.safe_load((REPO / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


# The current major version of each action the workflows use (from the actions' release
# notes, 2026-12), and the inputs its action.yml declares that Podium may give: a typo
# such as `fetch-depht` fails here, where actionlint 1.7.7 knows no input of these versions.
CURRENT_ACTIONS = {
    "actions/checkout@v6": {"repository", "ref", "token", "persist-credentials", "path", "clean", "fetch-depth",
                            "fetch-tags", "filter", "sparse-checkout", "lfs", "submodules"},
    "actions/setup-python@v6": {"python-version", "python-version-file", "cache", "cache-dependency-path",
                                "architecture", "check-latest"},
    "actions/setup-node@v6": {"node-version", "node-version-file", "cache", "cache-dependency-path", "registry-url"},
    "actions/configure-pages@v6": {"static_site_generator", "generator_config_file", "token", "enablement"},
    "actions/upload-pages-artifact@v5": {"name", "path", "retention-days"},
    "actions/upload-artifact@v6": {"name", "path", "if-no-files-found", "retention-days", "compression-level",
                                   "overwrite", "include-hidden-files"},
    "actions/deploy-pages@v5": {"token", "timeout", "error_count", "reporting_interval", "artifact_name", "preview"},
}  # fmt: skip


def test_publish_workflow_deploys_only_from_main_with_least_privilege():
    workflow = _workflow("publish.yml")
    assert workflow["permissions"] == {"contents": "read"}
    assert "group" in workflow["concurrency"]
    jobs = workflow["jobs"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "refs/heads/main" in jobs["deploy"]["if"] and "pull_request" in jobs["deploy"]["if"]
    assert jobs["deploy"]["needs"] == "build"


def test_publish_workflow_runs_only_what_a_programme_needs():
    """Check, build, check the built site: no development suite, no npm, no browser."""
    runs = [step["run"] for step in _steps(_workflow("publish.yml")) if "run" in step]
    assert runs == ["make check", "make site", "make verify"]
    assert "paths" not in _workflow("publish.yml")[True]["push"]  # PyYAML reads `on:` as True


def test_podium_tests_run_when_podium_changes_and_not_for_the_programme():
    workflow = _workflow("podium-tests.yml")
    paths = workflow[True]["push"]["paths"]
    assert workflow[True]["pull_request"]["paths"] == paths
    assert {"podium/**", "tests/**", "requirements*.txt", "constraints.txt", ".github/**"} <= set(paths)
    assert not any(path.startswith(("data", "mkdocs.yml")) for path in paths)
    (test,) = [step for step in _steps(workflow) if step.get("run") == "make test"]
    assert test["env"] == {"CI": "true"}


@pytest.mark.parametrize("name", [path.name for path in WORKFLOWS])
def test_workflow_uses_current_actions_with_known_inputs_and_no_kept_token(name):
    for step in _steps(_workflow(name)):
        if "uses" not in step:
            continue
        assert step["uses"] in CURRENT_ACTIONS, f"{step['uses']}: not a current major version Podium knows"
        unknown = set(step.get("with", {})) - CURRENT_ACTIONS[step["uses"]]
        assert not unknown, f"{step['uses']}: unknown inputs {unknown}"
        if step["uses"].startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_dependabot_keeps_actions_and_python_pins_current():
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {"github-actions", "pip"} <= {update["package-ecosystem"] for update in config["updates"]}
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.dependabot",
         str(REPO / ".github" / "dependabot.yml")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def _schema_fields(name: str, schema: dict, prefix: str = "") -> list[str]:
    fields = []
    properties = schema.get("properties") or schema.get("items", {}).get("properties", {})
    for key, value in properties.items():
        fields.append(key)
        if "properties" in value or "properties" in value.get("items", {}):
            fields += _schema_fields(name, value, prefix + key + ".")
    return fields


@pytest.mark.parametrize("name", ["conference", "streams", "rooms", "session", "paper", "person", "import-mapping"])
def test_every_data_field_is_documented_for_organisers(name):
    schema = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text())
    page = (REPO / "docs" / "organisers.md").read_text(encoding="utf-8")
    for field in _schema_fields(name, schema):
        assert f"`{field}`" in page, f"{name}: field {field} is not on the organisers page"


@pytest.mark.parametrize("path", sorted(SEED_DATA.rglob("*.yml")), ids=lambda p: p.name)
def test_every_seed_file_names_its_schema_for_editors(path):
    """As it would in data/, where an organiser copies it from."""
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first_line)
    assert match, f"{path.name} does not start with a yaml-language-server line"
    # The schema's path as seen from where the file would stand in a project's data/.
    schema = posixpath.normpath(posixpath.join("data", path.parent.relative_to(SEED_DATA).as_posix(), match[1]))
    assert (REPO / schema).is_file(), schema


def test_readme_gives_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme


def test_every_shipped_mapping_is_valid_against_its_schema():
    import jsonschema

    schema = json.loads((REPO / "schemas" / "import-mapping.schema.json").read_text())
    mappings = sorted((REPO / "examples" / "mappings").glob("*.yml"))
    assert mappings
    for mapping in mappings:
        jsonschema.validate(yaml.load(mapping.read_text(encoding="utf-8"), Loader=yaml.BaseLoader), schema)


# Each data file's section on the organisers' page, and the schema of what it holds.
SECTIONS = {"conference": "## `data/conference.yml`", "streams": "## `data/streams.yml`",
            "rooms": "## `data/rooms.yml`", "session": "## `data/sessions/<id>.yml`",
            "paper": "## `data/papers/<id>.yml`", "person": "## `data/people/<id>.yml`"}  # fmt: skip


def _examples(name: str) -> list:
    """The YAML examples of a data file's section of the organisers' page, read as Podium reads data."""
    from podium.programme.load import load_bytes
    from podium.programme.problems import Problems

    page = (REPO / "docs" / "organisers.md").read_text(encoding="utf-8")
    section = page.split(SECTIONS[name], 1)[1].split("\n## ", 1)[0]
    examples = []
    for block in re.findall(r"```yaml\n(.*?)```", section, re.S):
        problems = Problems()
        document = load_bytes(block.encode("utf-8"), f"{name} example", problems)
        assert document is not None, [str(problem) for problem in problems]
        examples.append(document.data)
    return examples


def _keys(value, prefix: str = "") -> set[str]:
    if isinstance(value, list):
        return set().union(*(_keys(item, prefix) for item in value)) if value else set()
    if isinstance(value, dict):
        return set().union(*({prefix + key} | _keys(item, prefix + key + ".") for key, item in value.items()))
    return set()


@pytest.mark.parametrize("name", list(SECTIONS))
def test_every_data_field_has_a_valid_yaml_example_for_organisers(name):
    from podium.programme.schema import is_valid

    schema = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text())
    examples = _examples(name)
    assert examples, f"no YAML example for data/{name}"
    shown = set().union(*(_keys(example) for example in examples))
    missing = _dotted_fields(schema) - shown
    assert not missing, f"{name}: no example shows {sorted(missing)}"
    required = {"conference": {"name": "C", "timezone": "UTC"}, "session": {"title": "T"}, "paper": {"title": "T"}}
    for example in examples:
        assert is_valid(name, {**required[name], **example} if name in required else example), example


def _dotted_fields(schema: dict, prefix: str = "") -> set[str]:
    fields = set()
    properties = schema.get("properties") or schema.get("items", {}).get("properties", {})
    for key, value in properties.items():
        fields.add(prefix + key)
        fields |= _dotted_fields(value, prefix + key + ".")
    return fields

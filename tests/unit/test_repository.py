"""The repository's own promises: a valid publishing workflow, documented data format."""

from __future__ import annotations

import json
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


def test_publish_workflow_deploys_only_from_main_with_least_privilege():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "publish.yml").read_text())
    assert workflow["permissions"] == {"contents": "read"}
    assert "group" in workflow["concurrency"]
    jobs = workflow["jobs"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "refs/heads/main" in jobs["deploy"]["if"] and "pull_request" in jobs["deploy"]["if"]
    uses = [step["uses"] for job in jobs.values() for step in job["steps"] if "uses" in step]
    assert "actions/upload-pages-artifact@v4" in uses and "actions/deploy-pages@v5" in uses
    assert all(u.split("@")[0] != "actions/checkout" or u.endswith("@v5") for u in uses)
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"


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
    in_data = REPO / "data" / path.parent.relative_to(SEED_DATA)
    assert (in_data / match[1]).resolve().is_file()


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

"""`build.py upgrade`: a newer Podium taken into an organiser's repository, in one commit.

Podium's files (its code, tests, schemas, workflows, Makefile, README, its own page
docs/organisers.md) become the newer Podium's, and files it no longer has go. What is
the organiser's is never touched: data/, mkdocs.yml, and every page in docs/ that Podium
does not ship. The result is one merge commit whose second parent is the newer Podium,
so git knows which Podium the repository is at, and the next upgrade removes exactly
the files Podium dropped since. Anything that goes wrong leaves the repository as it was.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

DEFAULT_REMOTE = "podium"
DEFAULT_REF = "main"
# Where an organiser's own work lives in Podium's tree; all else there is Podium's. Their
# own pages in docs/ are not in Podium's tree at all, so no upgrade writes or removes them.
ORGANISERS = ("data/", "mkdocs.yml")


class UpgradeError(Exception):
    """What stops an upgrade, said to the organiser; the repository is as it was."""


@dataclass(frozen=True)
class Upgrade:
    commit: str  # the newer Podium's commit
    updated: int  # Podium's files written (changed or new)
    removed: list[str]  # Podium's files that the newer Podium no longer has


def upgrade(root: Path, source: str | None, ref: str = DEFAULT_REF) -> Upgrade | None:
    """Take Podium at `ref` of `source` (a git address or folder; default the remote
    `podium`) into the repository at `root`; None when it is there already."""
    git = _Git(root)
    git.require_clean()
    source = source or git.remote(DEFAULT_REMOTE)
    git.run("fetch", "--quiet", "--no-tags", source, ref, failure=f"could not fetch {ref} of {source}")
    newer = git.run("rev-parse", "FETCH_HEAD^{commit}").strip()
    if git.succeeds("merge-base", "--is-ancestor", newer, "HEAD"):
        return None
    base = git.run("merge-base", "HEAD", newer, check=False).strip()
    newer_files = [path for path in git.files(newer) if is_podiums(path)]
    kept = set(newer_files)
    gone = [
        path for path in (git.files(base) if base else []) if is_podiums(path) and path not in kept and (root / path).exists()
    ]
    # Record the newer Podium as merged without taking any of its files, then take
    # Podium's files one by one; a failure anywhere undoes the merge.
    git.run("merge", "--quiet", "--no-commit", "--no-ff", "-s", "ours", "--allow-unrelated-histories", newer)
    try:
        git.run("checkout", "--pathspec-from-file=-", "--pathspec-file-nul", newer, stdin="\0".join(newer_files))
        if gone:
            git.run("rm", "--quiet", "-r", "--pathspec-from-file=-", "--pathspec-file-nul", stdin="\0".join(gone))
        changed = git.run("diff", "--cached", "--name-only", "HEAD").splitlines()
        git.run("commit", "--quiet", "--no-verify", "-m", f"Podium upgraded to {newer[:12]} (build.py upgrade)",
                failure="could not commit the upgrade (does git know your name? git config user.name \"...\")")  # fmt: skip
    except UpgradeError:
        git.run("merge", "--abort", check=False)
        raise
    return Upgrade(newer, len([path for path in changed if path not in gone]), gone)


def is_podiums(path: str) -> bool:
    """Whether `path` of Podium's tree is Podium's to update: not the organiser's data or settings."""
    return not path.startswith(ORGANISERS)


class _Git:
    def __init__(self, root: Path) -> None:
        self.root = root

    def run(self, *args: str, check: bool = True, stdin: str | None = None, failure: str | None = None) -> str:
        result = subprocess.run(["git", *args], cwd=self.root, input=stdin, capture_output=True, text=True, encoding="utf-8")
        if check and result.returncode != 0:
            raise UpgradeError(f"{failure or 'git ' + args[0] + ' failed'}: {result.stderr.strip()}")
        return result.stdout

    def succeeds(self, *args: str) -> bool:
        return subprocess.run(["git", *args], cwd=self.root, capture_output=True).returncode == 0

    def require_clean(self) -> None:
        if not self.succeeds("rev-parse", "--verify", "HEAD"):
            raise UpgradeError(f"{self.root} is not a git repository with a commit: upgrade works on your repository's clone")
        if self.run("status", "--porcelain", "--untracked-files=no").strip():
            raise UpgradeError("commit or stash your changes first: an upgrade is one commit of its own")

    def remote(self, name: str) -> str:
        address = self.run("remote", "get-url", name, check=False).strip()
        if not address:
            raise UpgradeError(
                f"no remote named {name}: give Podium's address once with"
                f" git remote add {name} <address of Podium's repository>, or name it: build.py upgrade <address>"
            )
        return address

    def files(self, commit: str) -> list[str]:
        return self.run("ls-tree", "-r", "-z", "--name-only", commit).split("\0")[:-1]

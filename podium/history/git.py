"""The repository's publications of data/, read with git: which commits, and each file's bytes.

Every commit on the published branch (the first-parent line to HEAD) that changed
data/ is a publication. Each file's content (a blob) is read once, whatever number
of publications hold it, through one `git cat-file --batch` for the whole history.
Where there is no git or no history (a download of the repository, a shallow clone),
there are no publications, and nothing fails.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

# Enough for any conference's run-up; older publications are read as the baseline only.
MAX_PUBLICATIONS = 200
# The folders whose files are sessions, papers and the people they name.
FOLDERS = ("data/sessions", "data/papers", "data/people")


@dataclass(frozen=True)
class Commit:
    id: str
    time: int


class Git:
    """git in `root`, read only."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._batch: subprocess.Popen | None = None

    def publications(self, limit: int = MAX_PUBLICATIONS) -> list[Commit]:
        """The latest `limit` publications, oldest first; none without git or history, and
        none where the project is a folder inside another repository (Podium's own test
        fixtures are: their history is Podium's, not a conference's)."""
        top = self._run("rev-parse", "--show-toplevel").strip()
        if not top or Path(top).resolve() != self.root.resolve():
            return []
        out = self._run("log", "--first-parent", f"--max-count={limit}", "--format=%H %ct", "HEAD", "--", "data")
        commits = [Commit(line.split()[0], int(line.split()[1])) for line in out.splitlines() if line.strip()]
        return commits[::-1]

    def files(self, commit: str) -> dict[str, str]:
        """{path: blob id} of the sessions', papers' and people's files at `commit`."""
        out = self._run("ls-tree", "-r", "--full-tree", commit, "--", *FOLDERS)
        return dict(_tree_line(line) for line in out.splitlines() if line.strip())

    def changed(self, before: str, after: str) -> dict[str, str | None]:
        """{path: new blob id, or None where removed} of those files between two commits."""
        out = self._run("diff-tree", "-r", "--no-renames", before, after, "--", *FOLDERS)
        changed: dict[str, str | None] = {}
        for line in out.splitlines():
            # :100644 100644 <old> <new> M\t<path>
            meta, _, path = line.partition("\t")
            fields = meta.split()
            if len(fields) == 5:
                changed[path] = None if fields[4] == "D" else fields[3]
        return changed

    def blob(self, blob: str) -> bytes:
        """A file's content, through one long-running `git cat-file --batch`."""
        if self._batch is None:
            self._batch = subprocess.Popen(
                ["git", "-C", str(self.root), "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
            )
        assert self._batch.stdin is not None and self._batch.stdout is not None
        self._batch.stdin.write(blob.encode("ascii") + b"\n")
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().split()
        if len(header) != 3:  # "<id> missing": a shallow clone's
            return b""
        content = self._batch.stdout.read(int(header[2]))
        self._batch.stdout.read(1)  # the newline after each object
        return content

    def close(self) -> None:
        if self._batch is not None:
            self._batch.communicate()
            self._batch = None

    def _run(self, *args: str) -> str:
        try:
            done = subprocess.run(["git", "-C", str(self.root), *args], capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired):
            return ""
        return done.stdout if done.returncode == 0 else ""


def _tree_line(line: str) -> tuple[str, str]:
    # <mode> blob <id>\t<path>
    meta, _, path = line.partition("\t")
    return path, meta.split()[2]

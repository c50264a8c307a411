"""The organiser's repository: starting one's own conference in it (`build.py new`),
taking a newer Podium into it (`build.py upgrade`) without touching what the organiser
wrote, and one writing command at a time in it (`lock.py`).

What is whose: data/, the pages an organiser adds to docs/ and mkdocs.yml are the
organiser's; everything else in the repository is Podium's (`upgrade.py` says exactly).
"""

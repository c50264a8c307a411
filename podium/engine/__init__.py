"""Running the site engine: checking at scale, staging, MkDocs, publishing, previewing.

What the command line calls: `checking.check`, `build.build`, `serve.serve`. Here
it is decided what is made in which process (forking.py), what `serve` keeps
between saves (reuse.py, the checked files' cache) and everything MkDocs needs: its
configuration (mkdocs_config.py), its hooks (mkdocs_hooks.py, loaded by MkDocs by
path) and its processes (mkdocs_shards.py). The pages and exports know none of it.
"""

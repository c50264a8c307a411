#!/usr/bin/env python3
"""Podium's one entry point: `python build.py check|build|serve`. See README.md."""

import sys

from podium.cli import main

if __name__ == "__main__":
    sys.exit(main())

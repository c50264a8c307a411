"""The site's pages: Markdown rendered from the `Programme` by Jinja2 templates.

- `rendering.py`: every page as a job (`jobs`) and its rendering (`Renderer`);
- `grouping.py`: the programme by day and time slot, people by initial;
- `fragments.py`: the parts of pages written as HTML (session lists, facts, filters);
- `templates/`: the pages' Jinja2 templates;
- `theme/`: overrides of Material's templates, the CSS and the scripts attendees run.

Pages are a function of the programme: what to remake between two saves, and in
which process, is the engine's business.
"""

from pathlib import Path

from .rendering import Job, Renderer, jobs, page_count, prose_texts, render, searchable_pages

THEME = Path(__file__).resolve().parent / "theme"

__all__ = ["THEME", "Job", "Renderer", "jobs", "page_count", "prose_texts", "render", "searchable_pages"]

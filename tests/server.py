"""A local web server for built sites that behaves like GitHub Pages where it matters.

- The site is served under the path of its published address (`/ptc2025/` for
  https://example.org/ptc2025/), so absolute links made from `url` work.
- Text is sent gzip-compressed when the browser asks, so page weights are what
  attendees download from Pages.
- A missing path gets the site's 404.html with status 404.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import mimetypes
import threading
import urllib.parse
from pathlib import Path

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _Handler(http.server.BaseHTTPRequestHandler):
    def __init__(self, *args, site: Path, prefix: str, **kwargs):
        self.site = site
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def do_GET(self):  # noqa: N802 - the base class's name
        file = self._file(urllib.parse.urlsplit(self.path).path)
        status = 200
        if file is None:
            file, status = self.site / "404.html", 404
        body = file.read_bytes()
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind.endswith(("json", "xml", "javascript")):
            kind += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(COMPRESSED_TYPES):
            body = gzip.compress(body, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _file(self, path: str) -> Path | None:
        if not path.startswith(self.prefix):
            return None
        relative = urllib.parse.unquote(path[len(self.prefix) :])
        candidate = (self.site / relative).resolve()
        if not candidate.is_relative_to(self.site.resolve()):
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None


class SiteServer:
    """Serves `site` on 127.0.0.1 at a free port; `url` is the site's root address."""

    def __init__(self, site: Path, published_url: str | None = None) -> None:
        prefix = urllib.parse.urlsplit(published_url).path if published_url else "/"
        handler = functools.partial(_Handler, site=site, prefix=prefix)
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self._server.server_port}{prefix}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

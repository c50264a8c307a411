"""Words on the page: organisers' text escaped or sanitised, dates and times, counts.

Shared by the pages, the exports and the command line.
"""

"""`roster serve`: the roster in a browser, over the same library as the command line.

A Starlette application with Jinja2 pages and a vendored htmx (no CDN: the station may be
offline). It sits beside the CLI at the top of the layers and calls only the library: every
rule is the checker's or the solver's, never re-written here. Install with
``pip install 'roster[web]'``.
"""

"""From the model to HTML: one module per job.

- :mod:`.environment` the Jinja environment, filters and what every page needs to know
- :mod:`.pages` the body of every generated page (a case page, an overview, ...)
- :mod:`.blocks` the blocks that story pages in ``docs/`` pull in through macros
- :mod:`.files` files that are not pages: feed, charts, redirects, filter data
- :mod:`.toc` the table of contents of a generated page

Content values are data: the environment escapes every value, editor Markdown is
rendered by :mod:`macros.editor_markdown`, and nothing from ``content/`` is ever
compiled as a template.
"""

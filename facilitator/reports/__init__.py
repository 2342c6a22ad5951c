"""Reports and data exports of an event or one session.

``record`` loads what may leave the app, in bulk and under the export rules (approved entries only unless
a facilitator asks for the full staff export; held entries never); ``content`` turns it into one report
(a plain list of headings, paragraphs, tables and quotes) that ``to_docx``, ``to_markdown`` and ``to_html``
render; ``tables`` turns it into the data sheets that ``to_csv`` and ``to_xlsx`` write. ``exports`` is the
one entry point for the console and the CLI.
"""

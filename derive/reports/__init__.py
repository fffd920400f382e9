"""Reports: checked derivations rendered as course notes (Markdown, LaTeX/PDF, HTML).

Reports render the serialised results (`json_output.result_dict`) through the Jinja
templates in `templates/` (a shared base and macros, one template per format); no
mathematics happens here beyond laying out what the checker found.
"""

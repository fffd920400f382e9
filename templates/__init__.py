"""The Jinja templates of derive's reports, shipped as the package `derive.templates`."""

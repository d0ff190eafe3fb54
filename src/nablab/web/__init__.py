"""The web app: one page, a JSON API that mirrors the command line, a pool of workers.

``nablab serve`` imports :mod:`nablab.web.server` lazily; nothing here is imported by
``import nablab`` or the other commands, so the web framework stays out of their way.

- :mod:`~nablab.web.app`: the FastAPI application (routes, middleware, lifespan).
- :mod:`~nablab.web.pool`: worker processes with a time limit and a memory cap per job.
- :mod:`~nablab.web.tasks`: what a worker does with a request (the CLI's own jobs).
- :mod:`~nablab.web.options`: JSON bodies become the CLI's options, through its parser.
- :mod:`~nablab.web.page`: the page, its text from the message catalogue.
"""

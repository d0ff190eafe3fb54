"""The FastAPI application: the page, static files, the API, the docs, errors, middleware."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.types import Scope

from nablab import __version__
from nablab.errors import NablabError
from nablab.web import api
from nablab.web.errors import dumps, error_body, language, status_of, validation_error
from nablab.web.fonts import hangul_font
from nablab.web.middleware import BodyLimit, Guard
from nablab.web.page import page_messages, render_page
from nablab.web.pool import WorkerPool
from nablab.web.settings import Settings

STATIC = Path(str(resources.files("nablab.web").joinpath("static")))
#: Vendored files change only with a version bump: browsers keep them a week. Our own
#: (app.js, app.css) are revalidated on each load (their ETag makes that a 304).
VENDOR_CACHE = "public, max-age=604800"
OWN_CACHE = "no-cache"
DESCRIPTION = ("The JSON API of nablab (∇lab). Each `POST /api/{command}` takes the formula as "
               "`expression` and the command's options by their command-line names, and "
               "answers exactly what `nablab COMMAND --json` prints. Errors are "
               "`{\"error\": {\"kind\", \"message\", \"column\"}}`: 400 for input that cannot "
               "be used, 413 for a body over the limit, 422 over the time or memory budget.")


def plotly_js() -> Path:
    """plotly.min.js as the installed ``plotly`` package ships it."""
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


class Assets(StaticFiles):
    """The static files, with cache headers: long for ``vendor/``, revalidated for ours."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code in (200, 304):
            vendored = path.replace("\\", "/").startswith("vendor/")
            response.headers["cache-control"] = VENDOR_CACHE if vendored else OWN_CACHE
        return response


def create_app(settings: Settings | None = None) -> FastAPI:
    """The web app; its worker pool starts with the server (``lifespan``)."""
    settings = settings or Settings()
    pool = WorkerPool(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        starting = asyncio.create_task(pool.start())  # the page is served meanwhile
        yield
        starting.cancel()
        await pool.close()

    app = FastAPI(title="nablab", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.settings, app.state.pool = settings, pool
    api.add_routes(app)
    add_pages(app, settings)
    add_error_handlers(app, settings.lang)
    app.mount("/static", Assets(directory=STATIC), name="static")
    # the page's scripts and styles shrink 3-4x; answers under 1 kB are not worth it
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(BodyLimit, limit=settings.max_body, lang=settings.lang)
    app.add_middleware(Guard, allowed_hosts=settings.allowed_hosts, lang=settings.lang)
    return app


def add_pages(app: FastAPI, settings: Settings) -> None:
    """``/`` (the page), ``/docs`` (offline Swagger UI), plotly.js, the page's messages."""

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page(lang: str | None = None) -> HTMLResponse:
        return HTMLResponse(render_page(language(lang, settings.lang)))

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", media_type="text/html")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    async def plotly() -> FileResponse:
        return FileResponse(plotly_js(), media_type="text/javascript",
                            headers={"cache-control": "max-age=86400"})

    @app.get("/vendor/hangul.ttf", include_in_schema=False)
    async def hangul() -> Response:
        font = await run_in_threadpool(hangul_font)
        if font is None:
            raise HTTPException(404)
        return Response(font, media_type="font/ttf", headers={"cache-control": "max-age=86400"})

    @app.get("/api/messages", tags=["page"], summary="the page's text, in English and Korean")
    async def messages() -> dict[str, dict[str, str]]:
        return page_messages()

    @app.get("/api/status", tags=["page"], summary="workers ready and requests waiting")
    async def status(request: Request) -> dict[str, Any]:
        pool: WorkerPool = request.app.state.pool
        return {"version": __version__, "workers": pool.ready, "pending": pool.pending}


def add_error_handlers(app: FastAPI, lang: str) -> None:
    """Every error answer has the API's shape, ``{"error": {...}}``, in the server's language."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        command = request.url.path.rsplit("/", 1)[-1]
        body = validation_error(list(exc.errors()), lang, command)
        return Response(body, 400, media_type="application/json")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        path = request.url.path
        if exc.status_code == 405:
            body = error_body("method_not_allowed", lang, path=path, method=request.method)
        elif exc.status_code == 404:
            body = error_body("not_found", lang, path=path)
        else:
            return JSONResponse({"error": {"kind": "http", "message": str(exc.detail),
                                           "column": None}}, exc.status_code)
        return Response(body, exc.status_code, media_type="application/json")

    @app.exception_handler(NablabError)
    async def nablab_error(request: Request, exc: NablabError) -> Response:
        return Response(dumps({"error": exc.to_dict(lang)}), status_of(exc),
                        media_type="application/json")


__all__ = ["create_app", "plotly_js"]

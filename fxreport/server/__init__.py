"""``fxreport serve``: the browser checker and its JSON API.

``create_app`` (in ``fxreport.server.app``) builds the ASGI application; this
package imports nothing heavy, so the HTML report can read its stylesheet from
``static/`` without FastAPI.
"""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any) -> Any:
    """``fxreport.server.app.create_app``, imported when called."""
    from .app import create_app as factory

    return factory(*args, **kwargs)

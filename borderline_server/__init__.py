"""What Borderline adds to JupyterLab's server: kernel messages reach the page without waiting, and plotly's
widget code is served as a file the browser can keep.

(A package of its own, beside ``borderline``, so that the server does not import pandas and plotly.)

First, the messages. JupyterLab's server relays each kernel message to the page over a websocket, and leaves Nagle's algorithm on
for it: after one small message, the next is held back until the page acknowledges the first, which Linux
delays by up to 40 ms. A widget change makes several small messages (the kernel is busy, the control's new
value, the chart's update, the kernel is idle), so every change waited about 40 ms for nothing (measured with
tests/bench.py: the per-capita calculator 66 ms to 39 ms, the China estimates chart 76 ms to 50 ms).
Tornado, the server's web framework, documents ``set_nodelay(True)`` for websockets that send many small
messages, and jupyter_server lets the class that connects a websocket to its kernel be chosen.

Second, plotly's code. Every live chart needs plotly's widget code (5 MB: plotly.js and the widget). Sent by the kernel,
it crosses the kernel's messages and the websocket again for every kernel started, and the page compiles it
from scratch each time. ``PlotlyWidgetCode`` serves plotly's own file at ``borderline/plotly-widget/<version>.js``
under the server's address, to a signed-in user only, marked for the browser to keep; the lesson's loader
(borderline/widgets/figure.py) imports it from there and asks the kernel only when it is not there.

This package is a server extension (enabled by ``borderline/server_config.json``, which setup installs in
the environment's ``jupyter_server_config.d``): once the server has built its web application, it puts
``PromptKernelConnection`` in place of the default connection, and leaves any other (a gateway's, or one a
hub's configuration chose) alone.

>>> from types import SimpleNamespace
>>> app = SimpleNamespace(kernel_websocket_connection_class=ZMQChannelsWebsocketConnection, log=None,
...                       web_app=SimpleNamespace(settings={}))
>>> prompt_connections(app)
True
>>> app.web_app.settings["kernel_websocket_connection_class"] is PromptKernelConnection
True
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from pathlib import Path

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from jupyter_server.utils import url_path_join
from tornado import web

__all__ = ["PromptKernelConnection", "prompt_connections", "PlotlyWidgetCode", "plotly_widget_file"]
ROUTE = r"borderline/plotly-widget/([^/]+)\.js"  # the path the loader asks for (borderline/widgets/figure.py)


class PromptKernelConnection(ZMQChannelsWebsocketConnection):
    """jupyter_server's kernel connection, with the websocket sending each message as soon as it is written.

    >>> issubclass(PromptKernelConnection, ZMQChannelsWebsocketConnection)
    True
    """

    def connect(self):
        """Turn off Nagle on the websocket, then connect as jupyter_server does."""
        self.websocket_handler.set_nodelay(True)
        return super().connect()


def prompt_connections(serverapp) -> bool:
    """Have the server's kernel websockets use ``PromptKernelConnection``, if they use the default connection;
    return whether they now do. (The handler reads the class from the web application's settings each time a
    notebook connects, so this works once the web application exists.)

    >>> from types import SimpleNamespace
    >>> other = type("Gateway", (), {})
    >>> prompt_connections(SimpleNamespace(kernel_websocket_connection_class=other, web_app=None))
    False
    """
    if serverapp.kernel_websocket_connection_class is not ZMQChannelsWebsocketConnection:
        return False
    serverapp.web_app.settings["kernel_websocket_connection_class"] = PromptKernelConnection
    return True


def plotly_widget_file() -> tuple[str, Path] | None:
    """(plotly's version, its widget code file) in this environment, found without importing plotly; None if
    plotly or the file is missing.

    >>> version, path = plotly_widget_file()
    >>> path.name, path.stat().st_size > 1_000_000, version.count(".") >= 1
    ('widgetbundle.js', True, True)
    """
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "package_data" / "widgetbundle.js"
    return (importlib.metadata.version("plotly"), path) if path.is_file() else None


class PlotlyWidgetCode(JupyterHandler):
    """``GET borderline/plotly-widget/<version>.js``: plotly's widget code, if ``version`` is the plotly here
    (else 404, and the loader asks its kernel, whose plotly it is); for a signed-in user only.

    >>> PlotlyWidgetCode.get.__wrapped__.__name__
    'get'
    """

    @web.authenticated
    def get(self, version: str) -> None:
        found = plotly_widget_file()
        if found is None or found[0] != version:
            raise web.HTTPError(404, "no plotly widget code for this version here")
        self.set_header("Content-Type", "text/javascript; charset=utf-8")
        # the version is in the address, so the file under it never changes: the browser keeps it
        self.set_header("Cache-Control", "private, max-age=31536000, immutable")
        self.finish(found[1].read_bytes())

    def compute_etag(self) -> None:
        return None  # immutable: no need to hash 5 MB for each request


def _jupyter_server_extension_points():
    return [{"module": "borderline_server"}]


def _load_jupyter_server_extension(serverapp) -> None:
    web_app = serverapp.web_app
    web_app.add_handlers(".*$", [(url_path_join(web_app.settings["base_url"], ROUTE), PlotlyWidgetCode)])
    if prompt_connections(serverapp):
        serverapp.log.info("Borderline: kernel websockets send each message at once (TCP_NODELAY)")
    else:
        serverapp.log.info("Borderline: kernel websockets left to the configured connection class")

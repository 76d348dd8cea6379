"""The one change Borderline makes to JupyterLab's server: kernel messages reach the page without waiting.

(A package of its own, beside ``borderline``, so that the server does not import pandas and plotly.)

JupyterLab's server relays each kernel message to the page over a websocket, and leaves Nagle's algorithm on
for it: after one small message, the next is held back until the page acknowledges the first, which Linux
delays by up to 40 ms. A widget change makes several small messages (the kernel is busy, the control's new
value, the chart's update, the kernel is idle), so every change waited about 40 ms for nothing (measured with
tests/bench.py: the per-capita calculator 66 ms to 39 ms, the China estimates chart 76 ms to 50 ms).
Tornado, the server's web framework, documents ``set_nodelay(True)`` for websockets that send many small
messages, and jupyter_server lets the class that connects a websocket to its kernel be chosen.

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

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

__all__ = ["PromptKernelConnection", "prompt_connections"]


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


def _jupyter_server_extension_points():
    return [{"module": "borderline_server"}]


def _load_jupyter_server_extension(serverapp) -> None:
    if prompt_connections(serverapp):
        serverapp.log.info("Borderline: kernel websockets send each message at once (TCP_NODELAY)")
    else:
        serverapp.log.info("Borderline: kernel websockets left to the configured connection class")

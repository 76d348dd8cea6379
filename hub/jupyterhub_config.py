"""JupyterHub for Borderline on 127.0.0.1: `make hub` for a seminar lead, tests/test_hub.py and tests/bench_hub.py.

Students log in with any allowed name and one shared password (JupyterHub's SharedPasswordAuthenticator:
no PAM, no accounts to manage; anyone with the password may log in as any allowed name, so hand it out
in the room and use the hub's real login, e.g. your institution's OAuth, for a course). Each student's server starts in their own home; its default page is an
nbgitpuller link, so the first visit copies the curriculum into ``~/borderline`` and later visits
merge the course's updates without touching the student's work. Their journal is written beside the
notebooks of that copy (``~/borderline/notebooks/my-journal.json``), never beside the installed package.

Set by `make hub` or the tests (all optional):

BORDERLINE_HUB_PORT      the proxy's port (default 8000); the proxy's API uses PORT+1, the hub PORT+2
BORDERLINE_HUB_STATE     folder for the hub's database, cookie secret and proxy pid (default build/hub/state)
BORDERLINE_HUB_PASSWORD  the shared password, 8 characters or more (default: a new one, printed in the log)
BORDERLINE_HUB_USERS     names allowed to log in, separated by commas (default: any name)
BORDERLINE_HUB_SPAWNER   ``local``: each student is the unix user of that name, home mode 0700, so no
                         student can read another's files (needs root and existing users);
                         ``simple``: every server runs as you, homes under BORDERLINE_HUB_HOMES (to try
                         it on a laptop; students are not kept apart). Default: local as root, else simple
BORDERLINE_HUB_HOMES     the homes folder for the simple spawner (default build/hub/homes)
BORDERLINE_HUB_PYTHON    the Python that runs each student's server and kernel (default: this one)
BORDERLINE_HUB_REPO      the git repository nbgitpuller copies (default: this repository, its last commit)
BORDERLINE_HUB_SERVICE_TOKEN  if set, a service ``borderline-check`` with this token may manage users
                         and servers (the tests and the bench drive the hub through its REST API with it)
"""

import os
import secrets
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
c = get_config()  # noqa: F821 (JupyterHub provides it)

port = int(os.environ.get("BORDERLINE_HUB_PORT", "8000"))
state = Path(os.environ.get("BORDERLINE_HUB_STATE", ROOT / "build" / "hub" / "state"))
state.mkdir(parents=True, exist_ok=True)
state.chmod(0o700)

# Loopback only: the proxy, its API and the hub itself.
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = port
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = port + 2
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{port + 1}"
c.ConfigurableHTTPProxy.command = [str(ROOT / "web" / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every student's server

# Log in: any allowed name and one shared password.
password = os.environ.get("BORDERLINE_HUB_PASSWORD") or secrets.token_urlsafe(9)
if not os.environ.get("BORDERLINE_HUB_PASSWORD"):
    print(f"Borderline hub: log in at http://127.0.0.1:{port} with any user name and the password {password}")
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = password
users = {u.strip() for u in os.environ.get("BORDERLINE_HUB_USERS", "").split(",") if u.strip()}
if users:
    c.Authenticator.allowed_users = users
else:
    c.Authenticator.allow_all = True

service_token = os.environ.get("BORDERLINE_HUB_SERVICE_TOKEN")
if service_token:
    c.JupyterHub.services = [{"name": "borderline-check", "api_token": service_token}]
    c.JupyterHub.load_roles = [
        {
            "name": "borderline-check",
            "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "read:users"],
            "services": ["borderline-check"],
        }
    ]

# Each student's server: their own home, loopback only, no extension manager or update checks.
python = os.environ.get("BORDERLINE_HUB_PYTHON", sys.executable)
kind = os.environ.get("BORDERLINE_HUB_SPAWNER") or ("local" if os.geteuid() == 0 else "simple")
if kind == "simple":
    c.JupyterHub.spawner_class = "simple"
    homes = Path(os.environ.get("BORDERLINE_HUB_HOMES", ROOT / "build" / "hub" / "homes"))
    c.SimpleLocalProcessSpawner.home_dir_template = str(homes / "{username}")
else:
    c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
c.Spawner.cmd = [python, "-m", "jupyterhub.singleuser"]
c.Spawner.args = [
    "--ServerApp.ip=127.0.0.1",
    "--LabApp.extension_manager=readonly",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    *(["--allow-root"] if kind == "simple" and os.geteuid() == 0 else []),
]
c.Spawner.notebook_dir = "~"
c.Spawner.start_timeout = 180  # a loaded classroom machine starts many servers at once
c.Spawner.http_timeout = 180
# First visit: nbgitpuller copies the curriculum into ~/borderline and opens lesson 00.
repo = os.environ.get("BORDERLINE_HUB_REPO", str(ROOT))
if Path(repo).is_dir():
    # A repository on this machine belongs to the lead, not the student, and git refuses to read a
    # repository another user owns unless a global config names it safe; a course's https repository
    # needs none of this.
    gitconfig = state.parent / "student.gitconfig"
    gitconfig.write_text(f"[safe]\n\tdirectory = {repo}\n\tdirectory = {repo}/.git\n", encoding="utf-8")
    gitconfig.chmod(0o644)
    c.Spawner.environment = {"GIT_CONFIG_GLOBAL": str(gitconfig)}
c.Spawner.default_url = (
    f"/git-pull?repo={quote(repo, safe='')}&targetpath=borderline"
    f"&urlpath={quote('lab/tree/borderline/notebooks/00-start-here.ipynb', safe='')}"
)

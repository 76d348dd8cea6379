"""Run JupyterHub on 127.0.0.1 with real unix users: shared by tests/test_hub.py and tests/bench_hub.py.

Each student is a unix user made for the run (home mode 0700) and removed afterwards with their home.
The hub is hub/jupyterhub_config.py (shared password, LocalProcessSpawner, configurable-http-proxy
from web/node_modules). The curriculum reaches each home the way a course distributes it: nbgitpuller
clones a git repository (here a scratch one holding the current notebooks and datasets) into
``~/borderline``. A lesson is run through the student's own Jupyter server: a session (kernel started
in the notebook's folder, as JupyterLab does) and the kernel's websocket, one code cell at a time.
Every process started is ended by its id; nothing listens beyond 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "hub" / "jupyterhub_config.py"
PROXY = ROOT / "web" / "node_modules" / ".bin" / "configurable-http-proxy"
PULL_INTO = "borderline"  # nbgitpuller's targetpath: ~/borderline
CHART_MIMES = ("application/vnd.plotly.v1+json",)


def missing() -> str:
    """Why a hub with real users cannot run here, or '' if it can."""
    if os.geteuid() != 0:
        return "the hub test makes unix users (useradd), which needs root; CI runs as root"
    for tool in ("useradd", "userdel", "runuser", "git"):
        if not shutil.which(tool):
            return f"{tool} is missing (Debian: apt-get install passwd util-linux git)"
    if not PROXY.exists():
        return f"configurable-http-proxy is missing ({PROXY.relative_to(ROOT)}): run `make web`"
    try:
        import jupyterhub  # noqa: F401
        import nbgitpuller  # noqa: F401
        import websocket  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is not installed: run `make setup`"
    return ""


def _as(user: str, *command: str, **kwargs) -> subprocess.CompletedProcess:
    """Run a command as ``user`` (runuser: their uid, gid and groups, no capabilities left)."""
    return subprocess.run(
        ["runuser", "-u", user, "--", *command],
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


def user_python(workdir: Path, probe_user: str) -> str:
    """A Python the students can run with every pinned package: this one, or, where this one lives in a
    folder they cannot enter (a pyenv build under /root, mode 0700), a venv made from the system Python
    of the same version that reads this venv's packages (``site.addsitedir``) and its Jupyter data."""
    check = ("-c", "import borderline, jupyterhub, nbgitpuller, ipykernel, pandas, plotly")
    if _as(probe_user, sys.executable, *check, cwd="/").returncode == 0:
        return sys.executable
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    base = shutil.which(version, path="/usr/bin:/usr/local/bin")
    if not base:
        raise RuntimeError(f"students cannot run {sys.executable} and there is no /usr/bin/{version}")
    venv = workdir / "student-python"
    subprocess.run([base, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    site = venv / "lib" / version / "site-packages"
    (site / "borderline-venv.pth").write_text(f"import site; site.addsitedir({sysconfig.get_paths()['purelib']!r})\n")
    for shared in ("share", "etc"):  # Jupyter finds JupyterLab, kernels and server extensions under sys.prefix
        if (Path(sys.prefix) / shared).exists():
            (venv / shared).symlink_to(Path(sys.prefix) / shared)
    python = str(venv / "bin" / "python")
    done = _as(probe_user, python, *check, cwd="/")
    if done.returncode:
        raise RuntimeError(f"students cannot import the pinned packages with {python}: {done.stderr[-400:]}")
    return python


@contextmanager
def unix_users(count: int):
    """``count`` new unix users, each with a home of mode 0700; removed with their homes afterwards."""
    tag = secrets.token_hex(2)
    names = [f"blhub{tag}u{i + 1}" for i in range(count)]
    made = []
    try:
        for name in names:
            subprocess.run(
                ["useradd", "--create-home", "--user-group", "--shell", "/usr/sbin/nologin", name],
                check=True,
                capture_output=True,
                timeout=60,
            )
            made.append(name)
            os.chmod(pwd.getpwnam(name).pw_dir, 0o700)
        yield names
    finally:
        for name in made:
            _end_processes_of(name)
            subprocess.run(["userdel", "--remove", name], capture_output=True, timeout=60)


def _end_processes_of(name: str) -> None:
    """End, by id, any process still running as a user this run made (a server the hub failed to stop)."""
    import psutil

    uid = pwd.getpwnam(name).pw_uid
    left = [p for p in psutil.process_iter(["uids"]) if p.info["uids"] and p.info["uids"].real == uid]
    for p in left:
        with _quiet():
            p.terminate()
    _, alive = psutil.wait_procs(left, timeout=10)
    for p in alive:
        with _quiet():
            p.kill()


@contextmanager
def _quiet():
    try:
        yield
    except Exception:  # noqa: BLE001 (already gone)
        pass


def course_repo(workdir: Path) -> Path:
    """A git repository holding the curriculum as a course would publish it (the current notebooks, datasets,
    lessons and syllabus, without anyone's journal), readable by every student."""
    repo = workdir / "course"
    skip = shutil.ignore_patterns("my-journal*", "my-work-*", ".ipynb_checkpoints", "*.lock", "__pycache__")
    for folder in ("notebooks", "datasets", "lessons"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=skip)
    for name in ("lessons.md", "README.md"):
        shutil.copy(ROOT / name, repo / name)
    git = ["git", "-c", "user.name=Borderline course", "-c", "user.email=course@example.invalid"]
    for step in (["init", "--quiet", "--initial-branch=main"], ["add", "--all"], ["commit", "--quiet", "-m", "Course"]):
        subprocess.run([*git, *step], cwd=repo, check=True, capture_output=True, timeout=120)
    subprocess.run(["chmod", "-R", "a+rX", str(workdir)], check=True, timeout=60)
    return repo


def _free_base() -> int:
    """A port P with P, P+1 and P+2 free on 127.0.0.1 (proxy, proxy API, hub)."""
    for _ in range(200):
        base = secrets.randbelow(20000) + 30000
        try:
            for port in range(base, base + 3):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
    raise RuntimeError("no three free ports on 127.0.0.1")


class Hub:
    """A running hub, driven through its REST API with a service token."""

    def __init__(self, url: str, token: str, repo: Path, password: str):
        self.url, self.token, self.repo, self.password = url, token, repo, password
        self.user_tokens: dict[str, str] = {}

    def request(self, method: str, path: str, body=None, token: str | None = None, timeout: float = 60):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Authorization", f"token {token or self.token}")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw and r.headers.get_content_type() == "application/json" else raw)

    def start(self, name: str) -> None:
        """Ask the hub to start ``name``'s server (it is spawned as that unix user, in their home)."""
        try:
            self.request("POST", f"/hub/api/users/{name}/server")
        except urllib.error.HTTPError as exc:
            if exc.code != 400:  # 400: already running
                raise

    def wait_ready(self, name: str, timeout_s: float = 240) -> None:
        deadline = time.time() + timeout_s
        while time.time() < deadline:
            _, user = self.request("GET", f"/hub/api/users/{name}")
            server = (user.get("servers") or {}).get("")
            if server and server.get("ready"):
                return
            if not user.get("pending") and not server:
                raise RuntimeError(f"the server of {name} stopped while starting; see the hub log")
            time.sleep(0.5)
        raise TimeoutError(f"the server of {name} was not ready within {timeout_s} s")

    def user_token(self, name: str) -> str:
        if name not in self.user_tokens:
            _, made = self.request("POST", f"/hub/api/users/{name}/tokens", {"expires_in": 3600, "note": "check"})
            self.user_tokens[name] = made["token"]
        return self.user_tokens[name]

    def pull(self, name: str) -> list[dict]:
        """What nbgitpuller reports while it copies the course into ``name``'s home (its event stream)."""
        query = urllib.parse.urlencode({"repo": str(self.repo), "branch": "main", "targetpath": PULL_INTO})
        _, raw = self.request("GET", f"/user/{name}/git-pull/api?{query}", token=self.user_token(name), timeout=180)
        text = raw.decode() if isinstance(raw, bytes) else str(raw)
        return [json.loads(line[6:]) for line in text.splitlines() if line.startswith("data: ")]

    @contextmanager
    def kernel(self, name: str, notebook: str, keep: bool = False):
        """A kernel for ``notebook`` (a path under the home) started by the student's server, as
        JupyterLab starts one: its working directory is the notebook's folder. ``keep``: leave it
        running afterwards, as a student's kernel is while they work (the hub stops it at the end)."""
        import websocket

        token = self.user_token(name)
        _, session = self.request(
            "POST",
            f"/user/{name}/api/sessions",
            {"path": notebook, "name": Path(notebook).name, "type": "notebook", "kernel": {"name": "python3"}},
            token=token,
            timeout=120,
        )
        kernel_id = session["kernel"]["id"]
        ws_url = self.url.replace("http://", "ws://") + f"/user/{name}/api/kernels/{kernel_id}/channels"
        conn = websocket.create_connection(ws_url, header=[f"Authorization: token {token}"], timeout=300)
        try:
            yield Kernel(conn)
        finally:
            conn.close()
            if not keep:
                with _quiet():
                    self.request("DELETE", f"/user/{name}/api/sessions/{session['id']}", token=token)


class Kernel:
    """Execute code in a kernel over its websocket and gather what it sends back."""

    def __init__(self, conn):
        self.conn, self.session = conn, uuid.uuid4().hex

    def run(self, code: str) -> dict:
        msg_id = uuid.uuid4().hex
        self.conn.send(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "msg_type": "execute_request",
                        "username": "check",
                        "session": self.session,
                        "version": "5.3",
                        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    },
                    "parent_header": {},
                    "metadata": {},
                    "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {}},
                    "channel": "shell",
                    "buffers": [],
                }
            )
        )
        out = {"errors": [], "stdout": "", "charts": 0, "widgets": 0, "status": None}
        idle = replied = False
        while not (idle and replied):
            msg = _decode(self.conn.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "execute_reply":
                replied, out["status"] = True, content.get("status")
            elif kind == "status" and content.get("execution_state") == "idle":
                idle = True
            elif kind == "error":
                out["errors"].append(f"{content.get('ename')}: {content.get('evalue')}")
            elif kind == "stream" and content.get("name") == "stdout":
                out["stdout"] += content.get("text", "")
            elif kind in ("display_data", "execute_result"):
                data = content.get("data", {})
                out["charts"] += any(m in data for m in CHART_MIMES)
                out["widgets"] += "application/vnd.jupyter.widget-view+json" in data
            elif kind == "comm_open":
                state = (content.get("data") or {}).get("state") or {}
                out["charts"] += "_data" in state and "_layout" in state  # a plotly FigureWidget's traces
        return out


def _decode(frame) -> dict:
    """A kernel message from a websocket frame: JSON text, or a binary frame (offsets, then JSON, then buffers)."""
    if isinstance(frame, str):
        return json.loads(frame)
    count = int.from_bytes(frame[:4], "big")
    offsets = [int.from_bytes(frame[4 + 4 * i : 8 + 4 * i], "big") for i in range(count)] + [len(frame)]
    return json.loads(frame[offsets[0] : offsets[1]])


def code_cells(notebook: Path) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def run_lesson(hub: Hub, name: str, notebook: str, keep: bool = False) -> dict:
    """Run every code cell of ``notebook`` in a fresh kernel of ``name``'s server, then save one journal
    entry in that kernel with the package's own ``journal.save``; returns timings, errors and the path.
    ``first_chart_s`` counts from asking for the kernel to the kernel's reply to the first cell that
    sends a chart (kernel start and imports included; drawing it in a browser is not)."""
    cells = code_cells(Path(pwd.getpwnam(name).pw_dir) / notebook)
    started = time.perf_counter()
    first_chart, errors = None, []
    with hub.kernel(name, notebook, keep=keep) as kernel:
        for i, code in enumerate(cells):
            out = kernel.run(code)
            errors += [f"cell {i}: {e}" for e in out["errors"]]
            if first_chart is None and out["charts"]:
                first_chart = time.perf_counter() - started
        ran = time.perf_counter() - started
        saved = kernel.run(
            "import json as _j, borderline as _bl\n"
            f"_bl.journal.save('hub.check', 'written by {name}', share=False)\n"
            "print(_j.dumps({'path': str(_bl.journal.path()), 'entries': _bl.journal.entries()}))"
        )
        errors += saved["errors"]
        journal = json.loads(saved["stdout"]) if saved["stdout"].strip() else {}
        memory = memory_of(name)
    return {"first_chart_s": first_chart, "run_s": ran, "errors": errors, "journal": journal, "memory": memory}


def saved_entry(hub: Hub, name: str, notebook: str) -> dict:
    """Save one journal entry from a kernel of ``name``'s server (as the package's widgets do, with
    ``journal.save``) and return the journal's path and entries as that kernel sees them."""
    with hub.kernel(name, notebook) as kernel:
        saved = kernel.run(
            "import json as _j, borderline as _bl\n"
            f"_bl.journal.save('hub.check', 'written by {name}', share=False)\n"
            "print(_j.dumps({'path': str(_bl.journal.path()), 'entries': _bl.journal.entries()}))"
        )
    if saved["errors"]:
        raise RuntimeError(f"saving a journal entry for {name} failed: {saved['errors']}")
    return json.loads(saved["stdout"])


def memory_of(name: str, proportional: bool = False) -> int:
    """Bytes resident in every process running as ``name`` (their Jupyter server and kernel): RSS summed,
    or with ``proportional`` PSS (pages shared between processes counted once, split between them)."""
    import psutil

    uid = pwd.getpwnam(name).pw_uid
    total = 0
    for p in psutil.process_iter(["uids"]):
        if p.info["uids"] and p.info["uids"].real == uid:
            with _quiet():
                total += p.memory_full_info().pss if proportional else p.memory_info().rss
    return total


@contextmanager
def hub(workdir: Path, users: list[str], python: str, repo: Path):
    """JupyterHub from hub/jupyterhub_config.py on 127.0.0.1, for ``users``; stopped (with every
    server it started) afterwards. The hub's log is ``workdir/hub.log``."""
    base, token, password = _free_base(), secrets.token_hex(32), secrets.token_urlsafe(12)
    state = workdir / "state"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BORDERLINE_", "JUPYTER")) and k != "CONFIGPROXY_AUTH_TOKEN"
    }
    env.update(
        BORDERLINE_HUB_PORT=str(base),
        BORDERLINE_HUB_STATE=str(state),
        BORDERLINE_HUB_PASSWORD=password,
        BORDERLINE_HUB_USERS=",".join(users),
        BORDERLINE_HUB_SPAWNER="local",
        BORDERLINE_HUB_PYTHON=python,
        BORDERLINE_HUB_REPO=str(repo),
        BORDERLINE_HUB_SERVICE_TOKEN=token,
    )
    log = open(workdir / "hub.log", "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)],
        cwd=workdir,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{base}"
    running = Hub(url, token, repo, password)
    try:
        deadline = time.time() + 120
        while True:
            try:
                running.request("GET", "/hub/api/", timeout=3)
                break
            except (OSError, urllib.error.URLError):
                if process.poll() is not None or time.time() > deadline:
                    tail = (workdir / "hub.log").read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"JupyterHub did not start within 120 s:\n{tail}") from None
                time.sleep(0.5)
        yield running
    finally:
        process.send_signal(signal.SIGTERM)  # the hub stops every server it spawned, then its proxy
        try:
            process.wait(90)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(30)
        pid_file = state / "proxy.pid"
        if pid_file.exists():
            with _quiet():
                os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)
        log.close()


def scratch() -> Path:
    """A scratch folder the students may enter (mkdtemp makes 0700 folders)."""
    folder = Path(tempfile.mkdtemp(prefix="bl-hub-"))
    folder.chmod(0o755)
    return folder

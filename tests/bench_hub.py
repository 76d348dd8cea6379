"""Hub bench: how much memory and time each student takes on one JupyterHub, so a lead can size a hub.

For N students (default 30), started B at a time (default 3): each is a unix user made for the run,
their server is spawned by hub/jupyterhub_config.py, nbgitpuller copies the course into their home,
lesson 01 runs in a kernel of their server and one journal entry is saved. Every kernel is left
running, as a class's are while students work. Prints, per student, the memory of their server plus
kernel (RSS summed over their processes, and PSS), the time to the first chart (from asking for the
kernel to the kernel's reply to the first chart cell: kernel start and imports included, drawing in a
browser not), the time to start a server, and the total for N. Never fails a build; needs root.

Run with ``make bench-hub`` (``make bench-hub HUB_USERS=5``) or ``python tests/bench_hub.py --users 5``.
"""

from __future__ import annotations

import argparse
import pwd
import shutil
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hubs  # noqa: E402

LESSON = f"{hubs.PULL_INTO}/notebooks/01-famine.ipynb"
MB = 1024 * 1024


def _spread(values, unit="", scale=1.0, fmt="{:.1f}") -> str:
    values = [v / scale for v in values]
    return f"median {fmt.format(statistics.median(values))}{unit}, worst {fmt.format(max(values))}{unit}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--batch", type=int, default=3, help="students started and run at the same time")
    args = parser.parse_args()
    reason = hubs.missing()
    if reason:
        print(f"Hub bench skipped: {reason}")
        return 0
    import psutil

    workdir = hubs.scratch()
    started = time.perf_counter()
    rows = {}
    try:
        with hubs.unix_users(args.users) as names:
            python = hubs.user_python(workdir, names[0])
            repo = hubs.course_repo(workdir)
            with hubs.hub(workdir, names, python, repo) as hub:

                def one(name):
                    t0 = time.perf_counter()
                    hub.start(name)
                    hub.wait_ready(name)
                    spawn = time.perf_counter() - t0
                    events = hub.pull(name)
                    if not events or events[-1]["phase"] != "finished":
                        raise RuntimeError(f"nbgitpuller failed for {name}: {events[-1:]}")
                    result = hubs.run_lesson(hub, name, LESSON, keep=True)
                    if result["errors"] or result["first_chart_s"] is None:
                        raise RuntimeError(f"lesson failed for {name}: {result['errors'] or 'no chart'}")
                    home = Path(pwd.getpwnam(name).pw_dir)
                    if not result["journal"]["path"].startswith(str(home) + "/"):
                        raise RuntimeError(f"journal of {name} is not in their home: {result['journal']['path']}")
                    return {**result, "spawn_s": spawn}

                with ThreadPoolExecutor(args.batch) as pool:
                    for i in range(0, len(names), args.batch):
                        batch = names[i : i + args.batch]
                        rows.update(zip(batch, pool.map(one, batch)))
                        print(f"  {len(rows)}/{len(names)} students running", flush=True)
                rss = {n: hubs.memory_of(n) for n in names}
                pss = {n: hubs.memory_of(n, proportional=True) for n in names}
                hub_pid = None
                for p in psutil.process_iter(["cmdline"]):
                    cmd = " ".join(p.info["cmdline"] or [])
                    if "jupyterhub -f" in cmd and str(hubs.CONFIG) in cmd:
                        hub_pid = p.pid
                own = 0
                if hub_pid:
                    hub_proc = psutil.Process(hub_pid)
                    own = sum(
                        q.memory_info().rss
                        for q in [hub_proc, *hub_proc.children(recursive=True)]
                        if q.uids().real == 0
                    )
                total = sum(rss.values())
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    n = len(rows)
    print(
        f"JupyterHub bench: {n} students, {args.batch} at a time, lesson {Path(LESSON).name}, "
        f"{psutil.cpu_count()} cores, {psutil.virtual_memory().total / 1024**3:.0f} GB"
    )
    print(
        f"memory per student (server + kernel, RSS summed): {_spread(rss.values(), ' MB', MB, '{:.0f}')}"
        f"; PSS {_spread(pss.values(), ' MB', MB, '{:.0f}')}"
    )
    print(f"time to first chart per student: {_spread([r['first_chart_s'] for r in rows.values()], ' s')}")
    print(f"server start (spawn to ready): {_spread([r['spawn_s'] for r in rows.values()], ' s')}")
    print(f"lesson 01, every cell: {_spread([r['run_s'] for r in rows.values()], ' s')}")
    print(
        f"total for {n} students, every server and kernel running: {total / 1024**3:.2f} GB RSS "
        f"({sum(pss.values()) / 1024**3:.2f} GB PSS); hub and proxy {own / MB:.0f} MB; "
        f"bench wall time {time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

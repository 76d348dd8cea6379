"""The journal keeps a student's work through restarts, crashes, two open notebooks and broken folders.

The stress tests start at most two child processes at a time; every child has a time limit,
is killed if it overruns, and is waited for.
"""

import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from borderline import journal, widgets
from conftest import ROOT

CHILD_SECONDS = 180  # a generous bound on one child process; none should come near it


def _child(script: str, journal_path: Path, prefix: tuple = ()) -> subprocess.Popen:
    env = dict(os.environ, BORDERLINE_JOURNAL=str(journal_path), PYTHONDONTWRITEBYTECODE="1")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.Popen(
        [*prefix, sys.executable, "-c", textwrap.dedent(script)],
        env=env,
        cwd=str(ROOT),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(procs) -> list[tuple[int, str, str]]:
    """Wait for every child (killing any that overruns) and return (exit code, stdout, stderr) for each."""
    results = []
    try:
        for p in procs:
            try:
                out, err = p.communicate(timeout=CHILD_SECONDS)
            except subprocess.TimeoutExpired:
                p.kill()
                out, err = p.communicate(timeout=30)
            results.append((p.returncode, out, err))
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait(timeout=30)
    return results


def test_save_and_read_back(journal_file):
    journal.save("01.reflect", "Hunger is not persecution, but punishment on return might be.")
    assert journal.get("01.reflect").startswith("Hunger")
    assert json.loads(journal_file.read_text())["entries"]["01.reflect"]["saved"]


def test_survives_a_new_process(journal_file):
    journal.save("k", "kept")
    [(code, out, err)] = _finish([_child("from borderline import journal; print(journal.get('k'))", journal_file)])
    assert code == 0, err
    assert out.strip() == "kept"


_WRITER = """
    import os, time
    from pathlib import Path
    from borderline import journal
    me, other = {me!r}, {other!r}
    folder = Path(os.environ["BORDERLINE_JOURNAL"]).parent
    (folder / f"ready-{{me}}").touch()
    deadline = time.monotonic() + 60
    while not (folder / f"ready-{{other}}").exists() and time.monotonic() < deadline:
        time.sleep(0.01)  # both kernels start writing together
    for i in range({n}):
        journal.save(f"{{me}}.{{i}}", f"{{me}} wrote {{i}}")
"""


def test_two_notebooks_writing_at_once_lose_nothing(journal_file):
    """Lesson 00 and lesson 05 open together, each saving many entries: every one of them is kept."""
    journal.save("00.opening", "Written before either notebook opened.")
    n = 40
    procs = [_child(_WRITER.format(me=me, other=other, n=n), journal_file) for me, other in (("a", "b"), ("b", "a"))]
    for code, _out, err in _finish(procs):
        assert code == 0, err
    saved = journal.entries()
    assert len(saved) == 2 * n + 1
    assert all(saved[f"{me}.{i}"]["text"] == f"{me} wrote {i}" for me in "ab" for i in range(n))
    assert saved["00.opening"]["text"] == "Written before either notebook opened."
    assert journal._leftovers(journal_file) == []


_KILLED_WRITER = """
    import os, time
    from borderline import journal
    def stall(fd):  # the temporary file is written but not yet renamed over the journal
        print("writing", flush=True)
        time.sleep(120)
    journal.os.fsync = stall
    journal.save("big", "x" * 5_000_000)
"""


def test_a_writer_killed_mid_write_leaves_the_journal_whole(journal_file):
    journal.save("00.opening", "It depends.")
    journal.save("01.9", "Hunger explains why they left.")
    before = journal_file.read_bytes()
    proc = _child(_KILLED_WRITER, journal_file)
    try:
        with selectors.DefaultSelector() as sel:
            sel.register(proc.stdout, selectors.EVENT_READ)
            assert sel.select(timeout=CHILD_SECONDS), "the writer never started writing"
        assert proc.stdout.readline().strip() == "writing"
        proc.send_signal(signal.SIGKILL)
    finally:
        _finish([proc])
    assert proc.returncode == -signal.SIGKILL
    assert journal_file.read_bytes() == before  # the old file, whole
    assert len(journal._leftovers(journal_file)) == 1  # the half-done save, which the next save clears
    journal.save("02.10", "Stock, not flow.")
    assert journal._leftovers(journal_file) == []
    assert [journal.get(k) for k in ("00.opening", "01.9", "big")] == [
        "It depends.",
        "Hunger explains why they left.",
        "",
    ]
    assert journal.get("02.10") == "Stock, not flow."


_READ_ONLY = """
    from borderline import journal, widgets
    try:
        journal.save("new", "typed in a read-only folder")
        print("SAVED")
    except journal.JournalError as exc:
        print("ERROR", exc)
    print("OLD", journal.get("old"))
    box = widgets.journal_entry("new", "Notes")
    box.controls["text"].value = "typed in the widget"
    print("STATUS", box.text.value)
"""


def _without_root_powers() -> tuple:
    """Root writes anywhere; run the child as root without its capabilities, so folder permissions apply."""
    if os.geteuid() != 0:
        return ()
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv (util-linux), so a read-only folder cannot be made")
    return ("setpriv", "--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-all", "--")


def test_a_read_only_folder_gives_one_clear_message_and_keeps_what_is_saved(monkeypatch):
    base = Path(tempfile.mkdtemp(prefix="bl-readonly-"))
    try:
        base.chmod(0o755)
        folder = base / "class"
        folder.mkdir()
        target = folder / "my-journal.json"
        monkeypatch.setenv("BORDERLINE_JOURNAL", str(target))
        journal.save("old", "written while the folder was writable")
        before = {p.name: p.read_bytes() for p in folder.iterdir()}
        folder.chmod(0o555)
        [(code, out, err)] = _finish([_child(_READ_ONLY, target, prefix=_without_root_powers())])
        assert code == 0, err
        lines = dict(line.split(" ", 1) for line in out.splitlines())
        assert "read-only" in lines["ERROR"] and str(folder) in lines["ERROR"]
        assert "SAVED" not in out and "Traceback" not in out
        assert lines["OLD"] == "written while the folder was writable"
        assert 'role="alert"' in lines["STATUS"] and "read-only" in lines["STATUS"]
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nothing changed, nothing added
    finally:
        (base / "class").chmod(0o755)
        shutil.rmtree(base)


def test_a_journal_path_that_is_a_folder_gives_one_clear_message(journal_file):
    journal_file.mkdir()
    (journal_file / "notes.txt").write_text("someone's file", encoding="utf-8")
    with pytest.raises(journal.JournalError, match="is a folder, not a file"):
        journal.save("k", "text")
    with pytest.raises(journal.JournalError, match="is a folder"):
        journal.get("k")
    box = widgets.journal_entry("k", "Notes")
    assert "is a folder" in box.text.value and 'role="alert"' in box.text.value
    box.controls["text"].value = "typed anyway"
    assert "is a folder" in box.text.value and "copy the text" in box.text.value
    assert [p.name for p in journal_file.iterdir()] == ["notes.txt"]
    assert (journal_file / "notes.txt").read_text(encoding="utf-8") == "someone's file"


def test_a_huge_journal_is_not_opened_and_never_overwritten(journal_file):
    huge = {"version": 1, "entries": {"k": {"text": "x" * (journal.MAX_BYTES + 10), "saved": ""}}}
    journal_file.write_text(json.dumps(huge), encoding="utf-8")
    before = journal_file.stat()
    with pytest.raises(journal.JournalError, match="MB"):
        journal.get("k")
    with pytest.raises(journal.JournalError, match="will not write to it"):
        journal.save("other", "text")
    box = widgets.opening_position("00.opening")
    assert "Rename it" in box.text.value
    box.controls["why"].value = "typed anyway"
    assert "MB" in box.text.value and 'role="alert"' in box.text.value
    after = journal_file.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
    assert [p.name for p in journal_file.parent.iterdir() if not p.name.endswith(".lock")] == [journal_file.name]


def test_an_entry_too_big_for_the_journal_is_refused_and_the_rest_kept(journal_file):
    journal.save("00.opening", "It depends.")
    before = journal_file.read_bytes()
    with pytest.raises(journal.JournalError, match="Shorten the text"):
        journal.save("pasted", "y" * (journal.MAX_BYTES + 1))
    assert journal_file.read_bytes() == before
    assert journal._leftovers(journal_file) == []


def test_damaged_file_is_set_aside_not_lost(journal_file):
    journal_file.write_text("{ this is not json", encoding="utf-8")
    journal.save("new", "fresh start")
    assert journal.get("new") == "fresh start"
    aside = list(journal_file.parent.glob("my-journal.damaged-*.json"))
    assert len(aside) == 1 and aside[0].read_text() == "{ this is not json"
    assert "kept whole as " + aside[0].name in journal.notices()[0]
    assert journal.notices() == []  # said once


def test_a_damaged_journal_is_explained_in_the_widget(journal_file):
    journal_file.write_bytes(b'{"version": 1, "entries": {"k": 7}}')
    box = widgets.journal_entry("k", "Notes")
    assert "damaged" in box.text.value and 'role="alert"' in box.text.value
    box.controls["text"].value = "starting again"
    assert "damaged" not in box.text.value and journal.get("k") == "starting again"
    [aside] = journal_file.parent.glob("my-journal.damaged-*.json")
    assert aside.read_bytes() == b'{"version": 1, "entries": {"k": 7}}'


def test_two_damaged_files_are_both_kept(journal_file):
    for garbage in ("not json", "[1, 2]"):
        journal_file.write_text(garbage, encoding="utf-8")
        journal.save("k", "again")
    kept = sorted(p.read_text() for p in journal_file.parent.glob("my-journal.damaged-*.json"))
    assert kept == ["[1, 2]", "not json"]


def test_no_temporary_files_left_behind(journal_file):
    for i in range(5):
        journal.save(str(i), "x")
    leftovers = [p.name for p in journal_file.parent.iterdir() if p.suffix == ".tmp"]
    assert leftovers == []


def test_an_old_journal_without_share_flags_stays_readable(journal_file):
    old = {"version": 1, "entries": {"00.opening": {"text": "Migrants.", "saved": "2024-01-01T10:00:00"}}}
    journal_file.write_text(json.dumps(old), encoding="utf-8")
    assert journal.get("00.opening") == "Migrants."
    assert journal.shared("00.opening") is False and journal.shared("00.opening", default=True) is True
    journal.set_share("00.opening", True)
    assert journal.entry("00.opening") == {"text": "Migrants.", "saved": "2024-01-01T10:00:00", "share": True}


def test_saving_again_keeps_the_share_choice_and_label(journal_file):
    journal.save("05.final", "First draft.", share=False, label="Your answer now")
    journal.save("05.final", "Second draft.")
    assert journal.entry("05.final")["share"] is False and journal.entry("05.final")["label"] == "Your answer now"


def test_the_share_box_of_a_journal_entry(journal_file):
    box = widgets.journal_entry("01.reflection", "Reflection")
    assert box.controls["share"].description == "Share this in my export" and box.controls["share"].value is False
    box.controls["text"].value = "Mine."
    box.controls["share"].value = True
    assert journal.shared("01.reflection") is True and "will be in your export" in box.text.value
    assert widgets.journal_entry("01.reflection").controls["share"].value is True
    shared_first = widgets.journal_entry("05.other", "Notes", share=True)
    assert shared_first.controls["share"].value is True


def test_journal_file_is_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text()
    assert "notebooks/my-journal.json" in ignored
    assert journal.path().name.endswith(".json")


def test_export_markdown_leaves_out_private_entries(journal_file):
    journal.save("00.opening", "It depends.", share=True)
    journal.save("01.9", "A private worry.")
    text = journal.export_markdown()
    assert "## 00.opening" in text and "It depends." in text
    assert "A private worry" not in text and "(kept private)" in text


def _shown(box) -> str:
    """Every piece of HTML text a view shows, children included."""
    found, todo = [], [box]
    while todo:
        widget = todo.pop()
        found.append(str(getattr(widget, "value", "")) if hasattr(widget, "value") else "")
        todo += list(getattr(widget, "children", ()))
    return " ".join(v for v in found if isinstance(v, str))


def test_every_view_that_saves_says_so_in_the_notebook_when_it_cannot(journal_file, monkeypatch):
    from borderline import exercise_view

    def refuse(*_args, **_kwargs):
        raise journal.JournalError("Borderline cannot write in the folder /class (it is read-only).")

    monkeypatch.setattr(journal, "save", refuse)
    monkeypatch.setattr(journal, "set_share", refuse)
    check = exercise_view.exercise("01.5")
    check.controls["answer"].value = "11,500"
    check.controls["check"].click()
    assert "Correct" in check.text.value and "read-only" in check.text.value  # checked, and says it was not kept
    entry = widgets.journal_entry("01.notes", "Notes")
    entry.controls["text"].value = "typed"
    opening = widgets.opening_position("00.opening")
    opening.controls["why"].value = "typed"
    board = widgets.options_board("05.ranking")
    board.controls[next(k for k in board.controls if k.startswith("rank:"))].value = "1"
    cases = widgets.status_checker()
    cases.controls["check"].click()
    for box in (entry, opening, board, cases):
        assert "read-only" in _shown(box) and 'role="alert"' in _shown(box), box
    [row] = [r for r in widgets.start.checks() if r[0] == "Journal"]
    assert row[1] is False and "read-only" in row[2]


def test_the_journal_follows_the_working_directory_not_the_package(tmp_path, monkeypatch):
    """On a hub the package is installed once; each student's kernel runs in their own copy's notebooks/."""
    monkeypatch.delenv("BORDERLINE_JOURNAL", raising=False)
    student = tmp_path / "home" / "borderline" / "notebooks"
    student.mkdir(parents=True)
    monkeypatch.chdir(student)
    beside_package = ROOT / "notebooks" / "my-journal.json"
    before = beside_package.stat().st_mtime_ns if beside_package.exists() else None
    assert journal.path() == student / "my-journal.json"
    journal.save("k", "mine")
    assert json.loads((student / "my-journal.json").read_text())["entries"]["k"]["text"] == "mine"
    assert (beside_package.stat().st_mtime_ns if beside_package.exists() else None) == before


def test_a_kernel_started_inside_the_package_keeps_the_journal_in_the_home(tmp_path, monkeypatch):
    monkeypatch.delenv("BORDERLINE_JOURNAL", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    package = Path(journal.__file__).resolve().parent
    monkeypatch.chdir(package / "widgets")
    assert journal.path() == tmp_path / "my-journal.json"

"""The journal keeps a student's work through restarts, crashes and two open notebooks."""

import json
import multiprocessing as mp

from borderline import journal


def test_save_and_read_back(journal_file):
    journal.save("01.reflect", "Hunger is not persecution, but punishment on return might be.")
    assert journal.get("01.reflect").startswith("Hunger")
    assert json.loads(journal_file.read_text())["entries"]["01.reflect"]["saved"]


def test_survives_a_new_process(journal_file):
    journal.save("k", "kept")
    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        assert pool.apply(_read_in_child, (str(journal_file), "k")) == "kept"


def _read_in_child(path, key):
    import os

    os.environ["BORDERLINE_JOURNAL"] = path
    from borderline import journal as j

    return j.get(key)


def _writer(path, prefix, n):
    import os

    os.environ["BORDERLINE_JOURNAL"] = path
    from borderline import journal as j

    for i in range(n):
        j.save(f"{prefix}.{i}", "x")


def test_two_notebooks_writing_at_once_lose_nothing(journal_file):
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(journal_file), p, 25)) for p in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert len(journal.entries()) == 50


def test_damaged_file_is_set_aside_not_lost(journal_file):
    journal_file.write_text("{ this is not json", encoding="utf-8")
    journal.save("new", "fresh start")
    assert journal.get("new") == "fresh start"
    aside = list(journal_file.parent.glob("my-journal.damaged-*.json"))
    assert len(aside) == 1 and aside[0].read_text() == "{ this is not json"


def test_no_temporary_files_left_behind(journal_file):
    for i in range(5):
        journal.save(str(i), "x")
    leftovers = [p.name for p in journal_file.parent.iterdir() if p.suffix == ".tmp"]
    assert leftovers == []


def test_journal_file_is_ignored_by_git():
    from conftest import ROOT

    ignored = (ROOT / ".gitignore").read_text()
    assert "notebooks/my-journal.json" in ignored
    assert journal.path().name.endswith(".json")


def test_export_markdown(journal_file):
    journal.save("00.opening", "It depends.")
    assert "## 00.opening" in journal.export_markdown()

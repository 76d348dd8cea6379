"""'Export my work': a lesson's prompts with the student's shareable answers, and none of the private ones."""

import re

from borderline import exercise_view, export, journal, widgets

PRIVATE = "MY PRIVATE REFLECTION: my uncle crossed in 1997"
UNTICKED = "An argued paragraph the student chose to keep back"


def _files(lesson):
    return [p.read_text(encoding="utf-8") for p in export.work_paths(lesson)]


def test_an_export_holds_the_shareable_entries_and_none_of_the_private_ones(journal_file):
    check = exercise_view.exercise("01.6")  # a self-check answer: shared unless unticked
    check.controls["answer"].value = "about 3,800"
    check.controls["check"].click()
    choice = exercise_view.exercise("01.2")
    choice.controls["answer"].value = choice.controls["answer"].options[0][1]
    choice.controls["check"].click()
    writing = exercise_view.exercise("01.3")  # a writing exercise: shared unless unticked
    writing.controls["text"].value = "The surveys count the dead among those who fled."
    reflection = exercise_view.exercise("01.9")  # a reflection: private unless ticked
    assert reflection.controls["share"].value is False
    reflection.controls["text"].value = PRIVATE
    notes = widgets.journal_entry("01.notes", "My notes")
    notes.controls["text"].value = UNTICKED
    notes.controls["share"].value = True
    notes.controls["share"].value = False
    journal.save("02.10", "Another lesson's answer", share=True)

    page, text, items = export.write_work("01")
    for content in (page.read_text(encoding="utf-8"), text.read_text(encoding="utf-8")):
        assert "about 3,800" in content
        assert "The surveys count the dead among those who fled." in content
        assert "Exercise 01.3" in content and "Exercise 01.9" in content  # every prompt is there
        for secret in (PRIVATE, "my uncle", UNTICKED, "keep back"):
            assert secret not in content
        assert content.count("(kept private)") == 2
        assert "Another lesson" not in content
    choice_label = next(iter(exercise_view.exercises._question("01.2").options.values()))
    assert choice_label in text.read_text(encoding="utf-8")  # a choice shows its label, not its key
    assert journal.get("01.9") == PRIVATE  # private entries stay in the journal


def test_unticking_a_self_check_in_the_export_control_keeps_it_out(journal_file):
    box = exercise_view.exercise("01.6")
    box.controls["answer"].value = "four thousand and one"
    box.controls["check"].click()
    control = widgets.export_my_work("01")
    control.controls["share:answer.01.6"].value = False
    control.controls["export"].click()
    html_text, md_text = _files("01")
    assert "four thousand and one" not in html_text + md_text
    assert "my-work-01.html" in control.text.value and "<a href=" in control.text.value
    assert "0 answers shared, 1 kept private" in control.text.value


def test_the_export_control_lists_what_is_written_and_links_to_both_files(journal_file):
    control = widgets.export_my_work("05")
    assert [k for k in control.controls if k.startswith("share:")] == []
    journal.save("05.final", "It depends; but no return to torture.", share=True, label="Your answer now")
    control.controls["export"].click()
    assert "share:05.final" in control.controls and control.controls["share:05.final"].value is True
    links = re.findall(r'href="([^"]+)"', control.text.value)
    assert [link.rsplit("/", 1)[-1] for link in links] == ["my-work-05.html", "my-work-05.md"]
    html_text, md_text = _files("05")
    assert "It depends; but no return to torture." in html_text and "## Your answer now" in md_text
    assert html_text.startswith("<!DOCTYPE html>") and "Save as PDF" in html_text


def test_the_files_are_written_beside_the_journal(journal_file):
    page, text, _ = export.write_work("00")
    assert page == journal_file.parent / "my-work-00.html" and text.parent == journal_file.parent


def test_an_export_that_cannot_be_written_says_so_and_keeps_the_journal(journal_file):
    journal.save("00.opening", "Migrants.", share=True, label="Your opening position")
    before = journal_file.read_bytes()
    (journal_file.parent / "my-work-00.html").mkdir()
    control = widgets.export_my_work("00")
    control.controls["export"].click()
    assert 'role="alert"' in control.text.value and "could not write my-work-00.html" in control.text.value
    assert journal_file.read_bytes() == before


def test_an_unreadable_journal_is_explained_in_the_export_control(journal_file):
    journal_file.mkdir()
    control = widgets.export_my_work("00")
    assert "is a folder" in control.text.value
    control.controls["export"].click()
    assert "is a folder" in control.text.value and not export.work_paths("00")[0].exists()


def test_the_export_control_in_the_handouts(monkeypatch, journal_file):
    monkeypatch.setenv("BORDERLINE_STATIC", "1")
    page = widgets.export_my_work("03")._repr_html_()
    assert "my-work-03.html" in page and "bl-static" in page


def test_defaults_reflections_private_coursework_shared():
    kinds = {q.qid: export.shared_by_default(q) for q in export._questions("01")}
    assert kinds["01.9"] is False and kinds["01.3"] is True and kinds["01.6"] is True

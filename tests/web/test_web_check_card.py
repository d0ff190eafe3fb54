"""The "Check my work" card (issue 17) in headless Chromium: the verdict, the slip, the
derivation's lines, and practice problems checked against their own answers."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nablab.i18n import translate

from . import harness
from .conftest import Server

harness.playwright_or_skip()


@pytest.fixture(scope="module")
def page(web_server: Server) -> Iterator[Any]:
    with harness.ready_page(web_server.url) as page:
        yield page


def set_language(page: Any, lang: str) -> None:
    if page.evaluate("document.documentElement.lang") != lang:
        page.click("#lang-toggle")
    page.wait_for_function(f"document.documentElement.lang === '{lang}'")


def check(page: Any, task: str, answer: str) -> str:
    """Checks ``answer`` against ``task`` on the card; the verdict's data value."""
    page.fill("#check-task", task)
    page.fill("#check-answer", answer)
    page.evaluate("document.getElementById('check-out').textContent = ''")
    page.click("#check-run")
    page.wait_for_function("(() => { const o = document.getElementById('check-out');"
                           " return o.childElementCount > 0 && !o.querySelector('.working'); })()")
    return str(page.evaluate("(document.querySelector('#check-verdict') || {dataset: {}})"
                             ".dataset.verdict || ''"))


def test_gd_step_uphill_is_incorrect_and_names_the_slip(page: Any, artifacts: Path) -> None:
    set_language(page, "en")
    assert check(page, "gd x^2 + y^2 from (3, 4) lr 0.1", "(3.6, 4.8)") == "incorrect"
    assert page.inner_text("#check-verdict").startswith("✗ Not correct")
    assert "adding η∇L gives (3.6, 4.8)" in page.inner_text("#check-slip")
    assert page.locator("#check-expected .katex").count() == 1
    assert "2.4" in page.inner_text("#check-expected")
    page.locator("#check").screenshot(path=str(artifacts / "check-gd-en.png"))
    set_language(page, "ko")  # re-rendered, not computed again
    assert page.inner_text("#check-verdict") == "✗ " + translate("check.verdict.incorrect", "ko")
    assert "η∇L을 더하면" in page.inner_text("#check-slip")
    assert translate("web.check.slip", "ko") in page.inner_text("#check-out")
    page.locator("#check").screenshot(path=str(artifacts / "check-gd-ko.png"))
    set_language(page, "en")


def test_chain_rule_derivative_is_correct(page: Any) -> None:
    set_language(page, "en")
    assert check(page, "d/dx sin(x^2)", "2x cos(x^2)") == "correct"
    assert page.inner_text("#check-verdict").startswith("✓ Correct")
    assert page.locator("#check-slip").count() == 0


def test_derivation_marks_the_first_wrong_line(page: Any, artifacts: Path) -> None:
    set_language(page, "en")
    verdict = check(page, "d/dx sin(x^2)", "cos(x^2) * 2x\n2x cos(x)\n2 x cos x")
    assert verdict == "incorrect"
    marks = page.evaluate("[...document.querySelectorAll('#check-lines li')]"
                          ".map(li => [li.dataset.mark, li.querySelector('.mark').textContent])")
    assert marks == [["ok", "✓"], ["wrong", "✗"], ["follows", "→"]]
    assert page.inner_text("#check-counterexample") == "Counter-example: x = 2"
    page.locator("#check").screenshot(path=str(artifacts / "check-derivation-en.png"))


@pytest.mark.parametrize("topic", ["derivatives", "gradient", "descent", "critical"])
def test_new_problem_checked_against_its_own_answer(page: Any, web_server: Server,
                                                     topic: str) -> None:
    set_language(page, "en")
    page.select_option("#check-topic", topic)
    page.evaluate("['check-out', 'check-problem'].forEach(id =>"
                  " document.getElementById(id).textContent = '')")
    page.click("#check-new")
    page.wait_for_function("!!document.getElementById('check-prompt-text')")
    task, seed = page.input_value("#check-task"), int(page.input_value("#check-seed"))
    assert task and f"check-seed={seed}" in page.url
    body = json.dumps({"topic": topic, "seed": seed}).encode()
    request = urllib.request.Request(web_server.url + "api/practice", body,
                                     {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        problem = json.load(response)
    assert problem["task"] == task
    assert page.inner_text("#check-prompt-text") == problem["prompt"]
    assert check(page, task, problem["answer"]) == "correct"
    assert page.inner_text("#check-prompt-text") == problem["prompt"]  # still shown


def test_reload_shows_the_same_problem(page: Any) -> None:
    set_language(page, "en")
    page.select_option("#check-topic", "partials")
    page.evaluate("document.getElementById('check-problem').textContent = ''")
    page.click("#check-new")
    page.wait_for_function("!!document.getElementById('check-prompt-text')")
    task, prompt = page.input_value("#check-task"), page.inner_text("#check-prompt-text")
    page.reload()
    page.wait_for_function("document.body.dataset.ready === '1'"
                           " && !!document.getElementById('check-prompt-text')")
    assert page.input_value("#check-task") == task
    assert page.inner_text("#check-prompt-text") == prompt

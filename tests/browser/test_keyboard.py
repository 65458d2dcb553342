"""The week from the keyboard alone: the skip link, the "How to do it" toggles, Done and Skip,
each reached with Tab, shown with a visible focus ring and worked with Enter or Space; the
change is announced and the page after it passes axe too."""

import pytest
from django.core.management import call_command

from accounts.demo import DEMO_PASSWORD, DEMO_RUNNER_EMAIL
from tests.browser.accessibility import axe_context, every_look

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    text: element.innerText.trim(),
    tag: element.tagName,
    expanded: element.getAttribute("aria-expanded"),
    outline: style.outlineStyle !== "none" ? parseFloat(style.outlineWidth) : 0,
    shadow: style.boxShadow,
    inToday: Boolean(element.closest(".today")),
  };
}"""


# What a screen reader would read out: text added to a live region after the page loaded.
HEAR_LIVE_REGIONS = """
window.__announced = [];
document.addEventListener("DOMContentLoaded", () => {
  new MutationObserver((changes) => changes.forEach((change) => {
    if (change.target.closest("[aria-live]")) {
      change.addedNodes.forEach((node) => window.__announced.push(node.textContent.trim()));
    }
  })).observe(document.body, {childList: true, subtree: true});
});
"""


def announced(page, text: str) -> None:
    page.wait_for_function(
        "(text) => window.__announced.some((said) => said.includes(text))", arg=text
    )


def tab_to(page, wanted, limit: int = 200) -> dict:
    """Press Tab until the focused element matches `wanted`; it must show a focus ring."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if wanted(focused):
            assert focused["outline"] >= 2, f"no visible focus on {focused}"
            return focused
    raise AssertionError("never reached with Tab")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_week_works_from_the_keyboard_alone(scheme, live_server, browser):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    context = axe_context(browser, color_scheme=scheme, reduced_motion="reduce")
    context.add_init_script(HEAR_LIVE_REGIONS)
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(DEMO_RUNNER_EMAIL)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_label("Password").press("Enter")
    page.wait_for_url("**/week/")
    assert page.evaluate("document.documentElement.dataset.bsTheme") == scheme
    # Asked for no motion: no smooth scrolling, no transitions.
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    button_motion = "getComputedStyle(document.querySelector('.btn')).transitionDuration"
    assert page.evaluate(button_motion) == "0s"

    # The first Tab shows the skip link; Enter jumps past the navigation.
    skip = tab_to(page, lambda focused: True, limit=1)
    assert skip["text"] == "Skip to content"
    assert page.get_by_role("link", name="Skip to content").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # "How to do it" opens with Enter and closes with Space.
    tab_to(page, lambda focused: focused["text"] == "How to do it")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.getAttribute('aria-expanded') === 'true'")
    cues = page.evaluate("document.activeElement.getAttribute('aria-controls')")
    assert page.locator(f"#{cues}").is_visible()
    page.keyboard.press("Space")
    page.wait_for_function("document.activeElement.getAttribute('aria-expanded') === 'false'")

    # Today's first session: Done with Enter, and the change is announced.
    today = page.locator(".today")
    before = today.get_by_test_id("status").count()
    tab_to(page, lambda focused: focused["text"] == "Done" and focused["inToday"])
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    announced(page, "marked as done")
    assert page.locator(".today").get_by_test_id("status").filter(has_text="Done").count() == (
        before + 1
    )

    # A session ahead: Skip with Space.
    skipped_before = page.get_by_test_id("status").filter(has_text="Skipped").count()
    page.keyboard.press("Tab")  # from the top of the reloaded page
    tab_to(page, lambda focused: focused["text"] == "Skip")
    page.keyboard.press("Space")
    page.wait_for_load_state("load")
    announced(page, "Marked as skipped")
    assert page.get_by_test_id("status").filter(has_text="Skipped").count() == skipped_before + 1

    # The week with its message passes axe in both widths and schemes.
    failures = every_look(page, scheme)
    context.close()
    assert not failures, "\n".join(v.describe("runner", [look]) for look, v in failures)

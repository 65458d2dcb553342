"""axe-core in Chromium: run WCAG 2.1 A and AA checks on the page a Playwright page shows and
describe what fails. axe is a test tool (tests/browser/vendor/axe.min.js), never served: it is
added to every document by the browser itself, before the page's own scripts, so the page's
Content-Security-Policy does not apply to it."""

import os
import re
from dataclasses import dataclass
from pathlib import Path

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
# A11Y_SHOTS=/some/folder saves a full-page screenshot of every page in every look, to look at.
SHOTS = os.environ.get("A11Y_SHOTS", "")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = {"desktop": 1280, "phone": 390}
SCHEMES = ("light", "dark")

RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
  });
  return results.violations.flatMap((rule) => rule.nodes.map((node) => ({
    rule: rule.id,
    help: rule.help,
    target: node.target.join(" "),
    html: node.html.slice(0, 200),
    summary: (node.failureSummary || "").replace(/\\s+/g, " ").slice(0, 300),
  })));
}"""

# Collapsed parts (the "How to do it" cues, the phone's menu) are checked open too.
OPEN_EVERYTHING = """() => {
  document.querySelectorAll(".collapse").forEach((part) => part.classList.add("show"));
}"""


@dataclass(frozen=True)
class Violation:
    rule: str
    help: str
    target: str
    html: str
    summary: str

    def describe(self, role: str, pages: list[str]) -> str:
        shown = ", ".join(pages[:4]) + (f" and {len(pages) - 4} more" if len(pages) > 4 else "")
        return (
            f"{self.rule} ({self.help}) as {role} on {shown}\n"
            f"    element {self.target}: {self.html}\n    {self.summary}"
        )


def axe_context(browser, **options):
    """A browser context whose every document has axe loaded."""
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900}, **options)
    context.set_default_timeout(15_000)
    context.add_init_script(path=str(AXE))
    return context


def axe_violations(page) -> list[Violation]:
    return [Violation(**found) for found in page.evaluate(RUN_AXE, WCAG_TAGS)]


def show(page, *, width: int, scheme: str) -> None:
    """Switch the page to a width and colour scheme and wait until it has been redrawn."""
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme, reduced_motion="reduce")
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => setTimeout(done)))")


def every_look(page, first_scheme: str = "light", name: str = "") -> list[tuple[str, Violation]]:
    """Check the loaded page at both widths in both schemes without loading it again: desktop
    and phone in the scheme it was loaded in (theme.js at load), then phone and desktop in the
    other (theme.js following a change). Returns (look, violation) pairs; `name` names the
    screenshots when A11Y_SHOTS is set."""
    second = "dark" if first_scheme == "light" else "light"
    looks = [
        (first_scheme, "desktop"),
        (first_scheme, "phone"),
        (second, "phone"),
        (second, "desktop"),
    ]
    page.evaluate(OPEN_EVERYTHING)
    found: list[tuple[str, Violation]] = []
    for scheme, width in looks:
        show(page, width=WIDTHS[width], scheme=scheme)
        if SHOTS and name:
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:80]
            page.screenshot(path=f"{SHOTS}/{slug}-{width}-{scheme}.png", full_page=True)
        found.extend((f"{width} {scheme}", v) for v in axe_violations(page))
    return found

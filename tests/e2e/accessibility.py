"""Accessibility checks in the browser journeys with axe-core (vendored in ``vendor/axe-core``,
MPL-2.0), run on the page as the visitor sees it."""

from pathlib import Path

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical violations on ``page``, each as its rule and the first
    elements it found, so a failing assertion says what to mend."""
    # Evaluated, not added as a <script>: the content security policy refuses inline scripts,
    # and the check must run on the page as served.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        for violation in results["violations"]
        if violation["impact"] in SERIOUS
    ]

"""What the browser tests share: running axe-core, and typing into date and time inputs."""

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.1 A and AA and WCAG 2.2 AA: the rules the design names, no fewer.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}

_axe = Axe()


def axe_report(page) -> str | None:
    """Run axe-core on the page; a readable report of its violations, or None when there are none."""
    results = _axe.run(page, options=AXE_OPTIONS)
    if results.violations_count == 0:
        return None
    return results.generate_report()


def active_element(page) -> dict:
    """What has keyboard focus (read only; the tests never move focus with script)."""
    return page.evaluate(
        """async () => {
            // Read after the next frame, once the browser has restyled the focused element.
            await new Promise((resolve) => requestAnimationFrame(() => resolve()));
            const el = document.activeElement;
            // Designsystemet rings a checkbox or radio button's whole field, not the box itself.
            const ringed = (el.matches("input[type=radio], input[type=checkbox]")
                && el.closest(".ds-field")) || el;
            const style = getComputedStyle(ringed);
            const box = el.getBoundingClientRect();
            return {
                tag: el.tagName.toLowerCase(),
                id: el.id,
                name: el.getAttribute("name") || "",
                type: el.getAttribute("type") || "",
                text: (el.innerText || "").trim(),
                checked: !!el.checked,
                value: el.value === undefined ? null : el.value,
                href: el.getAttribute("href") || "",
                // Where focus is must be visible (WCAG 2.4.7); axe cannot check this.
                // A skip link shows itself only when focused: being seen is its focus ring.
                // Null when focus is on a part the browser draws itself (a date picker's
                // button): then the browser draws the ring.
                focusVisible: !el.matches(":focus") ? null : el.matches(":focus-visible") && (
                    style.outlineStyle !== "none"
                    || style.boxShadow !== "none"
                    || (el.matches(".ds-skip-link") && box.width > 1 && box.height > 1)
                ),
            };
        }"""
    )


def describe(element: dict) -> str:
    return (
        f"<{element['tag']} id={element['id']!r} name={element['name']!r}> {element['text'][:40]!r}"
    )


def tab_to(page, matches, *, limit: int = 120) -> dict:
    """Press Tab until the focused element matches; fail if it is never reached.

    Every element passed on the way must show that it has focus.
    """
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = active_element(page)
        assert element["focusVisible"] is not False, f"No visible focus on {describe(element)}"
        if matches(element):
            return element
        seen.append(describe(element))
    raise AssertionError("Never reached by Tab. Focus went through:\n" + "\n".join(seen))


def tab_to_field(page, element_id: str) -> dict:
    return tab_to(page, lambda element: element["id"] == element_id)


def type_datetime(page, value) -> None:
    """Type a datetime into the focused <input type="datetime-local">, digit by digit.

    Chromium with only its en-US locale pack lays the segments out as mm/dd/yyyy, hh:mm AM/PM.
    Two digits fill the month, day, hour and minute and move on; the year takes up to six digits,
    so Tab moves on from it.
    """
    page.keyboard.type(value.strftime("%m%d%Y"))
    page.keyboard.press("Tab")
    page.keyboard.type(value.strftime("%I%M"))
    page.keyboard.type("P" if value.hour >= 12 else "A")

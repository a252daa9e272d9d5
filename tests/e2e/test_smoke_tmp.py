import time
import pytest
from samverkan.accounts.roles import Role

ACTIVE = """() => { const e = document.activeElement; return [e.tagName, e.type || '', e.name || '', e.id || '', e.value]; }"""

@pytest.mark.browser
def test_it_opens(new_context, users, live_server):
    page = new_context(users[Role.AGENCY_STAFF]).new_page()
    page.goto("/aktiviteter/ny/")
    page.locator("#id_knowledge_0").focus()
    page.keyboard.press("Tab")
    print(page.evaluate(ACTIVE))
    for d in "2031":
        page.keyboard.press(d)
    print(page.evaluate(ACTIVE))
    for d in "05":
        page.keyboard.press(d)
    for d in "14":
        page.keyboard.press(d)
    for d in "1030":
        page.keyboard.press(d)
    print(page.evaluate(ACTIVE))
    page.keyboard.press("Tab"); print(page.evaluate(ACTIVE))
    page.keyboard.press("Tab"); print(page.evaluate(ACTIVE))
    page.keyboard.press("Shift+Tab"); print(page.evaluate(ACTIVE))
    page.locator("#id_starts_at").screenshot(path="/tmp/dt.png")

"""End to end in real Chromium: a phone joins and submits, a moderator approves, the projector shows
the card without a reload."""

import time

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser import launch, screenshot

pytestmark = pytest.mark.browser


def sign_in_and_get_ready(page, server):
    """A facilitator signs in and confirms the safeguarding checklist, as they would before children join."""
    page.goto(f"{server.url}/staff/login")
    page.fill("#email", "facilitator@demo.local")
    page.fill("#password", server.demo["password"])
    page.click("button[type=submit]")
    page.goto(f"{server.url}/console/{server.demo['console']}/safeguarding/")
    expect(page.locator("#alert-banner")).to_be_hidden()  # no alert yet: no red banner either
    for item in ("guardian_consent", "safeguarding_lead", "dpia"):
        form = page.locator(f'form:has(input[name=item][value="{item}"])')
        if item == "safeguarding_lead":
            form.locator("input[name=detail]").fill("Ms Achieng, green lanyard, by the door")
        form.get_by_role("button").click()
        expect(page.locator(".saved")).to_be_visible()
    page.goto(f"{server.url}/console/{server.demo['console']}")
    expect(page.locator("#status")).to_have_text("Live.")


def open_childrens_board(console):
    row = console.locator(".agenda-activity", has_text="The internet we have and the internet we want")
    row.get_by_role("button", name="Open").click()
    expect(row.locator(".state-open")).to_be_visible()


def test_phone_moderator_projector(server):
    demo = server.demo
    with sync_playwright() as playwright:
        browser = launch(playwright)
        staff = browser.new_context(viewport={"width": 1366, "height": 900})
        console = staff.new_page()
        sign_in_and_get_ready(console, server)
        open_childrens_board(console)

        projector = browser.new_context(viewport={"width": 1600, "height": 900}).new_page()
        projector.goto(f"{server.url}/p/{demo['projector']}")
        expect(projector.locator(".lane-name").first).to_contain_text("The internet we have")

        phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True).new_page()
        phone.goto(f"{server.url}/j/{demo['join_code']}")
        phone.select_option("#group", "child")
        phone.select_option("#age_band", "14-15")
        phone.get_by_role("button", name="Join").click()
        expect(phone.locator("#text-want")).to_be_visible()
        phone.fill("#text-want", "Apps that explain privacy in Kiswahili")
        phone.locator('.lane-form[data-lane="want"] button[type=submit]').click()
        mine = phone.locator("#entries li", has_text="Apps that explain privacy in Kiswahili")
        expect(mine.locator(".state")).to_have_text("Waiting for the moderator")
        expect(projector.locator(".card")).to_have_count(0)

        queued = console.locator("#queue .entry", has_text="Apps that explain privacy in Kiswahili")
        expect(queued).to_be_visible()
        screenshot(console, "console-queue")
        queued.get_by_role("button", name="Approve").click()

        card = projector.locator(".card", has_text="Apps that explain privacy in Kiswahili")
        expect(card).to_be_visible()
        expect(projector.locator("#counts")).to_have_text("1 received · 1 on the board")
        expect(mine.locator(".state")).to_have_text("On the board")
        expect(console.locator("#board .entry", has_text="Apps that explain privacy")).to_be_visible()

        screenshot(phone, "phone-activity")
        screenshot(projector, "projector-board")
        screenshot(console, "console-approved")
        browser.close()


def test_phone_without_javascript_joins_and_submits(server):
    demo = server.demo
    with sync_playwright() as playwright:
        browser = launch(playwright)
        staff = browser.new_context().new_page()
        sign_in_and_get_ready(staff, server)
        open_childrens_board(staff)

        phone = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640}).new_page()
        phone.goto(f"{server.url}/")
        phone.fill("#code", demo["join_code"].lower())
        phone.get_by_role("button", name="Join").click()
        phone.fill("#text-have", "Too many strangers add me")
        phone.locator('.lane-form[data-lane="have"] button[type=submit]').click()
        expect(phone.locator("#announce")).to_have_text("Sent. Thank you!")
        expect(phone.locator("#entries li", has_text="Too many strangers add me")).to_be_visible()
        screenshot(phone, "phone-no-javascript-320px")
        expect(staff.locator("#queue .entry", has_text="Too many strangers add me")).to_be_visible()
        browser.close()


def test_disclosure_reaches_only_the_safeguarding_lead(server):
    demo = server.demo
    with sync_playwright() as playwright:
        browser = launch(playwright)
        staff = browser.new_context(viewport={"width": 1366, "height": 900})
        console = staff.new_page()
        sign_in_and_get_ready(console, server)
        open_childrens_board(console)
        lead = staff.new_page()
        lead.goto(f"{server.url}/console/{demo['console']}/safeguarding/")
        expect(lead.locator("#status")).to_have_text("Live.")

        projector = browser.new_context(viewport={"width": 1600, "height": 900}).new_page()
        projector.goto(f"{server.url}/p/{demo['projector']}")
        phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
        phone.goto(f"{server.url}/j/{demo['join_code']}")
        phone.get_by_role("button", name="Join").click()
        expect(phone.locator("#first-notice")).to_be_visible()
        phone.fill("#text-have", "A man online keeps asking me for nude photos and says he will share them")
        phone.locator('.lane-form[data-lane="have"] button[type=submit]').click()

        support = phone.locator("#support")
        expect(support).to_be_visible()
        expect(support).to_contain_text("Childline Kenya on 116")
        expect(support).to_contain_text("Ms Achieng, green lanyard")
        expect(phone.locator("#entries .state")).to_have_text("Waiting for the moderator")
        expect(phone.locator("body")).not_to_contain_text("blocked")

        expect(lead.locator("#alert-banner")).to_be_visible()
        expect(lead.locator("#flags .flag-entry")).to_contain_text("asking me for nude photos")
        expect(console.locator("#held .entry")).to_contain_text("asking me for nude photos")
        expect(projector.locator("#counts")).to_have_text("1 received · 0 on the board")
        expect(projector.locator(".card")).to_have_count(0)
        expect(console.locator("#queue .entry")).to_have_count(0)

        lead.locator("#flags .flag-entry select").select_option("talked_to_child")
        lead.locator("#flags .flag-entry .note").fill("Spoke with the child with their teacher present")
        lead.locator("#flags .flag-entry").get_by_role("button", name="Record").click()
        expect(lead.locator("#flags .history")).to_contain_text("talked to child")

        screenshot(phone, "safeguarding-phone-support")
        screenshot(lead, "safeguarding-lead-alert")
        screenshot(projector, "safeguarding-projector-empty")
        browser.close()


# Wraps the page's Socket.IO client: while ``__holdSyncs`` is true, a sync's answer is kept in ``__heldSyncs`` until the
# test lets it through, so the answer can be made to arrive after a broadcast sent later, as it can on a busy server.
HOLD_SYNC_ANSWERS = """
(() => {
  let realIo;
  window.__heldSyncs = [];
  window.__holdSyncs = false;
  Object.defineProperty(window, "io", {
    configurable: true,
    get() {
      if (!realIo) return realIo;
      return function () {
        const socket = realIo.apply(this, arguments);
        window.__socket = socket;
        const emit = socket.emit;
        socket.emit = function (name, ...args) {
          if (window.__holdSyncs && name.endsWith(":sync") && typeof args[args.length - 1] === "function") {
            const answer = args.pop();
            args.push((ack) => window.__heldSyncs.push(() => answer(ack)));
          }
          return emit.call(this, name, ...args);
        };
        return socket;
      };
    },
    set(value) { realIo = value; },
  });
})();
"""


def test_a_snapshot_older_than_the_wall_does_not_bring_a_hidden_card_back(server):
    """A snapshot read just before a card was hidden, arriving after the hide's broadcast, is not drawn: the
    projector asks again and the hidden card stays off the wall."""
    demo = server.demo
    with sync_playwright() as playwright:
        browser = launch(playwright)
        console = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
        sign_in_and_get_ready(console, server)
        open_childrens_board(console)
        projector_context = browser.new_context(viewport={"width": 1600, "height": 900})
        projector_context.add_init_script(HOLD_SYNC_ANSWERS)
        projector = projector_context.new_page()
        projector.goto(f"{server.url}/p/{demo['projector']}")
        expect(projector.locator(".lane-name").first).to_contain_text("The internet we have")
        phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
        phone.goto(f"{server.url}/j/{demo['join_code']}")
        phone.get_by_role("button", name="Join").click()

        def send_and_approve(text: str) -> None:
            phone.fill("#text-have", text)
            phone.locator('.lane-form[data-lane="have"] button[type=submit]').click()
            console.locator("#queue .entry", has_text=text).get_by_role("button", name="Approve").click()
            expect(console.locator("#board .entry", has_text=text)).to_be_visible()

        send_and_approve("Card that will be hidden")
        hidden = projector.locator(".card", has_text="Card that will be hidden")
        expect(hidden).to_be_visible()

        # The wall drops off; a card is approved meanwhile; it comes back, and its sync's answer (the board with
        # both cards) is held.
        projector.evaluate("window.__socket.disconnect()")
        send_and_approve("Card approved while the wall was away")
        projector.evaluate("window.__holdSyncs = true; window.__socket.connect()")
        deadline = time.monotonic() + 10  # (wait_for_function evaluates a string, which the page's CSP forbids)
        while projector.evaluate("window.__heldSyncs.length") < 1:
            assert time.monotonic() < deadline, "the wall's sync was never sent"
            projector.wait_for_timeout(50)

        # The card is hidden: the wall hears it, then the older answer arrives.
        console.locator("#board .entry", has_text="Card that will be hidden").get_by_role("button", name="Hide").click()
        expect(hidden).to_have_count(0)
        projector.evaluate("window.__holdSyncs = false; window.__heldSyncs.shift()()")

        expect(projector.locator(".card", has_text="Card approved while the wall was away")).to_be_visible()
        expect(hidden).to_have_count(0)
        expect(projector.locator("#counts")).to_have_text("2 received · 1 on the board")
        browser.close()

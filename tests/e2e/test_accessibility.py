"""WCAG 2.2 AA on the phone and the projector, in real Chromium: axe-core finds no serious or critical
violation; every control is at least 44 px; a 320 px phone with text at 200% needs no sideways scrolling;
focus is visible; reduced motion is respected; the projector has a high-contrast mode and type for the back
of a room; "Read aloud" uses the phone's own voice in the chosen language, and hides where there is none.

axe-core is vendored under tests/e2e/vendor (npm `axe-core`, see tests/e2e/vendor/README.md) and evaluated through
the DevTools protocol, so the app's strict CSP stays on while it runs."""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser import ARTIFACTS, screenshot

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


@pytest.fixture(scope="module")
def server(childrens_board_server):
    return childrens_board_server


@pytest.fixture(scope="module")
def browser(chromium):
    return chromium


@contextmanager
def context(browser, **options):
    ctx = browser.new_context(**{**PHONE, **options})
    try:
        yield ctx
    finally:
        ctx.close()


def join_phone(page, server, language: str = "en") -> None:
    page.goto(f"{server.url}/j/{server.demo['join_code']}")
    if language == "sw":
        page.locator('.lang-switch button[value="sw"]').click()
        expect(page.locator("html")).to_have_attribute("lang", "sw")
    page.select_option("#group", "child")
    page.locator(".join-form button[type=submit]").click()
    expect(page.locator(".prompt-title")).to_be_visible()


# --- checks ---------------------------------------------------------------------------------------------------


def axe_violations(page) -> list[dict]:
    # Evaluated through the DevTools protocol, which the page's CSP does not govern: the CSP stays on
    # for everything the app itself serves, so an inline script or style would still be refused.
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text() + "\n;void 0")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_TAGS
    )
    return result["violations"]


def assert_no_serious_violations(page, name: str) -> None:
    violations = axe_violations(page)
    for violation in violations:  # reported, so a moderate one is seen too
        targets = [node["target"] for node in violation["nodes"]][:5]
        print(f"axe {name}: {violation['impact']} {violation['id']}: {violation['help']} {targets}")
    serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, f"{name}: {serious}"


SMALL_TARGETS = """() => {
  const small = [];
  const seen = new Set();
  const tappable = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  for (const node of document.querySelectorAll(tappable)) {
    if (!node.offsetParent && getComputedStyle(node).position !== 'fixed') continue;  // not shown
    // A radio or checkbox is tapped through its label, which wraps it.
    const wrapped = (node.type === 'radio' || node.type === 'checkbox') && node.closest('label');
    const target = wrapped ? node.closest('label') : node;
    if (seen.has(target)) continue;
    seen.add(target);
    const box = target.getBoundingClientRect();
    if (box.width >= 43.5 && box.height >= 43.5) continue;
    const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
    small.push(`${target.tagName}.${target.className} ${size} "${target.textContent.trim().slice(0, 30)}"`);
  }
  return small;
}"""


def assert_tap_targets(page, name: str) -> None:
    small = page.evaluate(SMALL_TARGETS)
    assert not small, f"{name}: controls under 44 px: {small}"


def assert_no_sideways_scroll(page, name: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport, f"{name}: {width}px wide in a {viewport}px screen"


def full_page_screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def text_at_200_percent(page) -> None:
    # CSSOM, not a style attribute: allowed by the CSP, like a browser's own text-size setting.
    page.evaluate("document.documentElement.style.fontSize = '200%'")


# --- the phone -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "sw"])
def test_join_page_is_accessible(browser, server, language):
    with context(browser, locale="sw-KE" if language == "sw" else "en-GB") as ctx:
        page = ctx.new_page()
        page.goto(f"{server.url}/j/{server.demo['join_code']}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_no_serious_violations(page, f"join-{language}")
        assert_tap_targets(page, f"join-{language}")
        assert_no_sideways_scroll(page, f"join-{language}")
        screenshot(page, f"a11y-phone-join-{language}-320px")
        page.locator(".top-links .help-link").click()  # the help at the foot of the page, never folded
        expect(page.locator("#help a[href='tel:116']")).to_be_in_viewport()
        assert_tap_targets(page, f"join-{language}-help")
        full_page_screenshot(page, f"a11y-phone-join-{language}-320px-full")
        text_at_200_percent(page)
        assert_no_sideways_scroll(page, f"join-{language}-200%")
        page.evaluate("window.scrollTo(0, 0)")
        screenshot(page, f"a11y-phone-join-{language}-320px-text-200")


@pytest.mark.parametrize("language", ["en", "sw"])
def test_activity_page_is_accessible_at_320px_and_200_percent_text(browser, server, language):
    with context(browser) as ctx:
        page = ctx.new_page()
        join_phone(page, server, language)
        expect(page.locator(".read-aloud")).to_be_visible()
        assert_no_serious_violations(page, f"activity-{language}")
        assert_tap_targets(page, f"activity-{language}")
        assert_no_sideways_scroll(page, f"activity-{language}")
        screenshot(page, f"a11y-phone-activity-{language}-320px")
        page.locator(".bar .help-link").click()  # the help at the foot of the page, never folded
        expect(page.locator("#help a[href='tel:116']")).to_be_in_viewport()
        full_page_screenshot(page, f"a11y-phone-activity-{language}-320px-full")
        assert_no_serious_violations(page, f"activity-{language}-help-open")
        assert_tap_targets(page, f"activity-{language}-help-open")
        text_at_200_percent(page)
        assert_no_sideways_scroll(page, f"activity-{language}-200%")
        # Nothing cut off: no box clips its text (no fixed heights).
        clipped = page.evaluate("""() => [...document.querySelectorAll('main *, footer *')].filter(n =>
            n.offsetParent && n.scrollHeight > n.clientHeight + 2 && getComputedStyle(n).overflowY === 'hidden'
          ).map(n => n.tagName + '.' + n.className)""")
        assert not clipped, clipped
        page.evaluate("window.scrollTo(0, 0)")
        screenshot(page, f"a11y-phone-activity-{language}-320px-text-200")


def test_sent_is_announced_and_focus_is_visible(browser, server):
    with context(browser) as ctx:
        page = ctx.new_page()
        join_phone(page, server)
        page.fill("#text-want", "Safer games for children")
        page.locator('.lane-form[data-lane="want"] button[type=submit]').click()
        announce = page.locator("#announce")
        expect(announce).to_have_text("Sent. Thank you!")
        assert announce.get_attribute("role") == "status" and announce.get_attribute("aria-live") == "polite"
        # Keyboard focus shows a ring on every control, from the top of the page.
        page.goto(page.url)
        focused = []
        for _ in range(12):
            page.keyboard.press("Tab")
            outline = page.evaluate("""() => { const n = document.activeElement, s = getComputedStyle(n);
                return [n.tagName + '.' + n.className, s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
            if outline[0].startswith("BODY"):
                continue
            focused.append(outline[0])
            assert outline[1] != "none" and outline[2] >= 2, outline
        assert len(focused) >= 8 and any("read-aloud" in f for f in focused) and any("TEXTAREA" in f for f in focused)


def test_reduced_motion_is_respected(browser, server):
    with context(browser, reduced_motion="reduce") as ctx:
        page = ctx.new_page()
        page.goto(f"{server.url}/p/{server.demo['projector']}")
        duration = page.evaluate("""() => { const card = document.createElement('li');
            card.className = 'card arriving'; document.querySelector('#lanes').appendChild(card);
            return getComputedStyle(card).animationName; }""")
        assert duration == "none"
    with context(browser, reduced_motion="no-preference") as ctx:
        page = ctx.new_page()
        page.goto(f"{server.url}/p/{server.demo['projector']}")
        assert (
            page.evaluate("""() => { const card = document.createElement('li');
            card.className = 'card arriving'; document.querySelector('#lanes').appendChild(card);
            return getComputedStyle(card).animationName; }""")
            == "arrive"
        )


# --- read aloud ----------------------------------------------------------------------------------------------

FAKE_SPEECH = """(voices) => {
  window.__spoken = [];
  const list = voices.map(lang => ({lang, name: lang, default: false, localService: true, voiceURI: lang}));
  Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
    speaking: false, pending: false,
    getVoices: () => list,
    speak: u => window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.lang}),
    cancel: () => {}, addEventListener: () => {},
  }});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
}"""


@pytest.mark.parametrize(
    "voices, expected_lang, expected_text",
    [
        (["en-GB", "sw-KE"], "sw-KE", "Mtandao tulio nao na mtandao tunaoutaka."),
        (["en-US", "sw"], "sw", "Mtandao tulio nao na mtandao tunaoutaka."),
        (["en-GB"], "en-GB", "The internet we have and the internet we want."),  # no Kiswahili voice: English
    ],
)
def test_read_aloud_uses_the_phones_voice_in_the_chosen_language(browser, server, voices, expected_lang, expected_text):
    with context(browser) as ctx:
        ctx.add_init_script(script=f"({FAKE_SPEECH})({voices!r})")
        page = ctx.new_page()
        join_phone(page, server, "sw")
        page.get_by_role("button", name="Soma kwa sauti").click()
        spoken = page.evaluate("window.__spoken")
        assert len(spoken) == 1 and spoken[0]["lang"] == expected_lang
        assert spoken[0]["text"].startswith(expected_text)


def test_read_aloud_is_hidden_without_speech(browser, server):
    with context(browser) as ctx:
        ctx.add_init_script(
            script="Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: undefined});"
        )
        page = ctx.new_page()
        join_phone(page, server)
        expect(page.locator(".read-aloud")).to_be_hidden()


# --- the projector -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("contrast", ["normal", "high"])
def test_projector_is_accessible_and_readable_from_the_back(browser, server, contrast):
    with context(
        browser, viewport={"width": 1920, "height": 1080}, is_mobile=False, has_touch=False, device_scale_factor=1
    ) as ctx:
        page = ctx.new_page()
        page.goto(f"{server.url}/p/{server.demo['projector']}?contrast={contrast}")
        expect(page.locator(".lane-name").first).to_contain_text("The internet we have")
        expect(page.locator(".lane-name .other").first).to_have_text("Mtandao tulio nao")
        assert ("contrast-high" in page.locator("body").get_attribute("class")) == (contrast == "high")
        assert_no_serious_violations(page, f"projector-{contrast}")
        # Type for the back of a room: nothing under 22 px on a 1080p screen, the prompt at 36 px or more.
        smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll('body *')]
            .filter(n => n.offsetParent && [...n.childNodes].some(c => c.nodeType === 3 && c.textContent.trim()))
            .map(n => parseFloat(getComputedStyle(n).fontSize)))""")
        assert smallest >= 22, smallest
        assert float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('#prompt')).fontSize)")) >= 36
        screenshot(page, f"a11y-projector-{contrast}")


def test_projector_contrast_key_is_remembered(browser, server):
    with context(browser, viewport={"width": 1280, "height": 720}, is_mobile=False, has_touch=False) as ctx:
        page = ctx.new_page()
        page.goto(f"{server.url}/p/{server.demo['projector']}")
        body = page.locator("body")
        expect(body).not_to_have_class(re.compile("contrast-high"))
        page.keyboard.press("c")
        expect(body).to_have_class(re.compile("contrast-high"))
        page.reload()
        expect(body).to_have_class(re.compile("contrast-high"))
        page.keyboard.press("c")
        expect(body).not_to_have_class(re.compile("contrast-high"))
        page.goto(f"{server.url}/p/{server.demo['projector']}?contrast=high")
        expect(body).to_have_class(re.compile("contrast-high"))

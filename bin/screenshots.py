"""Screenshots of the running portal for docs/design.md (images stay out of git).

    .venv/bin/python bin/screenshots.py [--portal http://127.0.0.1:8000]
        [--idp http://127.0.0.1:8001] [--code 010106A9986] [--out /tmp/polku-shots]

Takes the home page, a path intro, a step, a self-check result, the search and
the footer pages at 320, 375 and 1280 px, and prints how much of the first
screen the header and the quick-exit bar take. With `--code` (a test identity
code the local test IdP accepts) it identifies first, so that steps open.
"""

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal import processes

SIZES = {"320": (320, 640), "375": (375, 812), "1280": (1280, 900)}


def header_share(page):
    """The share of the viewport the quick-exit bar and the header cover."""
    return page.evaluate(
        """() => {
        const header = document.querySelector('.site-header');
        return header.getBoundingClientRect().bottom / window.innerHeight;
    }"""
    )


def shoot(page, out, name, width):
    path = out / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=width == "1280")
    print(f"{path}  header+exit {header_share(page):.0%} of the first screen")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portal", default="http://127.0.0.1:8000")
    parser.add_argument("--idp", default="http://127.0.0.1:8001")
    parser.add_argument("--code", default="")
    parser.add_argument("--out", default="/tmp/polku-shots")
    options = parser.parse_args()
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    portal = options.portal.rstrip("/")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=processes.CHROMIUM, args=processes.CHROMIUM_ARGS
        )
        for width, (w, h) in SIZES.items():
            phone = width != "1280"
            context = browser.new_context(
                viewport={"width": w, "height": h},
                locale="fi-FI",
                has_touch=phone,
                is_mobile=phone,
            )
            page = context.new_page()
            page.goto(f"{portal}/fi/")
            shoot(page, out, "home", width)
            page.locator(".path-card a, a[href*='/polut/']").last.click()
            page.wait_for_load_state()
            intro = page.url
            shoot(page, out, "path-intro", width)
            if options.code:
                page.get_by_role("button", name="Aloita polku").first.click()
                page.wait_for_url(f"{options.idp}/authorize**")
                page.get_by_label("Henkilötunnus").fill(options.code)
                page.get_by_role("button", name="Tunnistaudu").click()
                page.wait_for_url(f"{portal}/fi/**")
                shoot(page, out, "step", width)
            page.goto(f"{portal}/fi/search/?query=ahdistus")
            shoot(page, out, "search", width)
            page.goto(intro)
            footer = page.locator(".site-footer__links a")
            for index in range(footer.count()):
                page.goto(intro)
                page.locator(".site-footer__links a").nth(index).click()
                page.wait_for_load_state()
                shoot(page, out, f"footer-page-{index + 1}", width)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()

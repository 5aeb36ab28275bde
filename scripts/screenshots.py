"""Screenshots for docs/: the map app and a report page, in Debian's chromium (offline).

    python scripts/screenshots.py out/map.html docs/map_app.png [--report out/report/report.html docs/report.png]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader",
        "--disable-background-networking", "--no-first-run"]  # fmt: skip


NEAREST = """([lon, lat]) => {
  const pts = window.frontlinesApp.data.territory.points;
  let best = 0;
  pts.forEach((p, k) => { if (Math.hypot(p[0] - lon, p[1] - lat) < Math.hypot(pts[best][0] - lon, pts[best][1] - lat)) best = k; });
  window.frontlinesPlaceHistory(best);
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map_html", type=Path)
    parser.add_argument("map_png", type=Path)
    parser.add_argument("--report", nargs=2, type=Path, metavar=("HTML", "PNG"))
    parser.add_argument("--zoom", type=float, help="zoom the map to this level first")
    parser.add_argument("--center", help="lon,lat to centre on")
    parser.add_argument("--click", help="lon,lat: open the history of the place nearest to it")
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.route("http*://**", lambda route: route.abort())
        page = context.new_page()
        page.goto(args.map_html.resolve().as_uri())
        page.wait_for_function("window.frontlinesReady === true", timeout=60_000)
        if args.zoom or args.center:
            center = [float(v) for v in args.center.split(",")] if args.center else None
            page.evaluate("([z, c]) => window.frontlinesMap.jumpTo(c ? {zoom: z, center: c} : {zoom: z})",
                          [args.zoom or 6, center])  # fmt: skip
            page.wait_for_timeout(1500)
        if args.click:
            page.evaluate(NEAREST, [float(v) for v in args.click.split(",")])
        page.wait_for_timeout(1500)
        page.screenshot(path=str(args.map_png))
        if args.report:
            page.goto(args.report[0].resolve().as_uri())
            page.wait_for_timeout(500)
            page.screenshot(path=str(args.report[1]), full_page=False)
        browser.close()


if __name__ == "__main__":
    main()

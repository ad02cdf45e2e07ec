"""Take the README screenshot: the app on the bundled data, saved by Textual as SVG.

Run: uv run python docs/make_screenshot.py
The bundled files are copied to a temporary folder first, so nothing of yours is touched.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from pathlib import Path

from patternbrowser.core.session import Session
from patternbrowser.core.status import Status
from patternbrowser.paths import bundled_guides, bundled_todo
from patternbrowser.tui.app import PatternBrowserApp

OUT = Path(__file__).resolve().parent / "screenshot.svg"
SAMPLE = {13: Status.IN_PROGRESS}  # on top of the bundled TODO's own progress


async def shoot(folder: Path) -> None:
    session = Session(Path("data/TODO.md"), bundled_guides(), None)
    for number, status in SAMPLE.items():
        session.change_status(number, status)
    app = PatternBrowserApp(session)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("down")
        await pilot.pause(0.8)
        app.save_screenshot(filename=OUT.name, path=str(OUT.parent))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "data").mkdir()
        shutil.copyfile(bundled_todo(), folder / "data" / "TODO.md")
        here = Path.cwd()
        os.chdir(folder)  # so the header shows data/TODO.md, as in a checkout
        try:
            asyncio.run(shoot(folder))
        finally:
            os.chdir(here)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

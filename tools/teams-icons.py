#!/usr/bin/env python3
"""Draws the Teams app icons into appPackage/ from the clinic's mark, src/ClinicBot/wwwroot/favicon.svg
(the site's favicon), in Debian's headless Chromium: the one picture for the website and Teams.

color.png   192x192: the mark full-bleed (square corners): a white drop with a wave on the clinic's teal.
outline.png  32x32:  the drop drawn as a white line with the wave, on a transparent background (Teams
                     requires only white and transparent pixels: every visible pixel is made pure white and
                     edges are anti-aliased through alpha only).

Run from anywhere:  python3 tools/teams-icons.py   (needs chromium: apt-get install chromium)
The PNGs are committed; rerun when the mark changes. Keep accentColor in appPackage/manifest.json equal to
the mark's teal (the #tile fill); a test checks the colour icon's corner against it.
"""
import base64
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
MARK = os.path.join(ROOT, "src", "ClinicBot", "wwwroot", "favicon.svg")
OUT = os.path.join(ROOT, "appPackage")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--virtual-time-budget=5000", "--dump-dom",
]

# Runs in the page: draws each variant of the mark on a canvas and writes the PNGs as data URLs into #out.
PAGE = """<!DOCTYPE html><html><body><pre id="out"></pre><script>
const source = atob('%s');
function variant(size, outline) {
  const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
  doc.documentElement.setAttribute('width', size);
  doc.documentElement.setAttribute('height', size);
  const tile = doc.getElementById('tile'), drop = doc.getElementById('drop'), wave = doc.getElementById('wave');
  if (outline) {
    tile.remove();
    drop.setAttribute('fill', 'none');
    drop.setAttribute('stroke', '#ffffff');
    drop.setAttribute('stroke-width', '7');
    wave.setAttribute('stroke', '#ffffff');
  } else {
    tile.setAttribute('rx', '0');
  }
  return 'data:image/svg+xml;base64,' + btoa(new XMLSerializer().serializeToString(doc));
}
function render(size, outline) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = size;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0, size, size);
      if (outline) {
        const pixels = context.getImageData(0, 0, size, size);
        for (let i = 0; i < pixels.data.length; i += 4) {
          const visible = pixels.data[i + 3] > 0 ? 255 : 0;
          pixels.data[i] = pixels.data[i + 1] = pixels.data[i + 2] = visible;
        }
        context.putImageData(pixels, 0, 0);
      }
      resolve(canvas.toDataURL('image/png'));
    };
    image.onerror = () => reject(new Error('the mark did not load'));
    image.src = variant(size, outline);
  });
}
Promise.all([render(192, false), render(32, true)])
  .then(([color, outline]) => { document.getElementById('out').textContent = 'COLOR ' + color + ' OUTLINE ' + outline; })
  .catch(error => { document.getElementById('out').textContent = 'ERROR ' + error.message; });
</script></body></html>
"""


def main():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("chromium not found (apt-get install chromium)")
    with open(MARK, "rb") as f:
        mark = base64.b64encode(f.read()).decode("ascii")
    with tempfile.TemporaryDirectory() as folder:
        page = os.path.join(folder, "icons.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(PAGE % mark)
        dom = subprocess.run([chromium, *CHROMIUM_FLAGS, "--user-data-dir=" + os.path.join(folder, "profile"),
                              "file://" + page], capture_output=True, text=True, timeout=120).stdout
    found = re.search(r"COLOR data:image/png;base64,(\S+) OUTLINE data:image/png;base64,(\S+)", dom)
    if not found:
        sys.exit("chromium did not draw the icons: " + (re.search(r"ERROR [^<]*", dom) or [dom[-500:]])[0])
    for name, data in (("color.png", found.group(1)), ("outline.png", found.group(2))):
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(base64.b64decode(data))
    print("wrote appPackage/color.png and appPackage/outline.png from src/ClinicBot/wwwroot/favicon.svg")


if __name__ == "__main__":
    main()

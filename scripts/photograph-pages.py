#!/usr/bin/python3
"""Photographs text-layer PDFs the way a phone does a sheet lying on a desk:
photograph-pages.py SRC_DIR OUT_DIR [--seed N] [--light-only]

Each PDF of SRC_DIR is rendered in colour at 150 to 220 dpi (seeded), each page laid on a darker desk that shows
round it, seen at a slant (each corner moved by up to 3 % of the page: keystone and a turn of a degree or two), lit
unevenly (one side up to 45 % darker than the other, sometimes the soft shadow of the phone across it), the paper
tinted warm, blurred and noised a little, and saved as a colour JPEG of quality 70–85; the pages are wrapped into an
image-only PDF of the same name in OUT_DIR (scripts/scan-pdf.py), so that the generator's truth still applies. Used
by scripts/quality-corpus.sh to measure the reading of photographed pages (docs/QUALITY.md). With --light-only the
sheet fills the frame, seen from straight above (as a scanning app crops it): only its light is uneven. Needs
python3-numpy, python3-pil and poppler-utils (Debian packages).
"""
import argparse, glob, os, random, subprocess, sys, tempfile
import numpy
from PIL import Image, ImageFilter

parser = argparse.ArgumentParser()
parser.add_argument("src")
parser.add_argument("out")
parser.add_argument("--seed", type=int, default=5)
parser.add_argument("--light-only", action="store_true", help="no desk round the sheet and no slant: only the light")
args = parser.parse_args()
os.makedirs(args.out, exist_ok=True)
rng = random.Random(args.seed)
wrap = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scan-pdf.py")


def perspective_coefficients(source, target):
    """The eight coefficients PIL's PERSPECTIVE transform wants: for each target (output) point, where to sample."""
    rows = []
    for (x, y), (u, v) in zip(target, source):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    return numpy.linalg.solve(numpy.array(rows, dtype=float), numpy.array(source, dtype=float).reshape(8)).tolist()


def photograph(page):
    width, height = page.size
    margin = 0 if args.light_only else int(0.06 * max(width, height))
    slant = 0.0 if args.light_only else 0.03
    frame = (width + 2 * margin, height + 2 * margin)
    desk = tuple(rng.randint(60, 120) for _ in range(3))
    corners = [(0, 0), (width, 0), (width, height), (0, height)]
    # The same draws with or without --light-only, so that both give the same light to the same page.
    moved = [(margin + x + rng.uniform(-slant, slant) * width, margin + y + rng.uniform(-slant, slant) * height)
             for x, y in corners]
    coefficients = perspective_coefficients(corners, moved)
    seen = page.transform(frame, Image.PERSPECTIVE, coefficients, resample=Image.BICUBIC, fillcolor=desk)
    pixels = numpy.asarray(seen, dtype=float)
    ys, xs = numpy.mgrid[0:frame[1], 0:frame[0]]
    # Light falls from one side: a linear ramp in a random direction, its dark end 25 to 45 % darker.
    angle = rng.uniform(0, 2 * numpy.pi)
    ramp = (xs * numpy.cos(angle) + ys * numpy.sin(angle))
    ramp = (ramp - ramp.min()) / (ramp.max() - ramp.min())
    light = 1.0 - rng.uniform(0.25, 0.45) * ramp
    if rng.random() < 0.5:
        # The phone's soft shadow: a darker ellipse with a blurred edge.
        cx, cy = rng.uniform(0.2, 0.8) * frame[0], rng.uniform(0.3, 0.9) * frame[1]
        rx, ry = rng.uniform(0.2, 0.35) * frame[0], rng.uniform(0.15, 0.25) * frame[1]
        distance = ((xs - cx) / rx) ** 2 + ((ys - cy) / ry) ** 2
        light *= 1.0 - rng.uniform(0.15, 0.3) * numpy.clip(1.5 - distance, 0, 1)
    tint = numpy.array([1.0, rng.uniform(0.95, 0.99), rng.uniform(0.85, 0.93)])
    pixels = pixels * light[..., None] * tint
    pixels += numpy.random.default_rng(rng.randint(0, 1 << 30)).normal(0, rng.uniform(3, 7), pixels.shape)
    image = Image.fromarray(numpy.clip(pixels, 0, 255).astype(numpy.uint8), "RGB")
    return image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9)))


for pdf in sorted(glob.glob(os.path.join(args.src, "*.pdf"))):
    dpi = rng.choice([150, 180, 200, 220])
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", pdf, os.path.join(tmp, "p")], check=True)
        pages = []
        for path in sorted(glob.glob(os.path.join(tmp, "p-*.png"))):
            photo = path + ".jpg"
            photograph(Image.open(path).convert("RGB")).save(photo, "JPEG", quality=rng.randint(70, 85))
            pages.append(photo)
        subprocess.run([sys.executable, wrap, os.path.join(args.out, os.path.basename(pdf)), str(dpi)] + pages, check=True)

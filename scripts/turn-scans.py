#!/usr/bin/python3
"""Turns scanned PDFs' pages the way sheets are fed to a scanner the wrong way or askew:
turn-scans.py SRC_DIR OUT_DIR [--seed N] [--skew DEGREES]

Each scan of SRC_DIR (image-only PDFs, one image a page, as scripts/generate-*-corpus.py --scans write them) is
written again to OUT_DIR with its first page turned a quarter, a half or three quarters (seeded) and each later page
turned by 0 to 3 quarters — or, with --skew, each page turned by DEGREES one way or the other (seeded), in gray —,
saved again as JPEG of quality 85 at the scan's own resolution (scripts/scan-pdf.py). Used by
scripts/quality-corpus.sh to measure the reading of upside-down, sideways and askew pages (docs/QUALITY.md).
"""
import argparse, glob, os, random, subprocess, sys, tempfile
from PIL import Image

parser = argparse.ArgumentParser()
parser.add_argument("src")
parser.add_argument("out")
parser.add_argument("--seed", type=int, default=7)
parser.add_argument("--skew", type=float, help="turn every page by this many degrees, one way or the other")
args = parser.parse_args()
os.makedirs(args.out, exist_ok=True)
rng = random.Random(args.seed)
wrap = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scan-pdf.py")
for pdf in sorted(glob.glob(os.path.join(args.src, "*.pdf"))):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdfimages", "-j", pdf, os.path.join(tmp, "p")], check=True)
        listing = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True, check=True).stdout
        dpi = listing.splitlines()[2].split()[12]
        pages = []
        for index, path in enumerate(sorted(glob.glob(os.path.join(tmp, "p-*")))):
            turned = path + ".turned.jpg"
            if args.skew:
                angle = args.skew * rng.choice([-1, 1])
                Image.open(path).convert("L").rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255).save(turned, "JPEG", quality=85)
            else:
                quarters = rng.randint(1, 3) if index == 0 else rng.randint(0, 3)
                Image.open(path).rotate(-90 * quarters, expand=True).save(turned, "JPEG", quality=85)
            pages.append(turned)
        subprocess.run([sys.executable, wrap, os.path.join(args.out, os.path.basename(pdf)), dpi] + pages, check=True)

#!/usr/bin/python3
"""Prints and scans existing PDFs the way the generated corpus is scanned: print-and-scan.py OUT_DIR IN.pdf…

Each page is rasterised at 200, 240 or 300 dpi in grey, turned by up to ±1.5°, blurred, noised and saved as a
JPEG of quality 55–85 (with --harsh: 150–200 dpi, ±2.5°, always blurred, quality 35–60), then wrapped into an
image-only PDF of the same name in OUT_DIR. Seeded (--seed), so a
measure can be taken again on the same scans. Used by scripts/quality-corpus.sh to read real invoices' layouts
(the Factur-X samples, XML removed) as a scanner would hand them over.
"""
import argparse, importlib.util, os, random

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("corpus", os.path.join(here, "generate-document-corpus.py"))
corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus)

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("pdfs", nargs="+")
parser.add_argument("--seed", type=int, default=2026)
parser.add_argument("--harsh", action="store_true", help="a poor scanner or a phone: 150–200 dpi, ±2.5°, JPEG 35–60")
args = parser.parse_args()
os.makedirs(args.out, exist_ok=True)
rng = random.Random(args.seed)
for path in sorted(args.pdfs):
    corpus.scan(path, os.path.join(args.out, os.path.basename(path)), random.Random(rng.random()), harsh=args.harsh)

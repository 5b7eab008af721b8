#!/usr/bin/python3
"""Compares two sets of page screenshots: compare-screenshots.py BEFORE_DIR AFTER_DIR OUT_DIR

For each page shot in both sets, prints the share of pixels that changed and the box that holds the changes, and
writes OUT_DIR/<page>.png: before, after, and the after image with its changed pixels in red, side by side, so a
reviewer sees at once what a change did to each page. Pages only in one set are listed. Exit status 0 even when
pages differ: a difference is a thing to look at, not a failure. scripts/screenshots.sh calls it when it finds the
previous run's shots.
"""
import os, sys
from PIL import Image, ImageChops

def padded(image, size):
    if image.size == size:
        return image
    canvas = Image.new("RGB", size, "white")
    canvas.paste(image, (0, 0))
    return canvas

before_dir, after_dir, out_dir = sys.argv[1:4]
os.makedirs(out_dir, exist_ok=True)
names = lambda d: {n for n in os.listdir(d) if n.endswith(".png")}
before, after = names(before_dir), names(after_dir)
for name in sorted(before - after):
    print("%-20s absent après" % name[:-4])
for name in sorted(after - before):
    print("%-20s nouvelle page" % name[:-4])
for name in sorted(before & after):
    a = Image.open(os.path.join(before_dir, name)).convert("RGB")
    b = Image.open(os.path.join(after_dir, name)).convert("RGB")
    size = (max(a.width, b.width), max(a.height, b.height))
    a, b = padded(a, size), padded(b, size)
    mask = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 24 else 0)
    changed = mask.histogram()[255] / (size[0] * size[1])
    box = mask.getbbox()
    if box is None:
        print("%-20s identique" % name[:-4])
        continue
    print("%-20s %5.1f %% des pixels changés, dans la zone %s" % (name[:-4], changed * 100, box))
    marked = b.copy()
    marked.paste((220, 0, 0), mask=mask)
    sheet = Image.new("RGB", (size[0] * 3, size[1]), "white")
    for i, image in enumerate((a, b, marked)):
        sheet.paste(image, (i * size[0], 0))
    sheet.thumbnail((size[0] * 3 // 2, size[1] // 2))
    sheet.save(os.path.join(out_dir, name))

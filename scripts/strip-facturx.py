#!/usr/bin/python3
"""Writes each PDF of SRC without its embedded files (the Factur-X / ZUGFeRD XML): its visual layer alone.

  scripts/strip-facturx.py SRC_DIR OUT_DIR

The XML stays the truth of what the pages show; reading the stripped copy measures the text reader alone, as a
user who receives a printed or re-saved invoice gets it. Needs python3-pikepdf (Debian).
"""
import glob, os, sys
import pikepdf

source, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
for path in sorted(glob.glob(os.path.join(source, "*.pdf"))):
    pdf = pikepdf.open(path)
    for name in list(pdf.attachments.keys()):
        del pdf.attachments[name]
    for holder in [pdf.Root] + list(pdf.pages):
        if "/AF" in holder:
            del holder["/AF"]
    names = pdf.Root.get("/Names")
    if names is not None and "/EmbeddedFiles" in names:
        del names["/EmbeddedFiles"]
    pdf.save(os.path.join(out, os.path.basename(path)))
    print(os.path.basename(path), file=sys.stderr)

#!/usr/bin/env python3
"""Writes the truth of each Factur-X sample from what its embedded XML states, for scripts/score-extraction.py.

  scripts/facturx-truth.py STRUCTURED.jsonl PDF_DIR OUT_DIR

STRUCTURED.jsonl is `eclaire extract --json` of the original PDFs: the fields read from the XML (their source is
page 0, the embedded file) are the truth; the others came from the text and are no truth. A field the pages do not
print (an identifier given only in the XML, or a sample whose pages show another invoice than its XML, as one of the
ZUGFeRD corpus does) cannot be read from them and is left out, as eclaire-bench quality does.
"""
import json, os, re, subprocess, sys

structured, pdfs, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
compact = lambda s: re.sub(r"[^A-Z0-9]", "", s.upper())
for line in open(structured, encoding="utf-8"):
    report = json.loads(line)
    text = subprocess.run(["pdftotext", "-layout", os.path.join(pdfs, report["file"]), "-"], capture_output=True,
                          text=True).stdout
    printed = compact(text)
    number = (report.get("numbers") or {}).get("document")
    if number and compact(number) not in printed:
        print("écarté : %s (ses pages ne montrent pas la facture %s)" % (report["file"], number), file=sys.stderr)
        continue
    fields = {}
    for key, source in (report.get("sources") or {}).items():
        if source.get("page") != 0:
            continue
        group, _, sub = key.partition(".")
        value = report[group][sub] if sub else report[key]
        if value is None:
            continue
        if key in ("supplier.siret", "supplier.siren", "supplier.vat_number", "iban") and compact(str(value)) not in printed:
            continue
        fields[key] = value
    truth = {"id": os.path.splitext(report["file"])[0], "half": "test", "type": report["document_type"],
             "fields": fields, "invalid_ids": report.get("invalid_ids") or []}
    json.dump(truth, open(os.path.join(out, truth["id"] + ".json"), "w"), ensure_ascii=False, indent=1)

#!/usr/bin/env python3
"""Writes a Chorus CSV export as a one-sheet XLSX extraction, streamed (the standard library only).

Used by scripts/bench-import-xlsx.sh to import the same rows as XLSX. Cells that read as numbers (French or
plain: `22500,12`, `2105000000`) become numeric cells, as Chorus extractions type them; the rest inline strings.
    scripts/csv-to-xlsx.py INPUT.csv OUTPUT.xlsx
"""
import csv
import re
import sys
import zipfile
from xml.sax.saxutils import escape

NUMBER = re.compile(r"^-?\d+(,\d+)?$")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def cell(reference, value):
    if NUMBER.match(value):
        return f'<c r="{reference}"><v>{value.replace(",", ".")}</v></c>'
    return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def main(source, target):
    delimiter = ","
    with open(source, encoding="utf-8-sig", newline="") as text:
        sample = text.read(65536)
        delimiter = max(",;|\t", key=sample.count)
    with open(source, encoding="utf-8-sig", newline="") as text, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        archive.writestr("[Content_Types].xml",
                         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="xml" ContentType="application/xml"/></Types>')
        archive.writestr("xl/workbook.xml",
                         f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                         'relationships"><sheets><sheet name="Extraction" sheetId="1" r:id="rId1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels",
                         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'.encode())
            for number, row in enumerate(csv.reader(text, delimiter=delimiter), start=1):
                cells = "".join(cell(f"{column(i)}{number}", v) for i, v in enumerate(row) if v != "")
                sheet.write(f'<row r="{number}">{cells}</row>\n'.encode())
            sheet.write(b"</sheetData></worksheet>")


if __name__ == "__main__":
    main(*sys.argv[1:3])

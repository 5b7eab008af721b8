#!/usr/bin/env python3
"""Writes hostile documents for scripts/hostile-files.sh (issue 16): each small on disk, each built to exhaust a
reader that trusts it.

  blank-5000.pdf      5 000 blank pages
  deep-tree.pdf       a page tree 20 000 levels deep
  nested-arrays.pdf   a page whose content holds arrays nested 200 000 deep
  bomb.xlsx           a worksheet of 1 GB inflated from ~1 MB
  huge.png            a 30 000 × 30 000 gray image (900 M pixels) of a few hundred kB
  fake.pdf            random bytes behind a PDF signature

  scripts/hostile-files.py DIR
"""
import os
import struct
import sys
import zipfile
import zlib


def pdf(objects, root=1):
    """A PDF from object bodies numbered from 1, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def blank_pages(count):
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * count
    return pdf(objects)


def deep_tree(depth):
    # Object 2 is the root Pages node; each level's only kid is the next node; the last is a page.
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = 2 + level
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (number + 1))
    objects.append(b"<< /Type /Page /MediaBox [0 0 595 842] >>")
    return pdf(objects)


def nested_arrays(depth):
    content = b"[" * depth + b"]" * depth + b" BT /F1 12 Tf 72 720 Td (x) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    return pdf(objects)


def bomb_xlsx(path, inflated):
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            row = b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + b"A" * 4000 + b"</t></is></c></row>"
            block = row * 256
            written = 0
            while written < inflated:
                sheet.write(block)
                written += len(block)
            sheet.write(b"</sheetData></worksheet>")


def huge_png(path, side):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * side
    rows = row * 64
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)))
        data = bytearray()
        for _ in range(side // 64):
            data += compressor.compress(rows)
        data += compressor.compress(row * (side % 64)) + compressor.flush()
        out.write(chunk(b"IDAT", bytes(data)))
        out.write(chunk(b"IEND", b""))


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "blank-5000.pdf"), "wb") as f:
        f.write(blank_pages(5000))
    with open(os.path.join(folder, "deep-tree.pdf"), "wb") as f:
        f.write(deep_tree(20000))
    with open(os.path.join(folder, "nested-arrays.pdf"), "wb") as f:
        f.write(nested_arrays(200000))
    bomb_xlsx(os.path.join(folder, "bomb.xlsx"), 1 << 30)
    huge_png(os.path.join(folder, "huge.png"), 30000)
    with open(os.path.join(folder, "fake.pdf"), "wb") as f:
        f.write(b"%PDF-1.4\n" + os.urandom(200000))


if __name__ == "__main__":
    main()

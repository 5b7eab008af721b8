#!/usr/bin/env python3
"""Wraps JPEG pages into an image-only PDF, as a scanner writes them: scan-pdf.py OUT.pdf DPI PAGE.jpg…

Makes test scans of real documents, e.g. Tests/TestSupport/Fixtures/documents/checkbox-scan.pdf:
  pdftoppm -r 200 -gray -jpeg -jpegopt quality=75 checkbox.pdf page && scripts/scan-pdf.py checkbox-scan.pdf 200 page-1.jpg
"""
import struct, sys

def jpeg_info(data):
    i = 2
    while i < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height, data[i + 9]
        i += 2 + length
    raise ValueError("no SOF marker")

out, dpi, pages = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
objects = []
page_ids = []
for path in pages:
    data = open(path, "rb").read()
    width, height, components = jpeg_info(data)
    space = "/DeviceGray" if components == 1 else "/DeviceRGB"
    w, h = width * 72 / dpi, height * 72 / dpi
    image = len(objects) + 3
    objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % (width, height, space.encode(), len(data)) + data + b"\nendstream")
    content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (w, h)
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    page_ids.append(len(objects) + 3)
    objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>" % (w, h, image, image + 1))
kids = b" ".join(b"%d 0 R" % n for n in page_ids)
objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))] + objects
body, offsets = b"%PDF-1.4\n", []
for number, obj in enumerate(objects, 1):
    offsets.append(len(body))
    body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
xref = len(body)
body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(out, "wb").write(body)

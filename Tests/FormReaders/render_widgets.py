"""Renders a form's pages with three engines no one here wrote, poppler (pdftoppm), mupdf
(mutool draw) and PDFium (pypdfium2, forms drawn as Chrome draws them), in grey (no imaging
library needed), and counts the dark pixels inside each named text field (its border left
out): a pre-filled value whose appearance a reader cannot draw leaves the field blank.

usage: render_widgets.py FORM.pdf FIELD...  (prints JSON: {engine: {field: dark pixels}})"""
import json
import os
import subprocess
import sys
import tempfile

import pypdfium2 as pdfium
from pypdf import PdfReader

DPI = 100
INSET = 2.5  # points: inside the field's border


def widget_rects(path, names):
    """field name -> (page index, (left, top, right, bottom) in points from the top left)."""
    reader = PdfReader(path)
    found = {}
    for index, page in enumerate(reader.pages):
        height = float(page.mediabox.height)
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Widget":
                continue
            parts, node = [], annot
            while node is not None:
                if "/T" in node:
                    parts.insert(0, str(node["/T"]))
                node = node.get("/Parent").get_object() if "/Parent" in node else None
            name = ".".join(parts)
            if name in names:
                x0, y0, x1, y1 = [float(v) for v in annot["/Rect"]]
                found[name] = (index, (x0 + INSET, height - y1 + INSET, x1 - INSET, height - y0 - INSET))
    return found


class Gray:
    """A greyscale image: one byte per pixel, rows `stride` bytes apart."""
    def __init__(self, width, height, stride, data):
        self.width, self.height, self.stride, self.data = width, height, stride, data


def read_pgm(path):
    """A binary PGM (P5, 8 bits), as pdftoppm -gray and mutool write it."""
    data = open(path, "rb").read()
    fields, position = [], 0
    while len(fields) < 4:
        while data[position:position + 1].isspace():
            position += 1
        if data[position:position + 1] == b"#":
            position = data.index(b"\n", position)
            continue
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    if fields[0] != b"P5" or int(fields[3]) > 255:
        raise SystemExit("not an 8-bit binary PGM: " + path)
    width, height = int(fields[1]), int(fields[2])
    return Gray(width, height, width, data[position + 1:position + 1 + width * height])


def dark(image, rect):
    scale = DPI / 72
    left, top, right, bottom = (int(round(v * scale)) for v in rect)
    count = 0
    for y in range(max(0, top), min(image.height, bottom)):
        row = image.data[y * image.stride + max(0, left):y * image.stride + min(image.width, right)]
        count += sum(1 for value in row if value < 128)
    return count


def render_poppler(path, page, folder):
    prefix = os.path.join(folder, "poppler")
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", str(page + 1), "-l", str(page + 1), "-singlefile",
                    path, prefix], check=True)
    return read_pgm(prefix + ".pgm")


def render_mupdf(path, page, folder):
    out = os.path.join(folder, "mupdf.pgm")
    subprocess.run(["mutool", "draw", "-q", "-r", str(DPI), "-c", "gray", "-o", out, path, str(page + 1)], check=True,
                   stderr=subprocess.DEVNULL)
    return read_pgm(out)


def render_pdfium(path, page, folder):
    pdf = pdfium.PdfDocument(path)
    pdf.init_forms()
    bitmap = pdf[page].render(scale=DPI / 72, may_draw_forms=True, grayscale=True)
    return Gray(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))


def main(path, names):
    rects = widget_rects(path, set(names))
    missing = [name for name in names if name not in rects]
    if missing:
        raise SystemExit("no widget for " + ", ".join(missing))
    result = {}
    with tempfile.TemporaryDirectory() as folder:
        for engine, render in [("poppler", render_poppler), ("mupdf", render_mupdf), ("pdfium", render_pdfium)]:
            images = {}
            result[engine] = {}
            for name in names:
                page, rect = rects[name]
                if page not in images:
                    images[page] = render(path, page, folder)
                result[engine][name] = dark(images[page], rect)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])

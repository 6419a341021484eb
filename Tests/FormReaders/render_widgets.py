"""Renders a form's pages with three engines no one here wrote, poppler (pdftoppm), mupdf
(mutool draw) and PDFium (pypdfium2, forms drawn as Chrome draws them), and counts the dark
pixels inside each named text field (its border left out): a pre-filled value whose appearance
a reader cannot draw leaves the field blank.

usage: render_widgets.py FORM.pdf FIELD...  (prints JSON: {engine: {field: dark pixels}})"""
import json
import os
import subprocess
import sys
import tempfile

import pypdfium2 as pdfium
from PIL import Image
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


def dark(image, rect):
    scale = DPI / 72
    box = tuple(int(round(v * scale)) for v in rect)
    crop = image.convert("L").crop(box)
    return sum(1 for value in crop.tobytes() if value < 128)


def render_poppler(path, page, folder):
    prefix = os.path.join(folder, "poppler")
    subprocess.run(["pdftoppm", "-r", str(DPI), "-f", str(page + 1), "-l", str(page + 1), "-png", "-singlefile",
                    path, prefix], check=True)
    return Image.open(prefix + ".png")


def render_mupdf(path, page, folder):
    out = os.path.join(folder, "mupdf.png")
    subprocess.run(["mutool", "draw", "-q", "-r", str(DPI), "-o", out, path, str(page + 1)], check=True,
                   stderr=subprocess.DEVNULL)
    return Image.open(out)


def render_pdfium(path, page, folder):
    pdf = pdfium.PdfDocument(path)
    pdf.init_forms()
    return pdf[page].render(scale=DPI / 72, may_draw_forms=True).to_pil()


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

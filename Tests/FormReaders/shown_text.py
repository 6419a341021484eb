"""The text each named field's appearance shows inside its widget, as poppler reads it: the form
flattened by qpdf (the appearances drawn into the pages as they are, none regenerated), then
pdftotext cropped to each widget's rectangle. Text an appearance draws outside its widget is
clipped by readers and printers, and is left out here too.

usage: shown_text.py FORM.pdf FIELD...  (prints JSON: field name -> text in its widgets)"""
import json
import os
import subprocess
import sys
import tempfile

from pypdf import PdfReader


def full_name(annot):
    parts = []
    node = annot
    while node is not None:
        if "/T" in node:
            parts.append(str(node["/T"]))
        node = node.get("/Parent")
        node = node.get_object() if node is not None else None
    return ".".join(reversed(parts))


def main(path, names):
    reader = PdfReader(path)
    wanted = set(names)
    shown = {name: "" for name in names}
    with tempfile.TemporaryDirectory() as folder:
        flat = os.path.join(folder, "flat.pdf")
        subprocess.run(["qpdf", "--flatten-annotations=all", path, flat], check=True)
        for number, page in enumerate(reader.pages, start=1):
            height = float(page.mediabox.top)
            for annot in page.get("/Annots", []):
                annot = annot.get_object()
                name = full_name(annot)
                if annot.get("/Subtype") != "/Widget" or name not in wanted:
                    continue
                left, bottom, right, top = (float(v) for v in annot["/Rect"])
                text = subprocess.run(["pdftotext", "-q", "-f", str(number), "-l", str(number),
                                       "-x", str(int(left)), "-y", str(int(height - top)),
                                       "-W", str(int(right - left + 1)), "-H", str(int(top - bottom + 1)),
                                       "-enc", "UTF-8", flat, "-"], check=True, capture_output=True).stdout
                shown[name] += text.decode("utf-8")
    print(json.dumps(shown, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])

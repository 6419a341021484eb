"""Fills a form with pypdf (values set on the fields, no typing) and writes a new file.

usage: fill_pypdf.py FORM.pdf VALUES.json OUT.pdf"""
import json
import sys

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject


def main(form_path, values_path, out_path):
    values = {f["name"]: f for f in json.load(open(values_path, encoding="utf-8"))}
    writer = PdfWriter(clone_from=PdfReader(form_path))
    seen = set()

    def walk(node, prefix):
        node = node.get_object()
        name = prefix + ([str(node["/T"])] if "/T" in node else [])
        kids = [k for k in node.get("/Kids", []) if "/T" in k.get_object()]
        if kids:
            for kid in kids:
                walk(kid, name)
            return
        qualified = ".".join(name)
        if qualified not in values:
            return
        spec = values[qualified]
        seen.add(qualified)
        value = spec["value"]
        if spec["kind"] in ("text", "choice"):
            node[NameObject("/V")] = TextStringObject(value)
        else:
            state = NameObject("/" + value) if value else NameObject("/Off")
            node[NameObject("/V")] = state
            widgets = [k.get_object() for k in node.get("/Kids", [])] or [node]
            for widget in widgets:
                states = list(widget.get("/AP", {}).get("/N", {}).keys())
                widget[NameObject("/AS")] = state if state in states else NameObject("/Off")

    for field in writer._root_object["/AcroForm"]["/Fields"]:
        walk(field, [])
    missing = [n for n in values if n not in seen]
    if missing:
        raise SystemExit("pypdf sees no field " + ", ".join(missing))
    with open(out_path, "wb") as out:
        writer.write(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])

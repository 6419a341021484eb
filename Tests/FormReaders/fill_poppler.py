"""Fills a form with poppler (Okular's and evince's engine, Debian's python3-poppler-qt5) and saves
it as they do: an incremental update with the changes.

usage: fill_poppler.py FORM.pdf VALUES.json OUT.pdf"""
import json
import sys

from popplerqt5 import Poppler


def main(form_path, values_path, out_path):
    values = {f["name"]: f for f in json.load(open(values_path, encoding="utf-8"))}
    doc = Poppler.Document.load(form_path)
    seen = set()
    radios = {}
    for index in range(doc.numPages()):
        for field in doc.page(index).formFields():
            name = field.fullyQualifiedName()
            if name not in values:
                continue
            spec = values[name]
            seen.add(name)
            kind = field.type()
            if kind == Poppler.FormField.FormText:
                field.setText(spec["value"])
            elif kind == Poppler.FormField.FormButton:
                if spec["kind"] == "checkbox":
                    field.setState(bool(spec["value"]))
                else:  # a radio button: its widgets come in the order of the options
                    position = radios.setdefault(name, 0)
                    radios[name] = position + 1
                    if spec["options"][position] == spec["value"]:
                        field.setState(True)  # as a click: the others turn off by themselves
            elif kind == Poppler.FormField.FormChoice:
                choices = field.choices()
                if spec["value"] in choices:
                    field.setCurrentChoices([choices.index(spec["value"])])
    missing = [n for n in values if n not in seen]
    if missing:
        raise SystemExit("poppler sees no field " + ", ".join(missing))
    converter = doc.pdfConverter()
    converter.setOutputFileName(out_path)
    converter.setPDFOptions(converter.pdfOptions() | Poppler.PDFConverter.WithChanges)
    if not converter.convert():
        raise SystemExit("poppler could not save")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])

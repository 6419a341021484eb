"""Reports what readers need of a form, as pypdf sees it: every widget's appearance states,
/NeedAppearances, the /DA fonts and whether each is embedded whole.

usage: inspect_form.py FORM.pdf  (prints JSON)"""
import json
import sys

from pypdf import PdfReader


def main(path):
    reader = PdfReader(path)
    form = reader.trailer["/Root"]["/AcroForm"]
    report = {"needAppearances": bool(form.get("/NeedAppearances", False)), "widgets": 0,
              "withoutAppearance": [], "checkboxOnStates": set(), "fonts": {}}
    for page in reader.pages:
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Widget":
                continue
            report["widgets"] += 1
            field = annot if "/FT" in annot else annot["/Parent"].get_object()
            name = field.get("/T")
            normal = annot.get("/AP", {}).get("/N")
            if normal is None:
                report["withoutAppearance"].append(str(name))
            elif field.get("/FT") == "/Btn" and not (int(field.get("/Ff", 0)) & (1 << 15)):
                report["checkboxOnStates"].update(k for k in normal.keys() if k != "/Off")
    for name, font in form["/DR"]["/Font"].items():
        font = font.get_object()
        entry = {"subtype": font["/Subtype"], "base": font["/BaseFont"]}
        if font["/Subtype"] == "/Type0":
            cid = font["/DescendantFonts"][0].get_object()
            entry["embedded"] = "/FontFile2" in cid["/FontDescriptor"]
            widths = cid["/W"]
            count, i = 0, 0
            while i < len(widths):
                count += len(widths[i + 1]); i += 2
            entry["widths"] = count
            entry["toUnicode"] = "/ToUnicode" in font
        report["fonts"][name] = entry
    report["checkboxOnStates"] = sorted(report["checkboxOnStates"])
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1])

"""Fills a form the way Chrome does, with PDFium (pypdfium2): clicks each field, types its value
key by key (FORM_OnChar per UTF-16 unit, Enter for a line break), ticks boxes and radio buttons
by clicking, picks choices, and saves with FPDF_SaveAsCopy (a full rewrite, as Chrome saves).

usage: fill_pdfium.py FORM.pdf VALUES.json OUT.pdf"""
import ctypes
import json
import sys

import pypdfium2 as pdfium
import pypdfium2.raw as raw


def utf16(getter, *args):
    size = getter(*args, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    getter(*args, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)), size)
    return buffer.raw[:size - 2].decode("utf-16-le")


def widgets(pdf, form):
    """(page index, annotation, field name, export value, centre) of every widget, via PDFium."""
    found = []
    for index in range(len(pdf)):
        page = pdf[index]
        for n in range(raw.FPDFPage_GetAnnotCount(page.raw)):
            annot = raw.FPDFPage_GetAnnot(page.raw, n)
            if raw.FPDFAnnot_GetSubtype(annot) != raw.FPDF_ANNOT_WIDGET:
                continue
            name = utf16(raw.FPDFAnnot_GetFormFieldName, form, annot)
            export = utf16(raw.FPDFAnnot_GetFormFieldExportValue, form, annot)
            rect = raw.FS_RECTF()
            raw.FPDFAnnot_GetRect(annot, rect)
            centre = ((rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2)
            found.append((index, page, annot, name, export, centre))
    return found


def click(form, page, centre):
    raw.FORM_OnMouseMove(form, page.raw, 0, *centre)
    raw.FORM_OnLButtonDown(form, page.raw, 0, *centre)
    raw.FORM_OnLButtonUp(form, page.raw, 0, *centre)


def type_text(form, page, text):
    raw.FORM_SelectAllText(form, page.raw)
    if not text:
        raw.FORM_OnKeyDown(form, page.raw, 0x2E, 0)  # Delete the selection
        raw.FORM_OnKeyUp(form, page.raw, 0x2E, 0)
        return
    units = text.replace("\n", "\r").encode("utf-16-le")
    for i in range(0, len(units), 2):
        code = int.from_bytes(units[i:i + 2], "little")
        if code == 13:
            raw.FORM_OnKeyDown(form, page.raw, 0x0D, 0)
            raw.FORM_OnChar(form, page.raw, 13, 0)
            raw.FORM_OnKeyUp(form, page.raw, 0x0D, 0)
        else:
            raw.FORM_OnChar(form, page.raw, code, 0)


def main(form_path, values_path, out_path):
    values = json.load(open(values_path, encoding="utf-8"))
    pdf = pdfium.PdfDocument(form_path)
    pdf.init_forms()
    form = pdf.formenv.raw
    found = widgets(pdf, form)
    by_name = {}
    for entry in found:
        by_name.setdefault(entry[3], []).append(entry)
    for field in values:
        entries = by_name.get(field["name"])
        if not entries:
            raise SystemExit("PDFium sees no widget for field " + field["name"])
        _, page, annot, _, _, centre = entries[0]
        kind, value = field["kind"], field["value"]
        if kind == "text":
            click(form, page, centre)
            type_text(form, page, value)
        elif kind == "checkbox":
            if bool(raw.FPDFAnnot_IsChecked(form, annot)) != bool(value):
                click(form, page, centre)
        elif kind == "radio":
            for _, p, a, _, export, c in entries:
                if export == value:
                    click(form, p, c)
        elif kind == "choice":
            click(form, page, centre)
            options = field["options"]
            if value in options:
                raw.FORM_SetIndexSelected(form, page.raw, options.index(value), True)
        raw.FORM_ForceToKillFocus(form)
    pdf.save(out_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])

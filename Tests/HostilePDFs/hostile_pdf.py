"""Writes the hostile PDFs of docs/reliability.md (decompression bombs, a deep field tree, ...)
with the standard library only, so that the committed fixtures stay a script, and runs swan
under a measure of its memory.

usage: hostile_pdf.py KIND OUT.pdf [ARGUMENT]
       hostile_pdf.py measure -- PROGRAM ARGUMENTS...   (prints JSON: status, signal, maxrss_kb,
                                                        stderr_bytes, stderr cut at 4,000 bytes)
kinds: attachment-bomb MiB    a /Source attachment, Flate twice, of MiB MiB of zeros
       object-stream-bomb MiB an object stream of MiB MiB (the catalog lies inside it)
       large-session FILE MiB a valid session (FILE) padded with spaces to MiB MiB, attached
       listed-many FILE N     one attached session file listed N times in /AF
       deep-fields LEVELS     a field tree LEVELS deep
       bad-flate              an attachment whose Flate data is damaged
       garbage                a PDF header and nothing readable
"""
import json
import resource
import subprocess
import sys
import zlib


def deflate_zeros(size):
    compressor = zlib.compressobj(9)
    chunk = bytes(1 << 20)
    out = []
    left = size
    while left > 0:
        out.append(compressor.compress(chunk[:min(left, len(chunk))]))
        left -= min(left, len(chunk))
    out.append(compressor.flush())
    return b"".join(out)


def stream(dictionary, data):
    return b"<<" + dictionary + b" /Length " + str(len(data)).encode() + b">>\nstream\n" + data + b"\nendstream"


def classic(objects, root=1):
    """A PDF with a classic xref table; objects[i] is object i+1's body."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
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


def attached(spec_count, data, dictionary=b"/Subtype /application#2Fjson", name=b"sessie.json", size=None):
    """Catalog 1, pages 2, page 3, filespec 4, embedded file 5; /AF lists the filespec spec_count times."""
    params = b"" if size is None else b" /Params << /Size %d >>" % size
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /AF [" + b" 4 0 R" * spec_count + b"] >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Type /Filespec /F (" + name + b") /UF (" + name + b") /EF << /F 5 0 R /UF 5 0 R >> /AFRelationship /Source >>",
        stream(b"/Type /EmbeddedFile " + dictionary + params, data),
    ]
    return classic(objects)


def attachment_bomb(mib):
    once = deflate_zeros(mib << 20)
    twice = zlib.compress(once, 9)
    return attached(1, twice, b"/Subtype /application#2Fjson /Filter [/FlateDecode /FlateDecode]")


def large_session(path, mib):
    with open(path, "rb") as handle:
        session = handle.read()
    padded = session.rstrip() + b" " * ((mib << 20) - len(session.rstrip()))
    return attached(1, zlib.compress(padded, 9), b"/Subtype /application#2Fjson /Filter /FlateDecode", size=len(padded))


def listed_many(path, count):
    with open(path, "rb") as handle:
        session = handle.read()
    return attached(count, zlib.compress(session, 9), b"/Subtype /application#2Fjson /Filter /FlateDecode", size=len(session))


def object_stream_bomb(mib):
    """Objects 1-3 (catalog, pages, page) live in object stream 4, padded with MiB MiB of spaces;
    a cross-reference stream (object 5) lists them."""
    inner = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
    header = b""
    body = b""
    for number, text in enumerate(inner, start=1):
        header += b"%d %d " % (number, len(body))
        body += text + b"\n"
    data = header + b"\n" + body
    first = len(header) + 1
    compressor = zlib.compressobj(9)
    packed = compressor.compress(data)
    chunk = b" " * (1 << 20)
    for _ in range(mib):
        packed += compressor.compress(chunk)
    packed += compressor.flush()
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    objstm_offset = len(out)
    out += b"4 0 obj\n" + stream(b"/Type /ObjStm /N 3 /First %d /Filter /FlateDecode" % first, packed) + b"\nendobj\n"
    xref_offset = len(out)
    rows = [(0, 0, 65535)] + [(2, 4, index) for index in range(3)] + [(1, objstm_offset, 0), (1, xref_offset, 0)]
    table = b"".join(bytes([kind]) + offset.to_bytes(4, "big") + second.to_bytes(2, "big") for kind, offset, second in rows)
    out += b"5 0 obj\n" + stream(b"/Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R", table) + b"\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref_offset
    return bytes(out)


def deep_fields(levels):
    """A chain of fields, each the only kid of the one before: objects 4 .. 4+levels-1."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
    for level in range(levels):
        number = 4 + level
        kids = b" /Kids [%d 0 R]" % (number + 1) if level < levels - 1 else b" /FT /Tx /V (x)"
        parent = b" /Parent %d 0 R" % (number - 1) if level > 0 else b""
        objects.append(b"<< /T (n%d)" % level + kids + parent + b" >>")
    return classic(objects)


def bad_flate():
    return attached(1, b"x\x9c this is not deflate data at all", b"/Subtype /application#2Fjson /Filter /FlateDecode")


def measure(command):
    process = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    status = process.returncode
    print(json.dumps({"status": status if status >= 0 else None, "signal": -status if status < 0 else None,
                      "maxrss_kb": usage.ru_maxrss, "stderr_bytes": len(process.stderr),
                      "stderr": process.stderr[:4000].decode("utf-8", "replace")}))


def main(arguments):
    kind = arguments[0]
    if kind == "measure":
        return measure(arguments[2:] if arguments[1] == "--" else arguments[1:])
    out = arguments[1]
    rest = arguments[2:]
    makers = {
        "attachment-bomb": lambda: attachment_bomb(int(rest[0])),
        "object-stream-bomb": lambda: object_stream_bomb(int(rest[0])),
        "large-session": lambda: large_session(rest[0], int(rest[1])),
        "listed-many": lambda: listed_many(rest[0], int(rest[1])),
        "deep-fields": lambda: deep_fields(int(rest[0])),
        "bad-flate": bad_flate,
        "garbage": lambda: b"%PDF-1.7\nthis is no PDF at all\n",
    }
    with open(out, "wb") as handle:
        handle.write(makers[kind]())


if __name__ == "__main__":
    main(sys.argv[1:])

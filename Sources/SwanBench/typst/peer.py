"""Typst as the benchmark peer: renders the invulblad template for session JSON files.

  peer.py one SESSION.json OUT.pdf FONTDIR            -> one document (the process is timed outside)
  peer.py many SESSIONDIR OUTDIR FONTDIR JOBS         -> every *.json in SESSIONDIR, JOBS processes;
                                                         prints 'docs=N seconds=S'
"""
import os, sys, time, shutil
import typst

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(HERE, "invulblad.typ")


def render(root, name, out, fonts):
    typst.compile(os.path.join(root, "invulblad.typ"), output=out, root=root,
                  font_paths=[fonts], ignore_system_fonts=True, sys_inputs={"session": name, "names": "names.json"})


def prepare(folder):
    # The template must sit inside the compile root, next to the sessions it reads.
    shutil.copy(TEMPLATE, os.path.join(folder, "invulblad.typ"))


def worker(args):
    # One Compiler per process: fonts are scanned once and Typst's caches are reused, as our
    # archive loads the deck and fonts once. Typst at its best, not a cold start per document.
    root, names, outdir, fonts = args
    compiler = typst.Compiler(os.path.join(root, "invulblad.typ"), root=root, font_paths=[fonts],
                              ignore_system_fonts=True)
    for name in names:
        compiler.compile(output=os.path.join(outdir, name[:-5] + ".pdf"), sys_inputs={"session": name, "names": "names.json"})
    return len(names)


def main():
    mode = sys.argv[1]
    if mode == "one":
        session, out, fonts = sys.argv[2:5]
        root = os.path.dirname(os.path.abspath(session))
        prepare(root)
        render(root, os.path.basename(session), out, fonts)
    elif mode == "many":
        root, outdir, fonts, jobs = sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
        prepare(root)
        names = sorted(n for n in os.listdir(root) if n.endswith(".json") and n != "names.json")
        chunks = [names[i::jobs] for i in range(jobs)]
        start = time.perf_counter()
        if jobs == 1:
            done = worker((root, names, outdir, fonts))
        else:
            from multiprocessing import Pool
            with Pool(jobs) as pool:
                done = sum(pool.map(worker, [(root, c, outdir, fonts) for c in chunks]))
        print(f"docs={done} seconds={time.perf_counter() - start:.4f}")
    else:
        sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()

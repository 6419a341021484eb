# The README's two commands: `make` (install what is missing, build, render the full set into
# Output/) and `make test` (the same set-up plus the PDF tools and the JSON Schema validator,
# then every test).
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= release
BUILD_FLAGS := -c $(CONFIG)
# On Linux the Swift runtime and Foundation are linked in: a fifth less start-up time per run.
ifeq ($(shell uname -s),Linux)
BUILD_FLAGS += --static-swift-stdlib
endif
BIN = $(shell $(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/swan
# libqpdf's part of swan, opened on first use (README, "Dependencies"): built beside the binary,
# installed in PREFIX/lib/swan where PREFIX/bin/swan finds it.
QPDF_LIBRARY = $(dir $(BIN))libswanqpdf.$(if $(filter Darwin,$(shell uname -s)),dylib,so)
# Reproducible output: the date written into PDFs is the last commit's, not the clock's.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
export SOURCE_DATE_EPOCH

# Debian packages the build needs, and those the tests need on top.
# Issue 16 (every name prints): FriBidi and libunibreak, and the packages of the fallback faces
# (see README, "Fonts for other scripts"): swan reads only these packages' folders.
BUILD_DEPS := pkg-config libcairo2-dev libharfbuzz-dev libfreetype-dev libhyphen-dev hyphen-nl libcmark-dev libqpdf-dev libdeflate-dev libpng-dev icc-profiles-free liblcms2-dev \
              libfribidi-dev libunibreak-dev fonts-noto-core fonts-droid-fallback fonts-nanum fonts-symbola
TEST_DEPS  := poppler-utils qpdf mupdf-tools ghostscript python3-jsonschema libpdfbox2-java libactivation-java libjaxb-api-java python3-venv python3-poppler-qt5
BREW_DEPS  := pkg-config cairo harfbuzz freetype hyphen cmark qpdf poppler libdeflate libpng little-cms2 ghostscript mupdf-tools fribidi libunibreak

.PHONY: all deps test-deps build render test test-fast bench fuzz clean man install install-files uninstall
all: render

# Installs only the missing Debian packages, and says which; on macOS prints the brew line.
define install_missing
	@if [ "$$(uname -s)" = Darwin ]; then \
	  echo "On macOS install the libraries with: brew install $(BREW_DEPS)"; \
	elif command -v dpkg-query >/dev/null; then \
	  missing=""; \
	  for p in $(1); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	  done; \
	  if [ -n "$$missing" ]; then \
	    echo "Installing missing packages:$$missing"; \
	    sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	    $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	    $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	  fi; \
	else echo "No dpkg here: install by hand: $(1)"; fi
endef

deps:
	$(call install_missing,$(BUILD_DEPS))

# PDFBox Preflight (archive tests) needs a Java runtime: Debian's, unless the machine has one.
# The fillable-form tests fill our form with readers no one here wrote: PDFium (pypdfium2) and
# pypdf from PyPI in .venv-test/, poppler from Debian (python3-poppler-qt5, seen through
# --system-site-packages). `make test` requires them (SWAN_REQUIRE_FORM_READERS=1): no silent skip.
# outloud (PyPI), a PDF/UA-1 checker, checks every document that claims PDF/UA-1 (OutloudTests).
FORM_VENV := .venv-test
PYPDFIUM2_VERSION := 5.15.2
PYPDF_VERSION := 7.1.1
OUTLOUD_VERSION := 0.2.1
test-deps:
	$(call install_missing,$(BUILD_DEPS) $(TEST_DEPS) $(if $(shell command -v java),,default-jre-headless))
	@if ! $(FORM_VENV)/bin/python -c "import pypdfium2, pypdf, popplerqt5" 2>/dev/null \
	   || [ "$$($(FORM_VENV)/bin/outloud --version 2>/dev/null | grep -o '[0-9][0-9.]*')" != "$(OUTLOUD_VERSION)" ]; then \
	  echo "Installing pypdfium2==$(PYPDFIUM2_VERSION), pypdf==$(PYPDF_VERSION) and outloud==$(OUTLOUD_VERSION) into $(FORM_VENV)/"; \
	  /usr/bin/python3 -m venv --system-site-packages $(FORM_VENV) && \
	  $(FORM_VENV)/bin/pip install -q "pypdfium2==$(PYPDFIUM2_VERSION)" "pypdf==$(PYPDF_VERSION)" "outloud==$(OUTLOUD_VERSION)"; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS) --product swan
	$(SWIFT) build $(BUILD_FLAGS) --product swanqpdf

render: build
	"$(BIN)"
	@echo "Rendered into Output/:"; ls -1 Output | grep -v '^\.gitkeep$$' | sed 's/^/  /'

# XCTest only (there are no Swift Testing tests), with a plain closing line "N passed, N failed".
# Our own code compiles without warnings: a warning in Sources/ or Tests/ fails `make test` (on a
# clean clone every file is compiled, so every warning is seen; an incremental build sees those of
# the files it recompiles). Warnings of the packages in .build/checkouts are theirs.
define build_tests
	@mkdir -p .build
	@set -o pipefail; $(SWIFT) build --build-tests 2>&1 | tee .build/build.log
	@warnings=$$(grep -E "^$(CURDIR)/(Sources|Tests)/[^:]+:[0-9]+:[0-9]+: warning:" .build/build.log | sort -u); \
	  if [ -n "$$warnings" ]; then echo "$$warnings"; echo "Compiler warnings in our code: $$(echo "$$warnings" | wc -l) (expected none)"; exit 1; fi
endef
# $(1): extra arguments for `swift test`.
define run_tests
	@set -o pipefail; SWAN_REQUIRE_FORM_READERS=1 $(SWIFT) test --skip-build --disable-swift-testing $(1) 2>&1 | tee .build/test.log; status=$$?; \
	  awk '/Test Suite .(All tests|Selected tests). (passed|failed)/ { getline; summary = $$0 } END { \
	    if (match(summary, /Executed [0-9]+ tests?/)) { n = substr(summary, RSTART + 9, RLENGTH - 9) + 0 } \
	    f = 0; if (match(summary, /[0-9]+ failures?/)) { f = substr(summary, RSTART, RLENGTH) + 0 } \
	    s = 0; if (match(summary, /[0-9]+ tests? skipped/)) { s = substr(summary, RSTART, RLENGTH) + 0 } \
	    printf "%d passed, %d failed, %d skipped\n", n - f - s, f, s }' .build/test.log; \
	  exit $$status
endef

# The slow tier, by kind (make test runs it; make test-fast leaves it out):
#   readers and checkers no one here wrote, run on real files: PDFium, pypdf, poppler-qt and
#     pdf.js-like round trips, outloud, PDFBox Preflight, Ghostscript separations;
#   the parity of the two PDF writers over the whole default set;
#   fault injection and hostile input: kills at every step, full disks, crafted PDFs, scale;
#   installs into a temporary PREFIX, and every card text of the seeds checked in the PDF.
SLOW_TESTS := FillableFormReaderTests OutloudTests ReadingDocumentsUATests ArchiveGradeTests PrintShopCMYKTests RightToLeftExtractionTests \
              NativeWriterParityTests \
              FaultInjectionTests InterruptedArchiveTests ArchiveLifeTests OutputNeverReplacesInputsTests StagingAndLeftoverTests CorruptionTests HostilePDFTests LayoutValueTests CheckScalingTests \
              InstallTests InstalledSwanTests CardContentTests
empty :=
space := $(empty) $(empty)

test: test-deps
	$(build_tests)
	$(call run_tests,)

# The fast tier, for every change: everything but the slow tier (README, "Tests").
test-fast: test-deps
	$(build_tests)
	$(call run_tests,--skip '\.($(subst $(space),|,$(strip $(SLOW_TESTS))))/')

# make bench: swan-bench (Sources/SwanBench) times the release build as whole processes, with
# Typst (PyPI) in .venv-bench/ as the peer; UPDATE_BASELINE=1 rewrites docs/bench-baseline.json.
# BENCH_ARGS passes options on (e.g. BENCH_ARGS="--runs 9 --sessions 200"). See docs/benchmarks.md.
TYPST_VERSION ?= 0.15.2
BENCH_VENV := .venv-bench
BENCH_ARGS ?=
bench: build
	@if ! $(BENCH_VENV)/bin/python -c "import typst" 2>/dev/null; then \
	  echo "Installing typst==$(TYPST_VERSION) into $(BENCH_VENV)/"; \
	  { python3 -m venv $(BENCH_VENV) && $(BENCH_VENV)/bin/pip install -q "typst==$(TYPST_VERSION)"; } \
	    || echo "Typst could not be installed: its figures will read 'not available'"; \
	fi
	$(SWIFT) build $(BUILD_FLAGS) --product swan-bench
	"$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/swan-bench" --swan "$(BIN)" --python "$(CURDIR)/$(BENCH_VENV)/bin/python" \
	  $(if $(UPDATE_BASELINE),--update-baseline) $(BENCH_ARGS)

# make fuzz: libFuzzer targets (Tests/Fuzz) for the deck (parser and layout decoder), the session decoder and
# swan import's PDF reading (seeded with forms and archives the release swan writes first), built
# with -sanitize=fuzzer into .build-fuzz/ (SWAN_FUZZ=1 adds them to the package; a plain build
# never sees them), seeded with the shipped files, each run for FUZZ_SECONDS. A crash or hang
# leaves its input in .build-fuzz/artifacts/: copy it to Tests/SwanPropertyTests/Regressions/.
# FUZZ_SANITIZE=fuzzer,address adds AddressSanitizer (leak checks off: the harness keeps globals).
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 10
FUZZ_SANITIZE ?= fuzzer
FUZZ_DIR := .build-fuzz
FUZZ_BUILD = SWAN_FUZZ=1 $(SWIFT) build -c release --scratch-path $(FUZZ_DIR) -Xswiftc -sanitize=$(FUZZ_SANITIZE) -Xswiftc -parse-as-library
# The deck files a deck input can replace, by its first byte, in the order of
# Tests/SwanFuzzHarness/DeckFuzzInput.swift (FuzzRegressionTests checks that they agree).
FUZZ_DECK_FILES := deck.yaml cards/ronde-1.yaml cards/rollen.yaml forms/invulblad.yaml forms/checklist.yaml labels.yaml hyphenation.yaml handleiding.md layout/cards.yaml layout/forms.yaml layout/handleiding.yaml layout/specimen.yaml layout/typography.yaml
fuzz: deps
	$(FUZZ_BUILD) --product fuzz-deck
	$(FUZZ_BUILD) --product fuzz-session
	$(FUZZ_BUILD) --product fuzz-import
	$(SWIFT) build $(BUILD_FLAGS) --product swan
	$(SWIFT) build $(BUILD_FLAGS) --product swanqpdf
	@# fuzz-import opens libswanqpdf beside itself (its C++ was never instrumented: -Xswiftc).
	cp "$(QPDF_LIBRARY)" $(FUZZ_DIR)/release/
	@rm -rf $(FUZZ_DIR)/seeds && mkdir -p $(FUZZ_DIR)/seeds/deck $(FUZZ_DIR)/seeds/session $(FUZZ_DIR)/seeds/import $(FUZZ_DIR)/corpus/deck $(FUZZ_DIR)/corpus/session $(FUZZ_DIR)/corpus/import $(FUZZ_DIR)/artifacts $(FUZZ_DIR)/artifacts-earlier
	@# swan import's seeds: our own forms (blank, and filled from each example session) and archives.
	@SOURCE_DATE_EPOCH=1700000000 "$(BIN)" invulblad --fillable -o $(FUZZ_DIR)/seeds/import/blank.pdf
	@for f in Templates/sessions/*.json; do \
	  SOURCE_DATE_EPOCH=1700000000 "$(BIN)" invulblad --fillable "$$f" -o $(FUZZ_DIR)/seeds/import/filled-$$(basename $$f .json).pdf || exit 1; \
	done
	@rm -rf $(FUZZ_DIR)/seeds/archive && SOURCE_DATE_EPOCH=1700000000 "$(BIN)" archive Templates/sessions --out $(FUZZ_DIR)/seeds/archive >/dev/null \
	  && mv $(FUZZ_DIR)/seeds/archive/*.pdf $(FUZZ_DIR)/seeds/import/ && rm -rf $(FUZZ_DIR)/seeds/archive
	@cp Tests/SwanPropertyTests/Regressions/import-* $(FUZZ_DIR)/seeds/import/ 2>/dev/null || true
	@mv $(FUZZ_DIR)/artifacts/* $(FUZZ_DIR)/artifacts-earlier/ 2>/dev/null || true
	@i=0; for f in $(FUZZ_DECK_FILES); do \
	  { printf "\\$$(printf %03o $$i)"; cat Templates/swan/$$f; } > $(FUZZ_DIR)/seeds/deck/$$i-$$(basename $$f); i=$$((i+1)); \
	done
	@cp Templates/sessions/*.json $(FUZZ_DIR)/seeds/session/
	@cp Tests/SwanPropertyTests/Regressions/deck-* $(FUZZ_DIR)/seeds/deck/ 2>/dev/null || true
	@cp Tests/SwanPropertyTests/Regressions/session-* $(FUZZ_DIR)/seeds/session/ 2>/dev/null || true
	@status=0; for t in deck session import; do \
	  echo "== fuzz-$$t for $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=0 $(FUZZ_DIR)/release/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/artifacts/$$t- \
	    $(FUZZ_DIR)/corpus/$$t $(FUZZ_DIR)/seeds/$$t > $(FUZZ_DIR)/fuzz-$$t.log 2>&1 || status=1; \
	  grep -E "^(stat::number_of_executed_units|stat::new_units_added|Done|==[0-9]+== ERROR|SUMMARY)" $(FUZZ_DIR)/fuzz-$$t.log | sed 's/^/   /'; \
	done; \
	if ls $(FUZZ_DIR)/artifacts/* >/dev/null 2>&1; then echo "Findings in $(FUZZ_DIR)/artifacts/:"; ls -1 $(FUZZ_DIR)/artifacts; status=1; \
	else echo "No crashes or hangs."; fi; exit $$status

# make install: bin/swan, the deck (Templates/), the fonts, the message catalogues (Messages/), the
# session format (docs/: the examples' "$schema" points there), the man page and shell completions under $(DESTDIR)$(PREFIX). The installed swan finds its deck, fonts
# and messages from its own location (PREFIX/bin/swan -> PREFIX/share/swan/Templates/swan, whose
# typography.yaml names ../../Fonts; PREFIX/share/swan/Messages), and qpdf's part of it, opened
# when a command reads a PDF, in PREFIX/lib/swan/libswanqpdf.so.
# The files are first laid out in $(INSTALL_STAGE), then scripts/install-tree.sh copies them and
# writes PREFIX/share/swan/install-manifest.txt (each file's SHA-256, the folders it made):
# uninstall removes exactly those, a file the user changed is kept (or, on a reinstall, moved
# aside with a message), nothing else under PREFIX is touched.
PREFIX ?= /usr/local
DESTDIR ?=
INSTALL_STAGE := .build/install-stage
STAGE_SHARE = $(INSTALL_STAGE)/share/swan
GENERATED := .build/generated
INSTALL_TREE = SWAN_MESSAGES="$(CURDIR)/Messages" bash scripts/install-tree.sh
# The man page's date: the last commit's, like the PDFs (reproducible).
MAN_DATE = $(shell date -u -d @$(or $(SOURCE_DATE_EPOCH),0) +%Y-%m-%d 2>/dev/null || date -u -r $(or $(SOURCE_DATE_EPOCH),0) +%Y-%m-%d)

# The man page, generated by swift-argument-parser from the commands (completions: install-files),
# in English (LC_ALL=C: the help texts follow the locale, see Messages/).
man: build
	$(SWIFT) build $(BUILD_FLAGS) --product generate-manual
	@mkdir -p $(GENERATED)
	LC_ALL=C "$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/generate-manual" "$(BIN)" --date $(MAN_DATE) --output-directory $(GENERATED)

install: build man install-files

# The copying alone (BIN= another build, with its libswanqpdf beside it; NO_MAN=1 without the
# man page: the CLI tests use it).
install-files:
	rm -rf "$(INSTALL_STAGE)"
	install -d "$(INSTALL_STAGE)/bin" "$(INSTALL_STAGE)/lib/swan" "$(STAGE_SHARE)/Templates" "$(STAGE_SHARE)/Fonts" "$(STAGE_SHARE)/Messages" "$(STAGE_SHARE)/docs" \
	  "$(INSTALL_STAGE)/share/bash-completion/completions" "$(INSTALL_STAGE)/share/zsh/site-functions" "$(INSTALL_STAGE)/share/fish/vendor_completions.d"
	install -m 0755 "$(BIN)" "$(INSTALL_STAGE)/bin/swan"
	install -m 0755 "$(QPDF_LIBRARY)" "$(INSTALL_STAGE)/lib/swan/"
	cp -R Templates/swan Templates/sessions Templates/README.md "$(STAGE_SHARE)/Templates/"
	install -m 0644 Fonts/*.ttf Fonts/OFL.txt "$(STAGE_SHARE)/Fonts/"
	install -m 0644 Messages/*.txt Messages/README.md "$(STAGE_SHARE)/Messages/"
	install -m 0644 docs/session.md docs/session.schema.json "$(STAGE_SHARE)/docs/"
	chmod -R u=rwX,go=rX "$(STAGE_SHARE)"
	@if [ -z "$(NO_MAN)" ]; then install -d "$(INSTALL_STAGE)/share/man/man1" && install -m 0644 $(GENERATED)/swan.1 "$(INSTALL_STAGE)/share/man/man1/swan.1"; fi
	LC_ALL=C "$(BIN)" --generate-completion-script bash > "$(INSTALL_STAGE)/share/bash-completion/completions/swan"
	LC_ALL=C "$(BIN)" --generate-completion-script zsh > "$(INSTALL_STAGE)/share/zsh/site-functions/_swan"
	LC_ALL=C "$(BIN)" --generate-completion-script fish > "$(INSTALL_STAGE)/share/fish/vendor_completions.d/swan.fish"
	$(INSTALL_TREE) install "$(INSTALL_STAGE)" "$(DESTDIR)$(PREFIX)"
	rm -rf "$(INSTALL_STAGE)"

uninstall:
	$(INSTALL_TREE) uninstall "$(DESTDIR)$(PREFIX)"

clean:
	rm -rf .build Output/*.pdf Output/previews

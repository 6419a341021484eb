# The README's two commands: `make` (install what is missing, build, render the full set into
# Output/) and `make test` (the same set-up plus the PDF tools, then every test).
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= release
BUILD_FLAGS := -c $(CONFIG)
BIN = $(shell $(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/swan
# Reproducible output: the date written into PDFs is the last commit's, not the clock's.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
export SOURCE_DATE_EPOCH

# Debian packages the build needs, and those the tests need on top.
BUILD_DEPS := pkg-config libcairo2-dev libharfbuzz-dev libfreetype-dev libhyphen-dev hyphen-nl libcmark-dev libqpdf-dev
TEST_DEPS  := poppler-utils qpdf
BREW_DEPS  := pkg-config cairo harfbuzz freetype hyphen cmark qpdf poppler

.PHONY: all deps test-deps build render test bench fuzz clean
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

test-deps:
	$(call install_missing,$(BUILD_DEPS) $(TEST_DEPS))

build: deps
	$(SWIFT) build $(BUILD_FLAGS) --product swan

render: build
	"$(BIN)"
	@echo "Rendered into Output/:"; ls -1 Output | grep -v '^\.gitkeep$$' | sed 's/^/  /'

# XCTest only (there are no Swift Testing tests), with a plain closing line "N passed, N failed".
test: test-deps
	$(SWIFT) build --build-tests
	@mkdir -p .build
	@set -o pipefail; $(SWIFT) test --skip-build --disable-swift-testing 2>&1 | tee .build/test.log; status=$$?; \
	  awk '/Test Suite .All tests. (passed|failed)/ { getline; summary = $$0 } END { \
	    if (match(summary, /Executed [0-9]+ tests?/)) { n = substr(summary, RSTART + 9, RLENGTH - 9) + 0 } \
	    f = 0; if (match(summary, /[0-9]+ failures?/)) { f = substr(summary, RSTART, RLENGTH) + 0 } \
	    s = 0; if (match(summary, /[0-9]+ tests? skipped/)) { s = substr(summary, RSTART, RLENGTH) + 0 } \
	    printf "%d passed, %d failed, %d skipped\n", n - f - s, f, s }' .build/test.log; \
	  exit $$status

clean:
	rm -rf .build Output/*.pdf Output/previews

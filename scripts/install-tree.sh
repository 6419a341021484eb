#!/usr/bin/env bash
# `make install` and `make uninstall`, from a manifest of the files installed.
#
#   install-tree.sh install STAGE ROOT   copies every file under STAGE to the same place under ROOT
#   install-tree.sh uninstall ROOT       removes what the manifest lists, as installed
#
# ROOT is $(DESTDIR)$(PREFIX). The manifest, ROOT/share/swan/install-manifest.txt, lists every
# installed file with its SHA-256 (sha256sum's format: `sha256sum -c` in ROOT says which
# changed) and, as "# folder PATH" lines, the folders the install made. Nothing else under ROOT
# is touched: a file swan installed and the user changed is kept on uninstall and moved aside
# (with a message saying where) before a reinstall; a file that is not swan's is never deleted;
# only empty folders swan made are removed. Messages come from Messages/ (SWAN_MESSAGES), in
# Dutch or English as the locale says, like swan's own.
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true

MANIFEST=share/swan/install-manifest.txt

# The catalogue of the user's language (LC_ALL, LC_MESSAGES, LANG: the first that is set).
locale_name=${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}
language=en
case "${locale_name%%[_.@]*}" in nl|NL) language=nl ;; esac
catalogue="${SWAN_MESSAGES:-$(dirname "$0")/../Messages}/$language.txt"

# say CODE [name=value…]: the message CODE with its {name}s filled in, on standard output.
say() {
  local code=$1 text="" pair
  shift
  [ -r "$catalogue" ] && text=$(sed -n "s/^${code//./\\.} = //p" "$catalogue" | head -n 1)
  [ -n "$text" ] || text="$code $*"
  for pair in "$@"; do text=${text//\{${pair%%=*}\}/${pair#*=}}; done
  printf '%s\n' "$text"
}

sha() {
  if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

# The hash the manifest gives for PATH (empty when it lists no such file).
listed_hash() {
  [ -f "$root/$MANIFEST" ] || return 0
  awk -v path="$1" '$1 !~ /^#/ && $2 == path { print $1; exit }' "$root/$MANIFEST"
}

listed_files() { [ -f "$root/$MANIFEST" ] && awk '$1 !~ /^#/ && NF == 2 { print $2 }' "$root/$MANIFEST" || true; }
listed_folders() { [ -f "$root/$MANIFEST" ] && awk '$1 == "#" && $2 == "folder" { print $3 }' "$root/$MANIFEST" || true; }

# A free name beside PATH for the user's version of it: PATH.swan-backup-<UTC time>[-N].
backup_name() {
  local base
  base="$1.swan-backup-$(date -u +%Y%m%dT%H%M%SZ)"
  local candidate=$base n=2
  while [ -e "$candidate" ] || [ -L "$candidate" ]; do candidate="$base-$n"; n=$((n + 1)); done
  printf '%s\n' "$candidate"
}

# Makes FOLDER (relative to ROOT) and its missing parents, noting each one made in $made.
make_folder() {
  local relative=$1 parts="" part
  local IFS=/
  for part in $relative; do
    parts=${parts:+$parts/}$part
    if [ ! -d "$root/$parts" ]; then
      mkdir -m 0755 "$root/$parts"
      made="$made$parts"$'\n'
    fi
  done
}

install_tree() {
  local stage=$1 relative source target new current mode backup count=0
  made="" installed=""
  mkdir -p "$root"
  while IFS= read -r relative; do
    source="$stage/$relative" target="$root/$relative"
    new=$(sha "$source")
    make_folder "$(dirname "$relative")"
    if [ -L "$target" ] || { [ -e "$target" ] && [ ! -f "$target" ]; }; then
      say install.in-the-way "path=$target" >&2
      exit 1
    fi
    if [ -f "$target" ]; then
      current=$(sha "$target")
      # Ours as installed (or already the new bytes): replaced. Anything else is the user's: moved aside.
      if [ "$current" != "$new" ] && [ "$current" != "$(listed_hash "$relative")" ]; then
        backup=$(backup_name "$target")
        mv "$target" "$backup"
        say install.backed-up "path=$target" "backup=$backup"
      fi
    fi
    mode=0644
    [ -x "$source" ] && mode=0755
    # A temporary name beside the target, then one rename: the file is whole or absent.
    cp "$source" "$target.swan-installing"
    chmod "$mode" "$target.swan-installing"
    mv -f "$target.swan-installing" "$target"
    installed="$installed$new  $relative"$'\n'
    count=$((count + 1))
  done < <(cd "$stage" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)

  # Files an earlier install put there that this one no longer has: removed when unchanged.
  while IFS= read -r relative; do
    [ -n "$relative" ] || continue
    printf '%s' "$installed" | awk -v path="$relative" '$2 == path { found = 1 } END { exit !found }' && continue
    remove_if_unchanged "$relative"
  done < <(listed_files)

  {
    echo "# Files make install put under this prefix, with their SHA-256: run 'sha256sum -c $MANIFEST'"
    echo "# here to see which changed. make uninstall removes these (unchanged) and the folders below (when empty)."
    printf '%s' "$installed"
    { listed_folders; printf '%s' "$made"; } | awk 'NF && !seen[$0]++ { print "# folder " $0 }'
  } > "$root/$MANIFEST.swan-installing"
  mv -f "$root/$MANIFEST.swan-installing" "$root/$MANIFEST"
  say install.installed "prefix=$root" "count=$count" "manifest=$root/$MANIFEST"
}

# Removes ROOT/RELATIVE when it is as installed; says so when it is kept.
remove_if_unchanged() {
  local target="$root/$1"
  [ -f "$target" ] && [ ! -L "$target" ] || return 0
  if [ "$(sha "$target")" = "$(listed_hash "$1")" ]; then
    rm -f "$target"
    removed=$((removed + 1))
  else
    say install.kept-changed "path=$target"
  fi
}

uninstall_tree() {
  local relative folder
  removed=0
  if [ ! -f "$root/$MANIFEST" ]; then
    say install.no-manifest "manifest=$root/$MANIFEST" >&2
    exit 1
  fi
  while IFS= read -r relative; do remove_if_unchanged "$relative"; done < <(listed_files)
  local folders
  folders=$(listed_folders | LC_ALL=C sort -r)
  rm -f "$root/$MANIFEST"
  # Deepest first; a folder that still holds something (the user's files) stays.
  while IFS= read -r folder; do
    [ -n "$folder" ] && [ -d "$root/$folder" ] || continue
    rmdir "$root/$folder" 2>/dev/null && continue
    # Said once, of the folder that holds something other than swan's own (emptied) folders.
    if ls -A "$root/$folder" | while IFS= read -r name; do
         printf '%s\n' "$folders" | grep -qxF "$folder/$name" || exit 1
       done; then :; else say install.folder-kept "folder=$root/$folder"; fi
  done <<< "$folders"
  say install.removed "prefix=$root" "count=$removed"
}

case "${1:-}" in
  install) [ $# -eq 3 ] || { echo "usage: $0 install STAGE ROOT" >&2; exit 2; }; root=$3; install_tree "$2" ;;
  uninstall) [ $# -eq 2 ] || { echo "usage: $0 uninstall ROOT" >&2; exit 2; }; root=$2; uninstall_tree ;;
  *) echo "usage: $0 install STAGE ROOT | uninstall ROOT" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Installs capscript so that it runs from any folder:
#
#   ./install.sh [--no-build] [PREFIX]        (PREFIX default: $HOME/.local)
#
#   PREFIX/bin/capscript                      the release binary
#   PREFIX/share/capscript/config/            the shipped policy, evidence, deployment status and scenarios
#   PREFIX/share/capscript/lib/               scripts/lib: the Lua modules `require` finds (stress, compare)
#   PREFIX/share/capscript/editor/cap.lua     the LuaLS stub of the cap API
#
# The binary finds PREFIX/share/capscript from its own path (../share/capscript). It builds
# release first (./setup.sh, then swift build -c release) unless --no-build is given or
# CAPSCRIPT_BIN names an already built binary to copy. Each part is staged beside its target
# and renamed into place, so a failed install leaves the previous one whole.
# Remove an install with: rm -rf PREFIX/bin/capscript PREFIX/share/capscript
set -euo pipefail
caller=$PWD
cd "$(dirname "$0")"
build=1
prefix=
for arg in "$@"; do
  case $arg in
  --no-build) build=0 ;;
  -h | --help)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
    exit 0
    ;;
  -*)
    echo "install.sh: unknown option $arg (expected --no-build, --help or a PREFIX folder)" >&2
    exit 64
    ;;
  *)
    if [[ -n $prefix ]]; then
      echo "install.sh: one PREFIX expected, got \"$prefix\" and \"$arg\"" >&2
      exit 64
    fi
    prefix=$arg
    ;;
  esac
done
prefix=${prefix:-$HOME/.local}
# PREFIX and CAPSCRIPT_BIN are relative to the folder install.sh was called from.
[[ $prefix == /* ]] || prefix=$caller/$prefix
bin=${CAPSCRIPT_BIN:-}
[[ -z $bin || $bin == /* ]] || bin=$caller/$bin
if [[ -z $bin ]]; then
  bin=.build/release/capscript
  if ((build)); then
    ./setup.sh
    swift build -c release --product capscript
  fi
fi
if [[ ! -x $bin ]]; then
  echo "install.sh: no built binary at $bin (run without --no-build, or set CAPSCRIPT_BIN)" >&2
  exit 66
fi
mkdir -p "$prefix/bin" "$prefix/share"
prefix=$(cd "$prefix" && pwd -P)
share=$prefix/share/capscript
stage=$(mktemp -d "$prefix/share/.capscript-install.XXXXXX")
chmod 755 "$stage"  # mktemp makes it private; the share folder is for every user
binstage="$prefix/bin/.capscript.install.$$"
trap 'rm -rf "$stage" "$binstage"' EXIT
cp -R config "$stage/config"
cp -R scripts/lib "$stage/lib"
mkdir -p "$stage/editor"
cp editor/cap.lua "$stage/editor/cap.lua"
cp "$bin" "$binstage"
chmod 755 "$binstage"
# Swap the share folder in (the old one, if any, moved aside and removed), then the binary.
if [[ -e $share ]]; then
  old=$(mktemp -d "$prefix/share/.capscript-old.XXXXXX")
  mv "$share" "$old/capscript"
  if ! mv "$stage" "$share"; then
    mv "$old/capscript" "$share" && rmdir "$old"
    echo "install.sh: could not move the new share folder into place; the previous install is kept" >&2
    exit 1
  fi
  rm -rf "$old"
else
  mv "$stage" "$share"
fi
mv -f "$binstage" "$prefix/bin/capscript"
echo "installed $prefix/bin/capscript and $share/{config,lib,editor}"
case ":$PATH:" in
*":$prefix/bin:"*) ;;
*) echo "add $prefix/bin to PATH to run it as capscript: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac

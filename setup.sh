#!/usr/bin/env bash
# Installs what capscript needs from Debian when it is missing: Lua 5.4 and
# libedit (headers and pkg-config files). As root it runs apt-get; otherwise
# it prints the command to run and stops.
set -euo pipefail
packages=(liblua5.4-dev libedit-dev pkg-config)
missing=()
pkg-config --exists lua5.4 2>/dev/null || missing+=(liblua5.4-dev)
pkg-config --exists libedit 2>/dev/null || missing+=(libedit-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "setup: installing ${missing[*]} (needed by capscript)" >&2
if [[ $(id -u) -eq 0 ]]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
  echo "setup: installed ${missing[*]}" >&2
else
  echo "setup: not root; run: sudo apt-get install -y ${packages[*]}" >&2
  exit 1
fi

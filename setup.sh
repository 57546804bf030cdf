#!/usr/bin/env bash
# Installs what capscript needs from Debian when it is missing: Lua 5.4 and
# libedit (headers and pkg-config files). As root it runs apt-get; otherwise
# it prints the command to run and stops.
#
# Python: pandas, pinned, when `import pandas` fails, and dask[distributed], pinned, when
# `import distributed` fails (pip, as any user).
#
# Also, as root and best effort, the tools the report and export tests use:
# `promtool` (package prometheus) and `chromium` (headless rendering of the
# HTML report). About 40 s together on a fresh machine. These never fail the
# setup: the tests that need them skip when the binary is absent.
# CAPSCRIPT_SETUP_OPTIONAL=0 skips them.
set -euo pipefail
packages=(liblua5.4-dev libedit-dev pkg-config)
missing=()
pkg-config --exists lua5.4 2>/dev/null || missing+=(liblua5.4-dev)
pkg-config --exists libedit 2>/dev/null || missing+=(libedit-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# pandas (pinned, with the NumPy pin of bench/run.sh) for Tests/Python/tail_risk_check.py, which the
# end-to-end test TailRiskPandasCheck runs; that test fails, naming this command, when the import fails.
if ! python3 -c 'import pandas' >/dev/null 2>&1; then
  echo "setup: installing pandas==3.1.1 numpy==2.4.6 (Tests/Python/tail_risk_check.py)" >&2
  python3 -m pip install -q --root-user-action=ignore pandas==3.1.1 numpy==2.4.6 >&2 ||
    echo "setup: could not install pandas; the pandas tail-risk test will fail" >&2
fi
# dask[distributed] (pinned, the pin of python/pyproject.toml) for Tests/Python/dask_shards_check.py, which
# the end-to-end test DaskShardTests runs (docs/SHARDS.md); that test fails, naming this command, without it.
if ! python3 -c 'import distributed' >/dev/null 2>&1; then
  echo "setup: installing dask[distributed]==2026.8.0 (Tests/Python/dask_shards_check.py)" >&2
  python3 -m pip install -q --root-user-action=ignore 'dask[distributed]==2026.8.0' >&2 ||
    echo "setup: could not install dask[distributed]; the Dask shard test will fail" >&2
fi
optional=()
if [[ ${CAPSCRIPT_SETUP_OPTIONAL:-1} != 0 ]]; then
  command -v promtool >/dev/null 2>&1 || optional+=(prometheus)
  command -v chromium >/dev/null 2>&1 || optional+=(chromium)
fi
if ((${#missing[@]} == 0 && ${#optional[@]} == 0)); then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  if ((${#optional[@]} > 0)); then
    echo "setup: optional test tools missing (their tests skip): sudo apt-get install -y --no-install-recommends ${optional[*]}" >&2
  fi
  if ((${#missing[@]} > 0)); then
    echo "setup: not root; run: sudo apt-get install -y ${packages[*]}" >&2
    exit 1
  fi
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]} (needed by capscript)" >&2
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
  echo "setup: installed ${missing[*]}" >&2
fi
if ((${#optional[@]} > 0)); then
  echo "setup: installing ${optional[*]} for the report and export tests (best effort)" >&2
  # Installing prometheus must not start its server: without a policy-rc.d,
  # add one for the duration of the install that refuses service starts.
  guard=""
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    guard=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' >"$guard" && chmod +x "$guard" || guard=""
  fi
  if { ((${#missing[@]} > 0)) || apt-get update -qq >/dev/null 2>&1; } &&
    apt-get install -y -qq --no-install-recommends "${optional[@]}" >/dev/null 2>&1; then
    echo "setup: installed ${optional[*]}" >&2
  else
    echo "setup: could not install ${optional[*]}; the tests that need them will skip" >&2
  fi
  if [[ -n $guard ]]; then rm -f "$guard"; fi
fi

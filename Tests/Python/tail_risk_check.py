#!/usr/bin/env python3
"""VaR and ES of a capscript run, recomputed with pandas/NumPy from its per-path PnL.

    python3 Tests/Python/tail_risk_check.py PER_PATH.csv SCORECARD.json

PER_PATH.csv is `capscript run NAME --per-path --format csv`, SCORECARD.json is
`capscript run NAME --format json` of the same run (same scenario, seed and paths).
For each level a in 0.95, 0.99, 0.999 it computes, from the losses L = -pnl, the
definitions of docs/INTERVALS.md ("Value at risk and expected shortfall"):

- VaR = the lower a-quantile of the empirical law, L_(k) with k = ceil(n a)
  (n a taken as an integer when within 1e-9 relative of one), and checks that
  NumPy's np.quantile(L, a, method="inverted_cdf") gives the same value;
- ES = (w L_(k) + sum_{i>k} L_(i)) / (n - k + w) with w = k - n a, the tail mean of
  Acerbi and Tasche (2002);

and compares them with the scorecard's pnl_var_95/99/999 and pnl_es_95/99/999 to
1e-12 relative. It prints one line per field and exits 0 when every field matches,
1 on a mismatch, 2 when pandas or NumPy cannot be imported or the input is unusable.
"""

import json
import math
import sys

try:
    import numpy as np
    import pandas as pd
except ImportError as error:  # the Swift test shows this message and fails
    print(
        f"tail_risk_check: cannot import pandas/NumPy ({error}); "
        "./setup.sh installs the pinned versions (python3 -m pip install pandas==3.1.1 numpy==2.4.6)",
        file=sys.stderr,
    )
    sys.exit(2)

LEVELS = {"95": 0.95, "99": 0.99, "999": 0.999}
RELATIVE_TOLERANCE = 1e-12


def rank(n, a):
    """k = ceil(n a) clamped to 1..n and the VaR atom's weight w = k - n a."""
    x = n * a
    nearest = round(x)
    if abs(x - nearest) <= 1e-9 * max(1.0, x):
        return min(n, max(1, nearest)), 0.0
    k = min(n, max(1, math.ceil(x)))
    return k, k - x


def tail_risk(losses, a):
    """(VaR, ES) of a pandas Series of losses at level a."""
    ordered = losses.sort_values(ignore_index=True)
    n = len(ordered)
    k, w = rank(n, a)
    var = ordered.iloc[k - 1]
    numpy_var = np.quantile(losses.to_numpy(), a, method="inverted_cdf")
    if numpy_var != var:
        raise SystemExit(f"tail_risk_check: rank {k} of {n} gives VaR {var!r}, NumPy's inverted_cdf {numpy_var!r}")
    es = (w * var + ordered.iloc[k:].sum()) / (n - k + w)
    return float(var), float(es)


def relative_difference(a, b):
    if a == b:
        return 0.0
    return abs(a - b) / max(abs(a), abs(b))


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    # Python's float() reads each shortest round-trip number back to the very double capscript wrote.
    frame = pd.read_csv(argv[1], comment="#", converters={"pnl": float})
    with open(argv[2], encoding="utf-8") as f:
        scorecard = json.load(f)
    paths = scorecard["provenance"]["paths"]
    if len(frame) != paths or list(frame["path"]) != list(range(paths)):
        print(f"tail_risk_check: {len(frame)} per-path rows, the scorecard has {paths} paths", file=sys.stderr)
        return 2
    losses = -frame["pnl"]
    failed = 0
    for label, a in LEVELS.items():
        var, es = tail_risk(losses, a)
        for name, ours in (("pnl_var_" + label, var), ("pnl_es_" + label, es)):
            theirs = scorecard[name]
            d = relative_difference(ours, theirs)
            verdict = "ok" if d <= RELATIVE_TOLERANCE else "MISMATCH"
            failed += verdict != "ok"
            print(f"{name} pandas={ours!r} capscript={theirs!r} relative_difference={d:.3g} {verdict}")
    print(f"pandas {pd.__version__}, numpy {np.__version__}, n={paths}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""A capscript trace loads with one pandas call and agrees with the run's per-path arrays.

    python3 Tests/Python/trace_check.py TRACE.csv TRACE.json PER_PATH.csv TRACED_PATHS EPOCHS

TRACE.csv and TRACE.json are OUT/NAME.trace.csv and .trace.json of
`capscript run NAME --trace N --out OUT`, PER_PATH.csv the `--per-path --format csv`
output of the same run. Each file is loaded with one call (pd.read_csv(..., comment="#"),
pd.read_json(..., orient="records")); the script checks the long format (one row per
path-epoch, 0-based path and epoch), that CSV and JSON hold the same numbers, and that
each traced path's last capital T is T0 (1 + roi) and from its liquidation epoch on its
loan-to-value is 0 and its leverage 1. Exits 0 when all hold, 1 on a failure, 2 without pandas.
"""

import sys

try:
    import numpy as np
    import pandas as pd
except ImportError as error:
    print(f"pandas and NumPy are needed (./setup.sh installs them): {error}")
    sys.exit(2)

COLUMNS = ["path", "epoch", "T", "ltv", "S", "sigma", "ell", "P", "spread", "allocation", "leverage"]


def main(trace_csv, trace_json, per_path_csv, traced, epochs):
    a = pd.read_csv(trace_csv, comment="#")
    b = pd.read_json(trace_json, orient="records", precise_float=True)
    paths = pd.read_csv(per_path_csv, comment="#")
    failures = []
    if list(a.columns) != COLUMNS or list(b.columns) != COLUMNS:
        failures.append(f"columns {list(a.columns)} / {list(b.columns)}")
    if a.shape != (traced * epochs, len(COLUMNS)) or b.shape != a.shape:
        failures.append(f"shapes {a.shape} / {b.shape}, expected {(traced * epochs, len(COLUMNS))}")
    if failures:
        print("\n".join(failures))
        return 1
    if not np.array_equal(a.to_numpy(), b.to_numpy()):
        failures.append("CSV and JSON differ")
    if sorted(a.path.unique()) != list(range(traced)) or sorted(a.epoch.unique()) != list(range(epochs)):
        failures.append("paths or epochs are not 0..N-1")
    last = a[a.epoch == epochs - 1].set_index("path")
    joined = last.join(paths.set_index("path"), rsuffix="_path")
    for path, row in joined.iterrows():
        capital = 10_000_000  # the scenario's T0
        if abs(row["T"] - capital * (1 + row["roi"])) > 1e-9 * capital:
            failures.append(f"path {path}: last T {row['T']} but roi {row['roi']}")
        liquidation = int(row["liquidation_epoch"])
        if liquidation >= 0:
            after = a[(a.path == path) & (a.epoch >= liquidation)]
            if not (after.ltv == 0).all() or not (after.leverage == 1).all():
                failures.append(f"path {path}: ltv does not drop to 0 at its liquidation epoch {liquidation}")
    liquidated = int((joined.liquidation_epoch >= 0).sum())
    print("\n".join(failures) if failures else f"ok: {len(a)} rows, {liquidated} traced path(s) liquidated")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])))

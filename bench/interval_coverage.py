#!/usr/bin/env python3
"""Coverage of capscript's 95% scorecard intervals, measured end to end (issue 10).

    swift build -c release --product capscript
    python3 bench/interval_coverage.py                       # 1,000 seeds x 2,000 paths, truth 400,000 paths
    python3 bench/interval_coverage.py --seeds 200 --paths 2000 --truth-ratio 100

One truth run of TRUTH_RATIO x PATHS paths (seed --truth-seed) gives the "true" value of
each field; then --seeds runs of PATHS paths, seeds --first-seed, --first-seed + 1, ...
(never the truth's seed), each give a 95% interval (`<field>_ci` of
`capscript run ... --format json`). For each field the script prints the share of
seeds whose interval covers the truth, its binomial standard error sqrt(r(1-r)/T),
and PASS when the share lies in [0.93, 0.97] (issue 10's criterion), else FAIL. The
"expected" column is the coverage the interval should have: the exact Wilson coverage at
p = the truth (liquidation_probability), the exact coverage of the order-statistic ranks
(roi_p05: 0.960 at N = 2,000, 0.9515 at N = 10,000; conservative by construction), and
the nominal 0.95 for the normal intervals (roi_mean, pnl_es_99).

The scenario is config/scenarios/crash_40pct_external_asset.json with its leverage set
to --leverage (1.7 by default, where the liquidation probability is about 1%), written
to a temporary folder and run by path. Every run is `--threads 1` and one at a time.
Python 3 standard library only. Exits 1 if a field is outside [0.93, 0.97].

Reading the result: with T seeds the share's standard error at 0.95 is
sqrt(0.95 x 0.05 / T): 0.0154 at T = 200 (so [0.93, 0.97] is only +-1.3 s.e., and an
exact 95% interval fails it about one time in five), 0.0069 at T = 1,000 (+-2.9 s.e.).
The truth's own Monte Carlo error (1/sqrt(TRUTH_RATIO) of a single run's) lowers the
expected coverage of a normal interval by at most about 0.005 at ratio 100 when the
truth is 2 of its standard errors off. The misses below / above columns say on which
side the truth fell outside the interval (a one-sided excess points at skew or bias).
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

FIELDS = ["roi_mean", "liquidation_probability", "roi_p05", "pnl_es_99"]
BAND = (0.93, 0.97)
Z95 = 1.959963984540054


def binomial_pmf(n, q):
    """P(B = k) for k = 0..n, B binomial(n, q), through log-gamma."""
    lq, lr = math.log(q), math.log1p(-q)
    return [math.exp(math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) + k * lq + (n - k) * lr)
            for k in range(n + 1)]


def wilson(k, n, z=Z95):
    p = k / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half) / (1 + z * z / n), (centre + half) / (1 + z * z / n)


def expected_coverage(field, n, truth):
    """The coverage a seed's interval should have against `truth` if the truth were exact:
    the exact Wilson coverage of p = truth at n (liquidation), the exact coverage of the
    order-statistic ranks at n (roi_p05, capscript's equal-tail rule), else the nominal 0.95."""
    if field == "liquidation_probability" and 0 < truth < 1:
        pmf = binomial_pmf(n, truth)
        return sum(w for k, w in enumerate(pmf) if wilson(k, n)[0] <= truth <= wilson(k, n)[1])
    if field == "roi_p05":
        pmf = binomial_pmf(n, 0.05)
        cdf, l = 0.0, 0
        for j, w in enumerate(pmf):  # rank l: l - 1 is the largest j with P(B <= j) <= 0.025
            cdf += w
            if cdf > 0.025:
                l = j
                break
        survival, u = 0.0, n + 1
        for j in range(n, -1, -1):  # rank u: u - 1 is the largest j with P(B >= j) > 0.025
            survival += pmf[j]
            if survival > 0.025:
                u = j + 1
                break
        return sum(pmf[max(l, 0):u])
    return 0.95


def parse_args():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--bin", default=os.path.join(root, ".build/release/capscript"), help="capscript binary")
    p.add_argument("--config", default=os.path.join(root, "config"), help="config folder (policy)")
    p.add_argument("--scenario", default="crash_40pct_external_asset", help="base scenario in config/scenarios")
    p.add_argument("--leverage", type=float, default=1.7, help="leverage override (1.7: p(liquidation) ~ 1%%)")
    p.add_argument("--paths", type=int, default=2000, help="paths of each seed's run (N)")
    p.add_argument("--epochs", type=int, help="epochs override (default: the scenario's 365)")
    p.add_argument("--seeds", type=int, default=1000, help="number of seeds (at least 200)")
    p.add_argument("--truth-ratio", type=int, default=200, help="truth paths = ratio x N (at least 100)")
    p.add_argument("--truth-seed", type=int, default=1, help="seed of the truth run")
    p.add_argument("--first-seed", type=int, default=1001, help="first of the seeds of the N-path runs")
    p.add_argument("--threads", type=int, default=1, help="threads per capscript run")
    a = p.parse_args()
    if a.seeds < 200:
        p.error("--seeds must be at least 200")
    if a.truth_ratio < 100:
        p.error("--truth-ratio must be at least 100")
    if a.first_seed <= a.truth_seed < a.first_seed + a.seeds:
        p.error("the truth's seed must differ from every coverage seed")
    return a


def scenario_file(a, folder):
    """The base scenario with the leverage override and no `expect` block, as a file in `folder`."""
    with open(os.path.join(a.config, "scenarios", a.scenario + ".json"), encoding="utf-8") as f:
        tree = json.load(f)
    tree["name"] = f"{a.scenario}_leverage_{a.leverage:g}".replace(".", "_")
    tree["capitalEfficiency"]["leverage"] = a.leverage
    tree.pop("expect", None)
    path = os.path.join(folder, tree["name"] + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(tree, f, indent=2)
    return path


def run(a, scenario, seed, paths):
    args = [a.bin, "run", scenario, "--config", a.config, "--paths", str(paths), "--seed", str(seed)]
    args += ["--threads", str(a.threads), "--format", "json", "--quiet"]
    if a.epochs is not None:
        args += ["--epochs", str(a.epochs)]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def bound(x, default):
    """A `_ci` side; null means the sample cannot bound it."""
    return default if x is None else x


def main():
    a = parse_args()
    if not os.access(a.bin, os.X_OK):
        sys.exit(f"no capscript binary at {a.bin}: swift build -c release --product capscript")
    with tempfile.TemporaryDirectory(prefix="capscript-coverage-") as folder:
        scenario = scenario_file(a, folder)
        truth_paths = a.truth_ratio * a.paths
        start = time.monotonic()
        truth = run(a, scenario, a.truth_seed, truth_paths)
        truth_seconds = time.monotonic() - start
        epochs = f", {a.epochs} epochs" if a.epochs is not None else ""
        print(f"scenario {a.scenario} with leverage {a.leverage:g}{epochs}; {a.seeds} seeds x {a.paths} paths "
              f"(seeds {a.first_seed}..{a.first_seed + a.seeds - 1}), truth {truth_paths} paths "
              f"(seed {a.truth_seed}, {truth_seconds:.1f} s)")
        for f in FIELDS:
            lo, hi = (bound(truth[f + "_ci"][0], -math.inf), bound(truth[f + "_ci"][1], math.inf))
            print(f"truth {f} = {truth[f]!r}  (its own 95% interval [{lo!r}, {hi!r}])")
        covered = {f: 0 for f in FIELDS}
        below = {f: 0 for f in FIELDS}  # truth below the interval
        above = {f: 0 for f in FIELDS}
        unbounded = {f: 0 for f in FIELDS}
        width = {f: 0.0 for f in FIELDS}
        estimate = {f: 0.0 for f in FIELDS}
        start = time.monotonic()
        for i in range(a.seeds):
            r = run(a, scenario, a.first_seed + i, a.paths)
            for f in FIELDS:
                lo = bound(r[f + "_ci"][0], -math.inf)
                hi = bound(r[f + "_ci"][1], math.inf)
                t = truth[f]
                if t < lo:
                    below[f] += 1
                elif t > hi:
                    above[f] += 1
                else:
                    covered[f] += 1
                if math.isinf(lo) or math.isinf(hi):
                    unbounded[f] += 1
                else:
                    width[f] += hi - lo
                estimate[f] += r[f]
        seconds = time.monotonic() - start
    print(f"{a.seeds} runs in {seconds:.1f} s")
    print(f"{'field':<24} {'covered':>10} {'coverage':>9} {'s.e.':>7} {'expected':>9} {'below':>6} {'above':>6} "
          f"{'unbnd':>6} {'mean estimate - truth':>22} {'mean width':>12}  verdict [{BAND[0]}, {BAND[1]}]")
    failed = False
    for f in FIELDS:
        t = a.seeds
        rate = covered[f] / t
        se = math.sqrt(rate * (1 - rate) / t)
        ok = BAND[0] <= rate <= BAND[1]
        failed |= not ok
        bounded = t - unbounded[f]
        mean_width = width[f] / bounded if bounded else math.inf
        bias = estimate[f] / t - truth[f]
        expected = expected_coverage(f, a.paths, truth[f])
        print(f"{f:<24} {covered[f]:>5}/{t:<4} {rate:>9.4f} {se:>7.4f} {expected:>9.4f} {below[f]:>6} {above[f]:>6} "
              f"{unbounded[f]:>6} {bias:>22.6g} {mean_width:>12.6g}  {'PASS' if ok else 'FAIL'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

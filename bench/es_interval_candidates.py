#!/usr/bin/env python3
"""Coverage of four candidate 95% intervals for expected shortfall on laws with a closed-form truth.

    python3 bench/es_interval_candidates.py            # 4,000 trials per row (about a minute)
    python3 bench/es_interval_candidates.py 1000

Each row draws TRIALS samples of n losses (NumPy's default_rng(0), restarted for each row) and
counts the samples whose interval contains the true ES. ES, its rank convention and its standard
error are capscript's (docs/INTERVALS.md, "Value at risk and expected shortfall"):
k = ceil(n a), w = k - n a, ES = (w L_(k) + sum_{i>k} L_(i)) / (n - k + w), and the
Manistre-Hancock s.e. sqrt((s2_tail + a (ES - VaR)^2) / (n (1 - a))). The candidates:

- normal:  ES +- z s.e.
- t:       ES +- t_{m-1} s.e., m the tail count n - k + 1
- hall:    Hall's (1992) skewness-corrected interval [ES - s.e. g^-1(z), ES - s.e. g^-1(-z)],
           g^-1(x) = 3(x - A/2) / (c^2 + c + 1), c = cbrt(1 + 3A(x - A/2)), A = skew(psi) / (3 sqrt(n)),
           psi_i = VaR + (L_i - VaR)_+ / (1 - a) over all n losses
- hall_t:  Hall's with t_{m-1} in place of z

Truths: Exponential(1), ES_a = -ln(1 - a) + 1; Lognormal(0, 1), ES_a = e^(1/2) Phi(1 - Phi^-1(a)) / (1 - a).
Needs NumPy and SciPy (for the t quantile and Phi).
"""

import math
import sys

import numpy as np
from scipy import stats

Z = 1.959963984540054


def rank(n, a):
    """capscript's k = ceil(n a) (n a within 1e-9 relative of an integer taken as it) and w = k - n a."""
    x = n * a
    r = round(x)
    if abs(x - r) <= 1e-9 * max(1, x):
        return min(n, max(1, int(r))), 0.0
    k = min(n, max(1, math.ceil(x)))
    return k, k - x


def intervals(losses, a):
    L = np.sort(losses)
    n = len(L)
    k, w = rank(n, a)
    v = L[k - 1]
    es = (w * v + L[k:].sum()) / (n - k + w)
    tail = L[k - 1:]
    m = len(tail)
    se = math.sqrt((tail.var(ddof=1) + a * (es - v) ** 2) / (n * (1 - a)))
    # Skewness of psi = skewness of the excesses Y = (L - VaR)_+ over all n losses (k of them 0).
    y = L[k:] - v
    ybar = y.sum() / n
    d = y - ybar
    m2 = (k * ybar ** 2 + (d ** 2).sum()) / n
    m3 = (-k * ybar ** 3 + (d ** 3).sum()) / n
    g = m3 / m2 ** 1.5 if m2 > 0 else 0.0
    A = g / (3 * math.sqrt(n))

    def ginv(x):
        c = np.cbrt(1 + 3 * A * (x - A / 2))
        return 3 * (x - A / 2) / (c * c + c + 1)

    zt = stats.t.ppf(0.975, m - 1)
    return {
        "normal": (es - Z * se, es + Z * se),
        "t": (es - zt * se, es + zt * se),
        "hall": (es - se * ginv(Z), es - se * ginv(-Z)),
        "hall_t": (es - se * ginv(zt), es - se * ginv(-zt)),
    }, g


def row(name, law, n, a, trials, truth):
    rng = np.random.default_rng(0)
    covered, above, skews = {}, {}, []
    for _ in range(trials):
        iv, g = intervals(law(rng, n), a)
        skews.append(g)
        for key, (lo, hi) in iv.items():
            covered[key] = covered.get(key, 0) + (lo <= truth <= hi)
            above[key] = above.get(key, 0) + (truth > hi)
    cells = "  ".join(f"{key} {covered[key] / trials:.4f} (above {above[key]})" for key in covered)
    print(f"{name:<16} n={n:<6} a={a:<5} m={n - rank(n, a)[0] + 1:<4} skew(psi) {np.mean(skews):6.2f}  {cells}")


def main():
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    print(f"{trials} trials per row; coverage of the true ES (truth above the interval: misses on the upper side)")
    exponential = lambda rng, n: rng.exponential(size=n)
    for n in (2000, 10000, 500):
        row("Exponential(1)", exponential, n, 0.99, trials, math.log(100) + 1)
    row("Exponential(1)", exponential, 2000, 0.95, trials, math.log(20) + 1)
    lognormal = lambda rng, n: np.exp(rng.standard_normal(n))
    truth = math.exp(0.5) * stats.norm.cdf(1 - stats.norm.ppf(0.99)) / 0.01
    for n in (2000, 10000):
        row("Lognormal(0, 1)", lognormal, n, 0.99, trials, truth)


if __name__ == "__main__":
    main()

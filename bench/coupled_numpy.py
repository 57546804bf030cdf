#!/usr/bin/env python3
"""NumPy port of capscript's PMM routing step, for benchmarking coupled mode.

The model is MODEL.md section 2 as implemented in Sources/SimCore/Routing and
Sources/SimCore/PMM: DODO v2 pools (trade quadratic, integral, target re-solve,
crossing trades, LP and maintainer fees), the oracle with stable noise and
lag, order flow (Poisson count, weighted pairs, lognormal sizes, flow-shock and
bridge-halt directions), routing (direct pool or two hops through the hub,
split with the external venue at equal marginal outputs, the same accelerated
bisection to 1e-9 of the order), bridge exits, arbitrage against each hub
pool's venue, and interventions back to R = 1. Vectorised over paths (pool
states are pools x paths arrays; an order's legs are gathered and scattered
per path), with Python loops over epochs, orders and root-finding steps.

It runs routing-only scenarios (hub_only_N or the deployed graph of
config/deployment-status.json), with the external asset S a driftless GBM.
Random numbers come from NumPy's generator, so statistics, not paths, are
comparable with Swift: with --swift-bin it runs `capscript run NAME --format
json` at the same paths and epochs and prints the differences in standard
errors (computed from this port's per-path values).

    python3 bench/coupled_numpy.py bridge_shock_137_56 --paths 1000 --epochs 60 --swift-bin .build/release/capscript

Routing defaults, shock types and shock defaults come from `capscript schema
--format json` (through --swift-bin, or a saved copy given with --schema).

It prints CPU nanoseconds per path-epoch for NumPy and for `capscript run --threads 1`
(CPU time, since wall time means little on a shared machine) and the statistics table.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Defaults as in Sources/SimCore/Routing/PoolGraph+Synthetic.swift (routing parameters and shocks
# come from the schema export instead: see Schema).
SYNTHETIC = dict(depthUSD=2_000_000.0, k=0.002, lpFeeBps=3.0, maintainerFeeBps=1.0, volatileSpokes=None,
                 volatilePriceUSD=3_000.0, volatileK=0.25, volatileLpFeeBps=20.0, volatileMaintainerFeeBps=5.0,
                 externalDepthUSD=10_000_000.0, externalFeeBps=4.0, volatileExternalFeeBps=30.0, bridgedFrom=[])
PEG_BAND = 0.005
TOL = 1e-9
ONE, ABOVE, BELOW = 0, 1, 2  # R state: equilibrium, base short, quote short


# ---------------------------------------------------------------------------
# The graph
# ---------------------------------------------------------------------------

class Graph:
    def __init__(self, tokens, pools, hub, peg):
        self.tokens, self.pools, self.hub, self.peg = tokens, pools, hub, peg
        T, P = len(tokens), len(pools)
        self.T, self.P = T, P
        self.volatile = np.array([t["kind"] == "volatile" for t in tokens])
        self.price0 = np.array([float(t["priceUSD"]) for t in tokens])
        self.origin = np.array([int(t["originChain"]) for t in tokens])
        self.base = np.array([p["base"] for p in pools])
        self.quote = np.array([p["quote"] for p in pools])
        self.B = np.array([p["B"] for p in pools], float)
        self.Q = np.array([p["Q"] for p in pools], float)
        self.i0 = np.array([p["i"] for p in pools], float)
        self.k = np.array([p["k"] for p in pools], float)
        self.lp = np.array([p["lp"] for p in pools], float)
        self.mt = np.array([p["mt"] for p in pools], float)
        self.venue = np.array([p["ext"] is not None for p in pools])
        self.vdepth = np.array([p["ext"][0] if p["ext"] else 0.0 for p in pools])
        self.vfee = np.array([p["ext"][1] if p["ext"] else 0.0 for p in pools])
        self.weight = np.array([p["w"] for p in pools], float)
        self.hub_pool = np.full(T, -1)
        for n, p in enumerate(pools):
            if p["quote"] == hub:
                self.hub_pool[p["base"]] = n
        self.direct = np.full((T, T), -1)
        for n, p in enumerate(pools):
            self.direct[p["base"], p["quote"]] = n
            self.direct[p["quote"], p["base"]] = n
        self.depth_usd = self.Q * self.price0[self.quote]
        hub_pools = self.quote == hub
        self.hub_depth = float((self.Q[hub_pools] + self.vdepth[hub_pools] / self.price0[hub]).sum())

    @staticmethod
    def hub_only(n, syn):
        s = dict(SYNTHETIC, **syn)
        vol = s["volatileSpokes"] if s["volatileSpokes"] is not None else min(1, n - 1)
        stables = n - vol
        bridged = list(s["bridgedFrom"])
        tokens = [dict(symbol="HUB", kind="stable", originChain=138, priceUSD=1.0)]
        pools = []
        for j in range(1, n + 1):
            v = j > stables
            b = j - (stables - len(bridged)) - 1
            origin = bridged[b] if (not v and b >= 0) else 138
            price = s["volatilePriceUSD"] if v else 1.0
            sym = f"V{j - stables}" if v else f"S{j}"
            tokens.append(dict(symbol=sym, kind="volatile" if v else "stable", originChain=origin, priceUSD=price))
            pools.append(dict(id=sym + "/HUB", base=j, quote=0, B=s["depthUSD"] / price, Q=s["depthUSD"], i=price,
                              k=s["volatileK"] if v else s["k"],
                              lp=(s["volatileLpFeeBps"] if v else s["lpFeeBps"]) * 1e-4,
                              mt=(s["volatileMaintainerFeeBps"] if v else s["maintainerFeeBps"]) * 1e-4,
                              ext=(s["externalDepthUSD"], (s["volatileExternalFeeBps"] if v else s["externalFeeBps"]) * 1e-4),
                              w=1.0))
        return Graph(tokens, pools, 0, 0)

    @staticmethod
    def deployed(d):
        tokens = d["tokens"]
        for t in tokens:
            t.setdefault("originChain", 138)
            t.setdefault("priceUSD", 1.0)
        idx = {t["symbol"]: n for n, t in enumerate(tokens)}
        pools, peg = [], None
        for p in d["pools"]:
            if p["status"] != "deployed":
                continue
            if p["id"] == d["pegPool"]:
                peg = len(pools)
            e = p.get("external")
            pools.append(dict(id=p["id"], base=idx[p["base"]], quote=idx[p["quote"]], B=p["baseReserve"],
                              Q=p["quoteReserve"], i=p["oraclePrice"], k=p["k"], lp=p.get("lpFeeBps", 0) * 1e-4,
                              mt=p.get("maintainerFeeBps", 0) * 1e-4,
                              ext=(e["depthUSD"], e["feeBps"] * 1e-4) if e else None, w=p.get("flowWeight", 1.0)))
        return Graph(tokens, pools, idx[d["hub"]], peg)


# ---------------------------------------------------------------------------
# DODO v2 pool math, vectorised (PMMMath, PMMPool+Trading, PMMPool+Marginal)
# ---------------------------------------------------------------------------

def integral(s, v0, v1, v2, k):
    return np.where(k > 0, s * ((1 - k) + k * (v0 / v1) * (v0 / v2)), s)


def away_reserve(s, v0, v1, k):
    """Output and new reserve of a move of the other side away from its target
    (PMMMath.away): the small-trade form, or the stable root for large trades."""
    a = 1 - k
    t = k * v0 * (v0 / v1)
    b = t - a * v1 + s
    root = np.sqrt(b * b + 4 * k * a * v0 * v0)
    out = 2 * s * v1 / (a * v1 + t + s + root)
    with np.errstate(divide="ignore", invalid="ignore"):
        v2 = np.where(b > 0, 2 * k * v0 * v0 / (b + root), (root - b) / (2 * a))
    big = out > 0.5 * v1
    out = np.where(big, v1 - v2, out)
    reserve = np.where(big, v2, v1 - out)
    flat = np.minimum(s, v1)
    out = np.where(k > 0, out, flat)
    reserve = np.where(k > 0, reserve, v1 - flat)
    return np.where(s > 0, out, 0.0), np.where(s > 0, reserve, v1)


def target(v1, s, k):
    r = np.where(k > 0, v1 + 2 * s / (1 + np.sqrt(1 + 4 * k * (np.maximum(s, 0) / v1))), v1 + s)
    return np.where(s > 0, r, v1)


def sides(st, base_in):
    B, Q, B0, Q0 = st["B"], st["Q"], st["B0"], st["Q0"]
    return (np.where(base_in, B, Q), np.where(base_in, B0, Q0), np.where(base_in, Q, B), np.where(base_in, Q0, B0))


def quote(st, a, base_in):
    """(received, marginal output) of selling a (PMMPool.quote)."""
    a = np.maximum(a, 0.0)
    i, k, lp, mt, R = st["i"], st["k"], st["lp"], st["mt"], st["R"]
    c = np.where(base_in, i, 1 / i)
    x, x0, y, y0 = sides(st, base_in)
    in_short = R == np.where(base_in, ABOVE, BELOW)
    toward = in_short & (a < x0 - x)
    g_int = np.minimum(integral(c * a, x0, x, x + a, k), y - y0)
    ratio_in = x0 / (x + a)
    slope_int = c * ((1 - k) + k * ratio_in * ratio_in)
    cross_s = np.where(in_short, c * (a - (x0 - x)), c * a)
    cross_v1 = np.where(in_short, y0, y)
    out, y2 = away_reserve(np.maximum(cross_s, 0), y0, cross_v1, k)
    g_away = np.where(in_short, (y - y0) + out, out)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio_out = y0 / y2
        slope_away = np.where(k > 0, c / ((1 - k) + k * ratio_out * ratio_out), np.where(y2 > 0, c, 0.0))
    gross = np.where(toward, g_int, g_away)
    gross = np.where(a > 0, gross, 0.0)
    slope = np.where(toward, slope_int, slope_away)
    return gross - gross * lp - gross * mt, slope * (1 - lp - mt)


def sell(st, a, base_in):
    """Makes the trade on the gathered states; returns (new state, received, fees, gross)."""
    i, k, lp, mt, R = st["i"], st["k"], st["lp"], st["mt"], st["R"]
    c = np.where(base_in, i, 1 / i)
    x, x0, y, y0 = sides(st, base_in)
    in_short = R == np.where(base_in, ABOVE, BELOW)
    b2o = x0 - x
    case_b = in_short & (a < b2o)
    case_c = in_short & (a == b2o)
    case_d = in_short & (a > b2o)
    g_int = np.minimum(integral(c * a, x0, x, x + a, k), y - y0)
    out_a, y_a = away_reserve(c * a, y0, y, k)
    out_d, y_d = away_reserve(np.maximum(c * (a - b2o), 0), y0, y0, k)
    gross = np.select([case_b, case_c, case_d], [g_int, y - y0, (y - y0) + out_d], out_a)
    new_y = np.select([case_b, case_c, case_d], [y - g_int, y0, y_d], y_a)
    gross = np.where(a > 0, gross, 0.0)
    new_y = np.where(a > 0, new_y, y)
    lpf = gross * lp
    mtf = gross * mt
    new_y = new_y + lpf
    new_x = x + np.where(a > 0, a, 0.0)
    nB = np.where(base_in, new_x, new_y)
    nQ = np.where(base_in, new_y, new_x)
    # Outcome: one (case C), input short (case B), output short (A, D).
    out_short_state = np.where(base_in, BELOW, ABOVE)
    in_short_state = np.where(base_in, ABOVE, BELOW)
    nR = np.select([case_c, case_b], [ONE, in_short_state], out_short_state)
    nB0 = np.where(base_in, x0, st["B0"])
    nQ0 = np.where(base_in, st["Q0"], x0)
    nR = np.where(a > 0, nR, R)
    nB0 = np.where(a > 0, nB0, st["B0"])
    nQ0 = np.where(a > 0, nQ0, st["Q0"])
    new = dict(st, B=nB, Q=nQ, B0=nB0, Q0=nQ0, R=nR)
    resolve(new)
    return new, gross - lpf - mtf, lpf + mtf


def resolve(st):
    """resolveShortTarget, in place on a gathered state."""
    R, B, Q, B0, Q0, i, k = st["R"], st["B"], st["Q"], st["B0"], st["Q0"], st["i"], st["k"]
    sur_q = Q - Q0
    sur_b = B - B0
    settle = (R == ONE) | ((R == ABOVE) & (sur_q <= 0)) | ((R == BELOW) & (sur_b <= 0))
    nB0 = np.where(R == ABOVE, target(B, sur_q / i, k), B0)
    nQ0 = np.where(R == BELOW, target(Q, sur_b * i, k), Q0)
    st["B0"] = np.where(settle, B, nB0)
    st["Q0"] = np.where(settle, Q, nQ0)
    st["R"] = np.where(settle, ONE, R)


def r_factor(st):
    k = st["k"]
    ra = st["B0"] / st["B"]
    rb = st["Q0"] / st["Q"]
    r = np.select([st["R"] == ABOVE, st["R"] == BELOW], [(1 - k) + k * ra * ra, 1 / ((1 - k) + k * rb * rb)], 1.0)
    return np.where(k > 0, r, 1.0)


# ---------------------------------------------------------------------------
# Venues (ExternalVenue)
# ---------------------------------------------------------------------------

def v_quote(X, Y, fee, a, base_in):
    xin = np.where(base_in, X, Y)
    yout = np.where(base_in, Y, X)
    keep = 1 - fee
    aa = np.maximum(a, 0) * keep
    d = xin + aa
    return yout * aa / d, yout * xin * keep / (d * d)


def v_cost(X, Y, fee, b):
    left = X - b
    keep = 1 - fee
    return Y * b / (left * keep), Y * X / (left * left * keep)


# ---------------------------------------------------------------------------
# The accelerated bisection (BracketedRoot.shrink), on arrays
# ---------------------------------------------------------------------------

def shrink(lo, hi, flo, fhi, width, f, active):
    a, b, fa, fb = lo.copy(), hi.copy(), flo.copy(), fhi.copy()
    side = np.zeros(a.shape, np.int8)
    prev = b - a
    older = prev.copy()
    live = active & (b - a > width)
    steps = 0
    while live.any() and steps < 200:
        steps += 1
        with np.errstate(divide="ignore", invalid="ignore"):
            x = (a * fb - b * fa) / (fb - fa)
        bad = ~((x > a) & (x < b)) | ((steps % 2 == 0) & (b - a > 0.5 * older))
        x = np.where(bad, 0.5 * (a + b), x)
        fx = f(np.where(live, x, a))
        pos = live & (fx > 0)
        neg = live & (fx < 0)
        zero = live & (fx == 0)
        fb = np.where(pos & (side == 1), fb * 0.5, fb)
        fa = np.where(neg & (side == -1), fa * 0.5, fa)
        a = np.where(pos, x, a)
        fa = np.where(pos, fx, fa)
        b = np.where(neg, x, b)
        fb = np.where(neg, fx, fb)
        a = np.where(zero, x, a)
        b = np.where(zero, x, b)
        side = np.where(pos, 1, np.where(neg, -1, side))
        older = np.where(live, prev, older)
        prev = np.where(live, b - a, prev)
        live = live & (b - a > width)
    return a, b


# ---------------------------------------------------------------------------
# The simulation
# ---------------------------------------------------------------------------

class Sim:
    def __init__(self, g: Graph, prm: dict, shocks: list, paths: int, epochs: int, per_year: int, seed: int):
        self.g, self.p, self.N, self.E = g, prm, paths, epochs
        self.dt = 1 / per_year
        self.rng = np.random.default_rng(seed)
        self.shocks = shocks
        self.cols = np.arange(paths)
        # Order pairs and weights (RoutingModel).
        pw = g.weight.sum()
        spokes = [t for t in range(g.T) if t != g.hub and g.hub_pool[t] >= 0]
        cross = [(x, y) for n, x in enumerate(spokes) for y in spokes[n + 1:]]
        cs = prm["crossShare"] if cross else 0.0
        A, Bt, W = [], [], []
        for n in range(g.P):
            if pw > 0 and g.weight[n] > 0:
                A.append(g.base[n]); Bt.append(g.quote[n]); W.append((1 - cs) * g.weight[n] / pw)
        for x, y in cross:
            if cs > 0:
                A.append(x); Bt.append(y); W.append(cs / len(cross))
        W = np.array(W)
        self.pairA, self.pairB = np.array(A), np.array(Bt)
        self.cum = np.cumsum(W) / W.sum()
        self.max_lag = max([prm["lag"]] + [s["epochs"] for s in shocks if s["type"] == "oracle_lag"])
        self.band = np.where(g.volatile[g.base], prm["volatileBand"], prm["band"])

    # Gather and scatter pool states for one pool index per path.
    def gather(self, pool):
        g, c = self.g, self.cols
        return dict(B=self.B[pool, c], Q=self.Q[pool, c], B0=self.B0[pool, c], Q0=self.Q0[pool, c],
                    R=self.R[pool, c], i=self.I[pool, c], k=g.k[pool], lp=g.lp[pool], mt=g.mt[pool])

    def scatter(self, pool, st, mask):
        c = self.cols
        pl, cl = pool[mask], c[mask]
        self.B[pl, cl] = st["B"][mask]
        self.Q[pl, cl] = st["Q"][mask]
        self.B0[pl, cl] = st["B0"][mask]
        self.Q0[pl, cl] = st["Q0"][mask]
        self.R[pl, cl] = st["R"][mask]

    def leg_quote(self, pool, ext, base_in, a):
        g = self.g
        st = self.gather(pool)
        r1, m1 = quote(st, a, base_in)
        X, Y = self.X[pool, self.cols], self.Y[pool, self.cols]
        r2, m2 = v_quote(X, Y, g.vfee[pool], a, base_in)
        return np.where(ext, r2, r1), np.where(ext, m2, m1)

    def route_quote(self, r, a):
        out, m = self.leg_quote(r["p1"], r["e1"], r["b1"], a)
        two = r["p2"] >= 0
        p2 = np.where(two, r["p2"], 0)
        out2, m2 = self.leg_quote(p2, r["e2"], r["b2"], out)
        return np.where(two, out2, out), np.where(two, m * m2, m)

    def trade(self, pool, ext, base_in, a, mask, arbitrage=False):
        """Makes one leg per path where mask; returns what it paid."""
        g, c = self.g, self.cols
        a = np.where(mask, a, 0.0)
        inp = np.where(base_in, g.base[pool], g.quote[pool])
        outp = np.where(base_in, g.quote[pool], g.base[pool])
        usd_in = a * self.fair[inp, c] * self.hub_usd
        # Venue legs.
        vm = mask & ext
        X, Y = self.X[pool, c], self.Y[pool, c]
        vout, _ = v_quote(X, Y, g.vfee[pool], a, base_in)
        nX = np.where(base_in, X + a, X - vout)
        nY = np.where(base_in, Y - vout, Y + a)
        self.X[pool[vm], c[vm]] = nX[vm]
        self.Y[pool[vm], c[vm]] = nY[vm]
        if not arbitrage:
            np.add.at(self.s_ext_vol, (pool[vm], c[vm]), usd_in[vm])
        # Pool legs.
        pm = mask & ~ext
        st = self.gather(pool)
        before = st["B"]
        new, rec, fees = sell(st, a, base_in)
        self.scatter(pool, new, pm)
        fee_usd = fees * self.fair[outp, c] * self.hub_usd
        np.add.at(self.s_arb_vol if arbitrage else self.s_vol, (pool[pm], c[pm]), usd_in[pm])
        np.add.at(self.s_fee, (pool[pm], c[pm]), fee_usd[pm])
        np.add.at(self.s_turn, (pool[pm], c[pm]), np.abs(new["B"] - before)[pm])
        return np.where(ext, vout, rec)

    def routes(self, a, b, amount):
        g = self.g
        N = len(a)
        hub = g.hub
        d = g.direct[a, b]
        ha, hb = g.hub_pool[a], g.hub_pool[b]
        has_d = d >= 0
        has_two = (a != hub) & (b != hub) & (ha >= 0) & (hb >= 0)
        z = np.zeros(N, bool)
        direct = dict(p1=np.where(has_d, d, 0), e1=z, b1=g.base[np.where(has_d, d, 0)] == a, p2=np.full(N, -1), e2=z,
                      b2=z)
        two = dict(p1=np.where(has_two, ha, 0), e1=z, b1=np.ones(N, bool), p2=np.where(has_two, hb, -1), e2=z,
                   b2=z)
        out_d, _ = self.route_quote(direct, amount)
        out_t, _ = self.route_quote(two, amount)
        use_two = has_two & (~has_d | (out_t > out_d))
        pmm = {k: np.where(use_two, two[k], direct[k]) for k in direct}
        has_pmm = has_d | has_two
        a_hub, b_hub = a == hub, b == hub
        e_p1 = np.where(a_hub, hb, ha)
        ext_ok = np.where(a_hub, hb >= 0, np.where(b_hub, ha >= 0, (ha >= 0) & (hb >= 0)))
        ext = dict(p1=np.where(ext_ok, e_p1, 0), e1=np.ones(N, bool), b1=~a_hub,
                   p2=np.where(ext_ok & ~a_hub & ~b_hub, hb, -1), e2=np.ones(N, bool), b2=z)
        return pmm, has_pmm, ext, ext_ok

    def order(self, a, b, amount, usd, mask):
        pmm, has_pmm, ext, has_ext = self.routes(a, b, amount)
        routable = mask & (has_pmm | has_ext) & (amount > 0)
        self.t_unrouted += np.where(mask & ~routable, usd, 0.0)
        # Split (RoutingState.split).
        _, f_all = self.route_quote(pmm, amount)
        _, g_0 = self.route_quote(ext, np.zeros_like(amount))
        _, f_0 = self.route_quote(pmm, np.zeros_like(amount))
        _, g_all = self.route_quote(ext, amount)
        at_all = f_all - g_0
        at_none = f_0 - g_all
        x = np.where(~has_ext, amount, np.where(~has_pmm, 0.0, np.where(at_all >= 0, amount, 0.0)))
        interior = routable & has_ext & has_pmm & (at_all < 0) & (at_none > 0)
        if interior.any():
            f = lambda y: self.route_quote(pmm, y)[1] - self.route_quote(ext, amount - y)[1]
            lo, hi = shrink(np.zeros_like(amount), amount.copy(), at_none, at_all, TOL * amount, f, interior)
            x = np.where(interior, 0.5 * (lo + hi), x)
        go = routable & (x > 0)
        out = self.trade(pmm["p1"], pmm["e1"], pmm["b1"], x, go)
        self.trade(np.where(pmm["p2"] >= 0, pmm["p2"], 0), pmm["e2"], pmm["b2"], out, go & (pmm["p2"] >= 0))
        rest = amount - x
        go = routable & (rest > 0)
        out = self.trade(ext["p1"], ext["e1"], ext["b1"], rest, go)
        self.trade(np.where(ext["p2"] >= 0, ext["p2"], 0), ext["e2"], ext["b2"], out, go & (ext["p2"] >= 0))
        self.t_pmm += np.where(routable, usd * x / amount, 0.0)
        self.t_ext += np.where(routable, usd * rest / amount, 0.0)
        # Hub flow of the PMM legs (for the imbalance; not needed by these statistics).

    def arbitrage(self, p):
        g, c, N = self.g, self.cols, self.N
        pool = np.full(N, p)
        st = self.gather(pool)
        X, Y, fee = self.X[p], self.Y[p], g.vfee[p]
        usd_q = self.fair[g.quote[p]] * self.hub_usd
        minp = self.p["minProfitUSD"]
        # Direction 1: buy base on the venue, sell it to the pool.
        slope1 = lambda a: quote(st, a, np.ones(N, bool))[1] - v_cost(X, Y, fee, a)[1]
        first = slope1(np.zeros(N))
        d1 = first > 0
        if d1.any():
            lo, flo = np.zeros(N), first
            hi = 0.5 * X
            fhi = slope1(hi)
            grow = d1 & (fhi > 0)
            for _ in range(60):
                if not grow.any():
                    break
                lo = np.where(grow, hi, lo); flo = np.where(grow, fhi, flo)
                hi = np.where(grow, 0.5 * (hi + X), hi)
                fhi = np.where(grow, slope1(hi), fhi)
                grow = grow & (fhi > 0)
            ok = d1 & (fhi <= 0)
            a, _ = shrink(lo, hi, flo, fhi, TOL * hi, slope1, ok)
            profit = quote(st, a, np.ones(N, bool))[0] - v_cost(X, Y, fee, a)[0]
            do = ok & (a > 0) & (profit * usd_q >= minp)
            cost, _ = v_cost(X, Y, fee, a)
            self.Y[p] = np.where(do, Y + cost, Y)
            self.X[p] = np.where(do, X - a, X)
            self.trade(pool, np.zeros(N, bool), np.ones(N, bool), a, do, arbitrage=True)
        # Direction 2: buy base from the pool, sell it on the venue.
        st = self.gather(pool)
        X, Y = self.X[p], self.Y[p]

        def slope2(q):
            rec, m = quote(st, q, np.zeros(N, bool))
            return v_quote(X, Y, fee, rec, np.ones(N, bool))[1] * m - 1

        second = slope2(np.zeros(N))
        d2 = ~d1 & (second > 0)
        if d2.any():
            lo, flo = np.zeros(N), second
            hi = 0.01 * st["Q"]
            fhi = slope2(hi)
            grow = d2 & (fhi > 0)
            for _ in range(80):
                if not grow.any():
                    break
                lo = np.where(grow, hi, lo); flo = np.where(grow, fhi, flo)
                hi = np.where(grow, hi * 2, hi)
                fhi = np.where(grow, slope2(hi), fhi)
                grow = grow & (fhi > 0)
            ok = d2 & (fhi <= 0)
            q, _ = shrink(lo, hi, flo, fhi, TOL * hi, slope2, ok)
            bought = quote(st, q, np.zeros(N, bool))[0]
            profit = v_quote(X, Y, fee, bought, np.ones(N, bool))[0] - q
            do = ok & (q > 0) & (profit * usd_q >= minp)
            rec = self.trade(pool, np.zeros(N, bool), np.zeros(N, bool), q, do, arbitrage=True)
            vout, _ = v_quote(X, Y, fee, rec, np.ones(N, bool))
            self.X[p] = np.where(do, X + rec, X)
            self.Y[p] = np.where(do, Y - vout, Y)

    def run(self):
        g, N, E, prm, c = self.g, self.N, self.E, self.p, self.cols
        rng = self.rng
        P, T = g.P, g.T
        # Per-path statistics (the Swift PoolStat and RoutingTotal layout, the fields compared).
        self.s_vol = np.zeros((P, N)); self.s_ext_vol = np.zeros((P, N)); self.s_arb_vol = np.zeros((P, N))
        self.s_fee = np.zeros((P, N)); self.s_turn = np.zeros((P, N)); self.s_target = np.zeros((P, N))
        self.s_int = np.zeros((P, N)); self.s_cost = np.zeros((P, N)); self.s_worst = np.zeros((P, N))
        self.s_over = np.zeros((P, N))
        self.t_pmm = np.zeros(N); self.t_ext = np.zeros(N); self.t_unrouted = np.zeros(N)
        self.t_peg_over = np.zeros(N); self.t_peg_worst = np.zeros(N)
        # State.
        self.B = np.repeat(g.B[:, None], N, 1); self.Q = np.repeat(g.Q[:, None], N, 1)
        self.B0 = self.B.copy(); self.Q0 = self.Q.copy()
        self.R = np.zeros((P, N), np.int64); self.I = np.repeat(g.i0[:, None], N, 1)
        self.X = np.ones((P, N)); self.Y = np.ones((P, N))
        usd = np.repeat(g.price0[:, None], N, 1)
        noise = np.zeros((T, N))
        W = self.max_lag + 1
        ring = np.repeat(np.repeat(g.price0[:, None], N, 1)[:, None, :], W, 1)  # T x W x N
        halt_until = np.zeros((T, N), int); halt_depth = np.ones((T, N)); halt_disc = np.zeros((T, N))
        halt_exit = np.zeros((T, N)); depeg_until = np.zeros((T, N), int); depeg_price = np.repeat(g.price0[:, None], N, 1)
        lag_shock = np.zeros(N, int); lag_until = np.zeros(N, int)
        S = np.ones(N)
        sig = prm["volatileSigma"]
        # Shock timing per path.
        when = []
        for s in self.shocks:
            happen = rng.random(N) < s["p"]
            e = s["from"] + np.minimum((rng.random(N) * (s["to"] - s["from"] + 1)).astype(int), s["to"] - s["from"])
            when.append(np.where(happen, e, -1))
        flow_imb = np.zeros((E, N))
        for s, w in zip(self.shocks, when):
            if s["type"] == "flow_shock":
                for t in range(E):
                    flow_imb[t] += np.where((w >= 0) & (t >= w) & (t < w + s["epochs"]), s["imbalance"], 0.0)
        for t in range(E):
            for s, w in zip(self.shocks, when):
                at = w == t
                if not at.any():
                    continue
                if s["type"] == "asset_crash":
                    S = np.where(at, S * (1 - s["drop"]), S)
                elif s["type"] == "bridge_halt":
                    for tok in range(T):
                        if tok != g.hub and g.origin[tok] in s["chains"]:
                            halt_until[tok] = np.where(at, np.maximum(halt_until[tok], t + s["epochs"]), halt_until[tok])
                            halt_depth[tok] = np.where(at, s["depthFactor"], halt_depth[tok])
                            halt_disc[tok] = np.where(at, s["discount"], halt_disc[tok])
                            halt_exit[tok] = np.where(at, s["exitShare"], halt_exit[tok])
                elif s["type"] == "pool_depeg":
                    tok = [x["symbol"] for x in g.tokens].index(s["token"])
                    depeg_until[tok] = np.where(at, t + s["epochs"], depeg_until[tok])
                    depeg_price[tok] = np.where(at, s["price"], depeg_price[tok])
                elif s["type"] == "oracle_lag":
                    lag_shock = np.where(at, s["epochs"], lag_shock)
                    lag_until = np.where(at, t + s["duration"], lag_until)
            S = S * np.exp(-0.5 * sig * sig * self.dt + sig * math.sqrt(self.dt) * rng.standard_normal(N))
            # Oracle and venues (RoutingState.moveOracle).
            slot = t % W
            for tok in range(T):
                peg = np.where(t < depeg_until[tok], depeg_price[tok], g.price0[tok])
                if g.volatile[tok]:
                    usd[tok] = g.price0[tok] * S
                elif tok == g.hub or prm["stableNoise"] == 0:
                    usd[tok] = peg
                else:
                    noise[tok] = noise[tok] * (1 - prm["stableReversion"]) + prm["stableNoise"] * rng.standard_normal(N)
                    usd[tok] = peg * np.maximum(1e-6, 1 + noise[tok])
                ring[tok, slot] = usd[tok]
            self.hub_usd = usd[g.hub]
            halted = t < halt_until
            self.fair = usd / self.hub_usd * (1 - np.where(halted, halt_disc, 0.0))
            lag = np.minimum(np.maximum(prm["lag"], np.where(t < lag_until, lag_shock, 0)), self.max_lag)
            lslot = ((t - lag) % W + W) % W
            for p in range(P):
                price = ring[g.base[p], lslot, c] / ring[g.quote[p], lslot, c]
                self.I[p] = price
                st = self.gather(np.full(N, p))
                resolve(st)
                self.B0[p], self.Q0[p], self.R[p] = st["B0"], st["Q0"], st["R"]
                if g.venue[p]:
                    depth = g.vdepth[p] * np.where(halted[g.base[p]], halt_depth[g.base[p]], 1.0) / self.hub_usd
                    self.Y[p] = depth
                    self.X[p] = depth / (self.fair[g.base[p]] / self.fair[g.quote[p]])
            # Orders.
            n = rng.poisson(prm["ordersPerEpoch"], N)
            buy_hub = np.clip(0.5 * (1 + flow_imb[t]), 0, 1)
            sv = prm["orderSizeVol"]
            for j in range(int(n.max(initial=0))):
                active = j < n
                k = np.minimum(np.searchsorted(self.cum, rng.random(N)), len(self.cum) - 1)
                direction = rng.random(N)
                z = rng.standard_normal(N)
                a, b = self.pairA[k], self.pairB[k]
                hub_pair = (a == g.hub) | (b == g.hub)
                other = np.where(a == g.hub, b, a)
                sell_other = direction < buy_hub
                na = np.where(hub_pair, np.where(sell_other, other, g.hub), np.where(direction < 0.5, b, a))
                nb = np.where(hub_pair, np.where(sell_other, g.hub, other), np.where(direction < 0.5, a, b))
                ha, hb = halted[na, c], halted[nb, c]
                flip = hb & ~ha
                a, b = np.where(flip, nb, na), np.where(flip, na, nb)
                size = prm["meanOrderUSD"] * np.exp(sv * z - 0.5 * sv * sv)
                self.order(a, b, size / (self.fair[a, c] * self.hub_usd), size, active)
            # Bridge exits.
            for tok in range(T):
                p = g.hub_pool[tok]
                m = halted[tok] & (halt_exit[tok] > 0)
                if p < 0 or not m.any():
                    continue
                size = halt_exit[tok] * g.depth_usd[p]
                self.order(np.full(N, tok), np.full(N, g.hub), size / (self.fair[tok] * self.hub_usd), size, m)
            # Arbitrage.
            for p in range(P):
                if g.venue[p]:
                    self.arbitrage(p)
            # Measure and intervene.
            for p in range(P):
                pool = np.full(N, p)
                st = self.gather(pool)
                dev = np.abs(r_factor(st) - 1)
                self.s_worst[p] = np.maximum(self.s_worst[p], dev)
                self.s_target[p] += st["B0"]
                self.s_over[p] += dev > PEG_BAND
                if p == g.peg:
                    mid = np.abs(st["i"] * r_factor(st) - 1)
                    self.t_peg_worst = np.maximum(self.t_peg_worst, mid)
                    self.t_peg_over += mid > PEG_BAND
                act = (dev > self.band[p]) & (st["R"] != ONE)
                if not act.any():
                    continue
                base_in = st["R"] == ABOVE
                amt = np.where(base_in, st["B0"] - st["B"], st["Q0"] - st["Q"])
                before = st["B"]
                new, rec, _ = sell(st, amt, base_in)
                mark = self.fair[g.base[p]] / self.fair[g.quote[p]]
                usd_q = self.fair[g.quote[p]] * self.hub_usd
                cost = np.where(base_in, amt * mark - rec, amt - rec * mark) * usd_q + prm["gasUSD"]
                self.scatter(pool, new, act)
                self.s_int[p] += act
                self.s_cost[p] += np.where(act, cost, 0.0)
                self.s_turn[p] += np.where(act, np.abs(new["B"] - before), 0.0)
        return self

    def stats(self):
        """Per-path values of the compared statistics."""
        g = self.g
        churn = np.where(self.s_target > 0, self.s_turn / np.where(self.s_target > 0, self.s_target, 1), 0).mean(0)
        return {
            "routing.capture": (self.t_pmm, self.t_pmm + self.t_ext),
            "routing.fee_income": self.s_fee.sum(0),
            "routing.intervention_cost": self.s_cost.sum(0),
            "routing.interventions": self.s_int.sum(0),
            "routing.churn": churn,
            "routing.peg_deviation.frequency": self.t_peg_over / self.E,
        }


# ---------------------------------------------------------------------------
# Scenario and driver
# ---------------------------------------------------------------------------

class Schema:
    """What this port needs of `capscript schema --format json`."""

    def __init__(self, doc: dict):
        if doc.get("schemaVersion") != 1:
            raise SystemExit(f"capscript schema: schemaVersion {doc.get('schemaVersion')!r}, this port reads 1")
        # pmm.flow.ordersPerEpoch -> ordersPerEpoch, pmm.oracle.lag -> lag, ... (the keys Sim reads).
        self.routing = {f["name"].split(".", 1)[1]: (int if f["kind"] == "integer" else float)(f["default"])
                        for f in doc["routing"]}
        types = doc["shocks"]["types"]
        # The capital overlay is not ported: every shock type that does not act on it.
        self.shock_types = tuple(t["name"] for t in types if t["scope"] != "capital")
        self.shock_defaults = {
            t["name"]: {f["name"]: f.get("default") for f in doc["shocks"]["timing"] + t["fields"]} for t in types}

    @classmethod
    def load(cls, swift_bin, path):
        if path:
            return cls(json.load(open(path)))
        if not swift_bin:
            raise SystemExit("need --swift-bin (runs `capscript schema --format json`) or --schema FILE")
        out = subprocess.run([swift_bin, "schema", "--format", "json"], check=True, capture_output=True, text=True)
        return cls(json.loads(out.stdout))


def load(name_or_path, schema):
    path = name_or_path if name_or_path.endswith(".json") else os.path.join(ROOT, "config", "scenarios",
                                                                             name_or_path + ".json")
    s = json.load(open(path))
    pmm = s.get("pmm", {})
    if "capitalEfficiency" in s:
        print("note: the capital overlay is not ported; this runs the scenario's pool graph alone", file=sys.stderr)
    mode = s.get("graphMode", "none")
    prm = dict(schema.routing)
    for block in ("flow", "oracle", "arbitrage", "intervention"):
        for k, v in pmm.get(block, {}).items():
            prm[{"minProfitUSD": "minProfitUSD"}.get(k, k)] = v
    if mode == "synthetic":
        n = int(pmm["graph"].split("_")[-1])
        g = Graph.hub_only(n, pmm.get("synthetic", {}))
    elif mode == "deployed":
        g = Graph.deployed(pmm.get("deployment") or json.load(open(os.path.join(ROOT, "config", "deployment-status.json"))))
    else:
        raise SystemExit("this port runs scenarios with a pool graph (graphMode synthetic or deployed)")
    epochs = int(s.get("epochs", 365))
    shocks = []
    for item in s.get("shocks", []):
        t = item["type"]
        if t not in schema.shock_types:
            raise SystemExit(f"shock {t} acts on the capital overlay, which this port does not run")
        sd = schema.shock_defaults[t]

        def default(key, fallback):
            v = sd.get(key)
            return epochs if v == "epochs" else (fallback if v is None else v)

        at = item.get("at")
        lo = at if at is not None else item.get("from", 0)
        hi = at if at is not None else item.get("to", 0 if item.get("from") is None else epochs - 1)
        d = dict(type=t, **{"from": int(lo), "to": int(hi)}, p=float(item.get("p", default("p", 1))),
                 drop=item.get("drop", default("drop", 0)), imbalance=item.get("imbalance", default("imbalance", 0)),
                 chains=item.get("chains", []), depthFactor=item.get("depthFactor", default("depthFactor", 0.1)),
                 discount=item.get("discount", default("discount", 0)),
                 exitShare=item.get("exitShare", default("exitShare", 0)), token=item.get("token"),
                 price=item.get("price", default("price", 1)), epochs=int(item.get("epochs", default("epochs", epochs))),
                 duration=int(item.get("duration", default("duration", epochs))))
        shocks.append(d)
    return s, g, prm, shocks


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scenario", nargs="?", default="bridge_shock_137_56")
    ap.add_argument("--paths", type=int, default=200)
    ap.add_argument("--epochs", type=int)
    ap.add_argument("--seed", type=int, default=138)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--swift-bin", help="capscript binary: reads its schema; also times it and compares statistics")
    ap.add_argument("--schema", help="a saved `capscript schema --format json` (default: ask --swift-bin)")
    args = ap.parse_args()
    s, g, prm, shocks = load(args.scenario, Schema.load(args.swift_bin, args.schema))
    epochs = args.epochs or int(s.get("epochs", 365))
    best, best_cpu = math.inf, math.inf
    sim = None
    for _ in range(max(1, args.repeats)):
        t0, c0 = time.perf_counter(), time.process_time()
        sim = Sim(g, prm, shocks, args.paths, epochs, int(s.get("epochsPerYear", 365)), args.seed).run()
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    n = args.paths * epochs
    print(f"numpy paths={args.paths} epochs={epochs} ns_per_path_epoch={best * 1e9 / n:.2f} "
          f"cpu_ns_per_path_epoch={best_cpu * 1e9 / n:.2f}")
    if not args.swift_bin:
        return
    # The native step on one thread, the same paths and epochs; CPU time from the OS
    # (wall time is meaningless on a loaded machine), best of --repeats.
    cpu = math.inf
    for _ in range(max(1, args.repeats)):
        before = os.times()
        subprocess.run([args.swift_bin, "run", args.scenario, "--paths", str(args.paths), "--epochs", str(epochs),
                        "--threads", "1", "--quiet"], cwd=ROOT, capture_output=True, check=True)
        after = os.times()
        cpu = min(cpu, after.children_user - before.children_user + after.children_system - before.children_system)
    print(f"swift threads=1 paths={args.paths} epochs={epochs} cpu_ns_per_path_epoch={cpu * 1e9 / n:.2f} "
          f"(numpy / swift = {best_cpu / cpu:.0f}x)")
    js = json.loads(subprocess.run(
        [args.swift_bin, "run", args.scenario, "--paths", str(args.paths), "--epochs", str(epochs), "--format", "json",
         "--quiet"], cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    r = js["routing"]
    swift = {"routing.capture": r["capture"], "routing.fee_income": r["fee_income"],
             "routing.intervention_cost": r["intervention_cost"], "routing.interventions": r["interventions"],
             "routing.churn": r["churn"], "routing.peg_deviation.frequency": r["peg_deviation"]["frequency"]}
    worst = 0.0
    print(f"{'statistic':34} {'numpy':>14} {'swift':>14} {'diff / s.e.':>12}")
    for name, v in sim.stats().items():
        if isinstance(v, tuple):  # a ratio of sums: delta-method standard error
            num, den = v
            est = num.sum() / den.sum()
            resid = num - est * den
            se = math.sqrt((resid ** 2).sum()) / den.sum()
        else:
            est = v.mean()
            se = v.std(ddof=1) / math.sqrt(len(v))
        z = (swift[name] - est) / (se * math.sqrt(2)) if se > 0 else (0.0 if swift[name] == est else math.inf)
        worst = max(worst, abs(z))
        print(f"{name:34} {est:14.6g} {swift[name]:14.6g} {z:12.2f}")
    print(f"largest difference: {worst:.2f} standard errors of the difference")


if __name__ == "__main__":
    main()

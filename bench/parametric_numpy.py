#!/usr/bin/env python3
"""NumPy port of capscript's parametric capital overlay, for benchmarking.

The model is MODEL.md section 3 as implemented in
Sources/SimCore/Engine/CapitalKernel.swift: the same state, the same order of
operations and every term, all shock types of parametric mode, and the event
counters. Vectorised over paths, with a Python loop over epochs.

Random numbers:
  --rng numpy   (default, what is timed) NumPy's Generator (PCG64) standard
                normals: statistically, not bitwise, comparable with Swift.
  --rng philox  the Swift generator, vectorised: Philox4x32-10 words of each
                (seed, path, epoch) address on stream 0, read in order (word n
                from block n / 4), turned into z1..z5 by the exact 128-layer
                ziggurat of Sources/SimCore/Random/Ziggurat.swift (fast path
                for all paths at once; the lanes that need the wedge/tail tests
                and further words are handled as a masked batch). The normals
                are bit-identical to Swift's (self-tested against a scalar
                transcription), so the paths are the Swift paths up to last-bit
                differences between glibc's exp and NumPy's SIMD exp in the
                model arithmetic. Slower; a cross-check, not the benchmark.

Names, defaults and shock types come from `capscript schema --format json`
(run through --swift-bin, or a saved copy given with --schema), so this port
follows the Swift schema tables instead of copying them.

With --swift-bin (or --swift-json) it also compares the scorecard with
`capscript run NAME --paths N --format json` and prints the difference in
standard errors for each statistic.
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

# ---------------------------------------------------------------------------
# Configuration: every name, default and shock type comes from the machine-
# readable schema, `capscript schema --format json` (the Swift tables), never
# from a copy here.
# ---------------------------------------------------------------------------

class Schema:
    """The parts of `capscript schema --format json` this port needs."""

    VERSION = 1

    def __init__(self, doc: dict):
        if doc.get("schemaVersion") != self.VERSION:
            raise SystemExit(f"capscript schema: schemaVersion {doc.get('schemaVersion')!r}, "
                             f"this port reads version {self.VERSION}")

        def number(v) -> float:
            return float("nan") if v is None else float(v)  # null: NaN (maxLTV: take the policy's)

        self.capital = {f["name"]: number(f["default"]) for f in doc["capitalEfficiency"]}
        self.policy = {f["name"]: number(f["default"]) for f in doc["policy"]}
        self.scenario = {f["name"]: f.get("default") for f in doc["scenario"]}
        types = doc["shocks"]["types"]
        # Parametric mode simulates every shock type that needs no pool graph.
        self.shock_types = tuple(t["name"] for t in types if t["scope"] != "graph")
        self.shock_defaults = {
            t["name"]: {f["name"]: f.get("default") for f in doc["shocks"]["timing"] + t["fields"]} for t in types}

    @classmethod
    def load(cls, swift_bin: str | None, path: str | None) -> "Schema":
        if path:
            with open(path, encoding="utf-8") as f:
                return cls(json.load(f))
        if not swift_bin:
            raise SystemExit("need --swift-bin (runs `capscript schema --format json`) or --schema FILE")
        out = subprocess.run([swift_bin, "schema", "--format", "json"], check=True, capture_output=True, text=True)
        return cls(json.loads(out.stdout))


class Shock:
    def __init__(self, item: dict, epochs: int, schema: Schema):
        typ = item.get("type")
        if typ not in schema.shock_types:
            raise SystemExit(f"shock type {typ!r} is not simulated in parametric mode")
        self.type = typ
        d = schema.shock_defaults[typ]

        def get(key: str) -> float:
            v = item.get(key, d.get(key))
            if v is None:
                raise SystemExit(f"{typ}: {key!r} has no default in the schema")
            return v

        last = max(epochs - 1, 0)
        at, lo, hi = item.get("at"), item.get("from"), item.get("to")
        if at is not None and (lo is not None or hi is not None):
            raise SystemExit("give either \"at\" or \"from\"/\"to\", not both")
        self.lo = int(at if at is not None else (lo if lo is not None else 0))
        self.hi = int(at if at is not None else (hi if hi is not None else (0 if lo is None else last)))
        self.p = float(get("p"))
        self.drop = float(get("drop")) if typ == "asset_crash" else 0.0
        self.level = item.get("level")
        self.add = item.get("add")
        self.factor = float(get("factor")) if typ == "liquidity_shock" else 1.0
        self.rate = float(get("rate")) if typ == "redemption_wave" else 0.0
        self.delta = float(get("delta")) if typ == "peg_shock" else 0.0
        self.imbalance = float(get("imbalance")) if typ == "flow_shock" else 0.0
        self.length = int(get("epochs")) if typ in ("redemption_wave", "flow_shock") else 1
        if typ == "vol_spike" and self.level is None and self.add is None:
            raise SystemExit("vol_spike needs \"level\" or \"add\"")

    @property
    def windowed(self) -> bool:
        return self.type in ("redemption_wave", "flow_shock")


class Model:
    """A scenario compiled like CapitalKernel.init."""

    def __init__(self, scenario: dict, policy: dict, schema: Schema, paths: int | None,
                 epochs: int | None, seed: int | None):
        self.name = scenario.get("name", "?")
        mode = scenario.get("pmm", {}).get("mode", "parametric")
        if mode != "parametric":
            raise SystemExit(f"pmm.mode {mode!r}: this port simulates the parametric overlay only")
        sd = schema.scenario
        self.paths = int(paths or scenario.get("paths", sd["paths"]))
        self.epochs = int(epochs or scenario.get("epochs", sd["epochs"]))
        self.epochs_per_year = int(scenario.get("epochsPerYear", sd["epochsPerYear"]))
        self.seed = int(seed if seed is not None else scenario.get("seed", sd["seed"]))
        pol = {k: float(policy.get(k, schema.policy[k])) for k in ("externalLiquidityFloor", "maxLTV", "pegBand")}
        defaults = schema.capital
        block = scenario.get("capitalEfficiency")
        if block is None:
            raise SystemExit("capitalEfficiency is required in parametric mode")
        unknown = sorted(set(block) - set(defaults))
        if unknown:
            raise SystemExit(f"unknown capitalEfficiency fields {unknown}")
        p = {}
        for k, v in defaults.items():
            fallback = pol["maxLTV"] if k == "maxLTV" else v
            p[k] = float(block.get(k, fallback))
        self.p = p
        self.floor = pol["externalLiquidityFloor"]
        self.peg_band = pol["pegBand"]
        self.shocks = [Shock(s, self.epochs, schema) for s in scenario.get("shocks", [])]
        self.has_windows = any(s.windowed for s in self.shocks)


# ---------------------------------------------------------------------------
# Random numbers
# ---------------------------------------------------------------------------

class NumpyNormals:
    """NumPy's default generator: five standard normals per path and epoch."""

    def __init__(self, seed: int, paths: int):
        self.rng = np.random.default_rng(seed)
        self.paths = paths
        self.buf = np.empty((5, paths))

    def shock_uniforms(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        u = self.rng.random((2, self.paths))
        return u[0], u[1]

    def epoch(self, t: int) -> np.ndarray:
        self.rng.standard_normal(out=self.buf)
        return self.buf


def philox4x32(k0: int, k1: int, c0, c1, c2, c3):
    """Philox4x32-10 on uint64 arrays holding 32-bit values (scalars broadcast)."""
    m0, m1, mask, s32 = np.uint64(0xD2511F53), np.uint64(0xCD9E8D57), np.uint64(0xFFFFFFFF), np.uint64(32)
    c0, c1, c2, c3 = np.broadcast_arrays(*(np.asarray(c, dtype=np.uint64) for c in (c0, c1, c2, c3)))
    for r in range(10):
        if r > 0:
            k0 = (k0 + 0x9E3779B9) & 0xFFFFFFFF
            k1 = (k1 + 0xBB67AE85) & 0xFFFFFFFF
        p0 = m0 * c0
        p1 = m1 * c2
        c0, c1, c2, c3 = ((p1 >> s32) ^ c1 ^ np.uint64(k0), p1 & mask,
                          (p0 >> s32) ^ c3 ^ np.uint64(k1), p0 & mask)
    return c0, c1, c2, c3


class Ziggurat:
    """The tables of Sources/SimCore/Random/Ziggurat.swift (128 layers, m = 2^24).

    Built with Python's math (the same glibc exp/log as Swift on Linux, and the
    same operation order), so the tables are bit-identical to Swift's.
    """

    R = 3.442619855899
    AREA = 9.91256303526217e-3

    def __init__(self):
        m = 16_777_216.0
        kn, wn, fn = [0] * 128, [0.0] * 128, [0.0] * 128
        d = t = self.R
        q = self.AREA / math.exp(-0.5 * d * d)
        kn[0] = int(d / q * m)
        kn[1] = 0
        wn[0] = q / m
        wn[127] = d / m
        fn[0] = 1.0
        fn[127] = math.exp(-0.5 * d * d)
        for i in range(126, 0, -1):
            d = math.sqrt(-2 * math.log(self.AREA / d + math.exp(-0.5 * d * d)))
            kn[i + 1] = int(d / t * m)
            t = d
            fn[i] = math.exp(-0.5 * d * d)
            wn[i] = d / m
        self.kn = np.array(kn, dtype=np.int64)
        self.wn = np.array(wn)
        self.fn = np.array(fn)
        self.fn_prev = np.concatenate(([np.nan], self.fn[:-1]))  # fn[iz - 1]; iz = 0 never uses it

    @staticmethod
    def libm(f, x: np.ndarray) -> np.ndarray:
        """f (math.exp or math.log: glibc, as Swift) elementwise. NumPy's SIMD exp/log
        differ from glibc in the last bit for a few percent of arguments; the slow
        path is rare enough to afford the scalar calls, so its accept/reject
        decisions and tail values are exactly Swift's."""
        return np.fromiter(map(f, x.tolist()), dtype=np.float64, count=x.size)

    @staticmethod
    def split(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Layer (low 7 bits) and signed 25-bit abscissa (Int32(bitPattern: w) >> 7)."""
        hz = (w.astype(np.uint32).view(np.int32) >> 7).astype(np.int64)
        return hz, (w & np.uint64(127)).astype(np.intp)


class PhiloxNormals:
    """Philox4x32-10 words and the exact ziggurat, at the addresses CapitalKernel uses.

    Per (path, epoch) the kernel reads the words of stream 0 in order (word n is
    word n % 4 of block n / 4) and turns them into z1..z5. Here the first two
    blocks are computed for all paths at once, each z_k takes the fast path
    (one word, a table look-up, a multiply) for all paths at once, and only the
    lanes that fail it (2.76% of draws with these tables: the mean of 1 - kn[i] / 2^24)
    go through the wedge/tail tests,
    again vectorised over those lanes, reading further words (and, rarely,
    further blocks) from their own position in the stream.
    """

    def __init__(self, seed: int, paths: int):
        self.k0 = seed & 0xFFFFFFFF
        self.k1 = (seed >> 32) & 0xFFFFFFFF
        self.paths = paths
        self.path = np.arange(paths, dtype=np.uint64) & np.uint64(0xFFFFFFFF)
        self.lane = np.arange(paths)
        self.zig = Ziggurat()
        self.buf = np.empty((5, paths))
        # For reporting: draws that left the fast path, tail attempts, words read beyond block 1.
        self.draws = self.slow_lanes = self.tail_tries = self.far_words = 0
        # Counters of the two blocks every (path, epoch) needs: block 0 and block 1.
        self.c0_2 = np.concatenate((self.path, self.path))
        self.c2_2 = np.repeat(np.array([0, 1], dtype=np.uint64), paths)

    def block(self, epoch: int, block, stream: int, path=None):
        return philox4x32(self.k0, self.k1, self.path if path is None else path, epoch & 0xFFFFFFFF,
                          block, stream)

    @classmethod
    def self_test(cls) -> None:
        """Random123's known-answer vectors for Philox4x32-10 (kat_vectors)."""
        cases = [((0, 0, 0, 0), (0, 0), (0x6627E8D5, 0xE169C58D, 0xBC57AC4C, 0x9B00DBD8)),
                 ((0xFFFFFFFF,) * 4, (0xFFFFFFFF, 0xFFFFFFFF), (0x408F276D, 0x41C83B0E, 0xA20BC7C6, 0x6D5451FD)),
                 ((0x243F6A88, 0x85A308D3, 0x13198A2E, 0x03707344), (0xA4093822, 0x299F31D0),
                  (0xD16CFE09, 0x94FDCCEB, 0x5001E420, 0x24126EA1))]
        for ctr, key, want in cases:
            got = tuple(int(w[0]) for w in philox4x32(key[0], key[1], [ctr[0]], ctr[1], ctr[2], ctr[3]))
            if got != want:
                raise SystemExit(f"Philox4x32-10 known-answer test failed for counter {ctr}")

    def reference_normals(self, path: int, t: int) -> list[float]:
        """z1..z5 of one (path, epoch), a line-by-line scalar transcription of
        WordStream.next and Ziggurat.normal/slow: one word at a time, Python floats
        and glibc's math.exp/math.log (the Philox block is the checked function above)."""
        zig = self.zig
        kn, wn, fn = zig.kn.tolist(), zig.wn.tolist(), zig.fn.tolist()
        state = {"n": 0, "words": ()}

        def next_word() -> int:
            n = state["n"]
            if n % 4 == 0:
                state["words"] = tuple(int(w[0]) for w in philox4x32(self.k0, self.k1, [path], t, n // 4, 0))
            state["n"] = n + 1
            return state["words"][n % 4]

        def uniform() -> float:
            return (float(next_word()) + 0.5) * 2.0**-32

        def split(w: int) -> tuple[int, int]:
            return (w - (1 << 32) if w >= 1 << 31 else w) >> 7, w & 127

        def normal() -> float:
            hz, iz = split(next_word())
            if abs(hz) < kn[iz]:
                return hz * wn[iz]
            while True:
                x = hz * wn[iz]
                if iz == 0:
                    while True:
                        tx = -math.log(uniform()) / zig.R
                        ty = -math.log(uniform())
                        if not ty + ty < tx * tx:
                            return zig.R + tx if hz > 0 else -zig.R - tx
                if fn[iz] + uniform() * (fn[iz - 1] - fn[iz]) < math.exp(-0.5 * x * x):
                    return x
                hz, iz = split(next_word())
                if abs(hz) < kn[iz]:
                    return hz * wn[iz]

        return [normal() for _ in range(5)]

    @classmethod
    def self_test_normals(cls, seed: int = 138, paths: int = 4096, max_epochs: int = 30) -> None:
        """The vectorised normals against the scalar transcription, bit for bit: every
        lane that left the fast path, plus 64 others per epoch, for at least 2 epochs and
        until the tail test and words beyond block 1 have both been exercised."""
        g = cls(seed, paths)
        for t in range(max_epochs):
            z = g.epoch(t).copy()
            pos = g.pos.copy()  # words each lane consumed
            check = sorted(set(np.flatnonzero(pos > 5).tolist()) | set(range(0, paths, paths // 64)))
            for path in check:
                if z[:, path].tolist() != g.reference_normals(path, t):
                    raise SystemExit(f"ziggurat self-test failed at path {path}, epoch {t}")
            if t >= 1 and g.slow_lanes and g.tail_tries and g.far_words:
                return
        raise SystemExit("ziggurat self-test did not reach the slow, tail and far-word cases")

    @staticmethod
    def uniform(w: np.ndarray) -> np.ndarray:
        return (w.astype(np.float64) + 0.5) * 2.0**-32

    def shock_uniforms(self, i: int):
        w = self.block(0, i, 2)
        return self.uniform(w[0]), self.uniform(w[1])

    def _words(self, lanes: np.ndarray, t: int) -> np.ndarray:
        """The next word of each lane in `lanes` (WordStream.next), advancing its position."""
        pos = self.pos[lanes]
        self.pos[lanes] = pos + 1
        near = pos < 8
        if near.all():
            return self.words[pos, lanes]
        out = np.empty(lanes.size, dtype=np.uint64)
        out[near] = self.words[pos[near], lanes[near]]
        far = ~near
        self.far_words += int(far.sum())
        blocks = philox4x32(self.k0, self.k1, self.path[lanes[far]], t, (pos[far] // 4).astype(np.uint64), 0)
        out[far] = np.choose(pos[far] % 4, blocks)
        return out

    def _slow(self, lanes: np.ndarray, hz: np.ndarray, iz: np.ndarray, t: int) -> np.ndarray:
        """Ziggurat.slow for the lanes that failed the fast test, vectorised over them."""
        zig = self.zig
        out = np.empty(lanes.size)
        act = np.arange(lanes.size)  # indices into lanes/out still undecided
        while act.size:
            x = hz * zig.wn[iz]
            tail = iz == 0
            if tail.any():  # the base layer's tail beyond r
                ti = act[tail]
                sign = hz[tail] > 0
                k = np.arange(ti.size)
                while k.size:
                    tx = -zig.libm(math.log, self.uniform(self._words(lanes[ti[k]], t))) / zig.R
                    ty = -zig.libm(math.log, self.uniform(self._words(lanes[ti[k]], t)))
                    self.tail_tries += k.size
                    ok = ~(ty + ty < tx * tx)
                    done = k[ok]
                    out[ti[done]] = np.where(sign[done], zig.R + tx[ok], -zig.R - tx[ok])
                    k = k[~ok]
                keep = ~tail
                act, x, hz, iz = act[keep], x[keep], hz[keep], iz[keep]
                if not act.size:
                    break
            # The wedge test.
            u = self.uniform(self._words(lanes[act], t))
            wedge = zig.fn[iz] + u * (zig.fn_prev[iz] - zig.fn[iz]) < zig.libm(math.exp, -0.5 * x * x)
            out[act[wedge]] = x[wedge]
            act = act[~wedge]
            if not act.size:
                break
            # A fresh word: the fast test again, else round the loop.
            hz, iz = zig.split(self._words(lanes[act], t))
            fast = np.abs(hz) < zig.kn[iz]
            out[act[fast]] = hz[fast] * zig.wn[iz[fast]]
            act, hz, iz = act[~fast], hz[~fast], iz[~fast]
        return out

    def epoch(self, t: int) -> np.ndarray:
        n, zig, b = self.paths, self.zig, self.buf
        self.words = np.stack(philox4x32(self.k0, self.k1, self.c0_2, t & 0xFFFFFFFF, self.c2_2, 0)) \
            .reshape(4, 2, n).transpose(1, 0, 2).reshape(8, n)  # words[n] = word n of the stream
        self.pos = np.zeros(n, dtype=np.intp)
        uniform_pos = True  # every lane is at the same word
        self.draws += 5 * n
        for k in range(5):
            if uniform_pos:
                w = self.words[k]
                self.pos += 1
            else:
                w = self._words(self.lane, t)
            hz, iz = zig.split(w)
            fast = np.abs(hz) < zig.kn[iz]
            np.multiply(hz, zig.wn[iz], out=b[k])
            if not fast.all():
                lanes = np.flatnonzero(~fast)
                self.slow_lanes += lanes.size
                b[k, lanes] = self._slow(lanes, hz[lanes], iz[lanes], t)
                uniform_pos = False
        return b


# ---------------------------------------------------------------------------
# The kernel
# ---------------------------------------------------------------------------

ATTRIBUTION_TERMS = ("yield", "market_making", "volatility_drag", "intervention_drag", "redemption_drag",
                     "liquidation_loss", "deleverage_cost")


def simulate(m: Model, rng_kind: str = "numpy") -> dict[str, np.ndarray]:
    """Runs all paths; returns per-path records (as CapitalKernel.simulate's PathRecord)."""
    p = m.p
    n, epochs = m.paths, m.epochs
    dt = 1.0 / m.epochs_per_year
    sqrt_dt = math.sqrt(dt)
    kappa_dt = p["kappa"] * dt
    eta_step = p["eta"] * sqrt_dt
    kappaL_dt = p["kappaL"] * dt
    etaL_step = p["etaL"] * sqrt_dt
    base_rho = p["baseRedemptionRate"] * dt
    volume_scale = p["flowTurnover"] * dt
    alpha, lev = p["allocation"], p["leverage"]
    a_throttled = alpha * p["throttleAllocationFactor"]
    l_throttled = min(lev, p["stressLeverage"])
    ts = p["targetSpreadBps"]
    vv = p["volumeVol"]
    floor, peg_band = m.floor, m.peg_band
    ell_bar = p["ellBar"]

    if rng_kind == "numpy":
        rng = NumpyNormals(m.seed, n)
    else:
        rng = PhiloxNormals(m.seed, n)

    # Shock schedule per path (-1: never), as CapitalKernel.schedule.
    shock_epoch = []
    for i, sh in enumerate(m.shocks):
        u0, u1 = rng.shock_uniforms(i)
        span = sh.hi - sh.lo + 1
        e = sh.lo + np.minimum((u1 * span).astype(np.int64), span - 1)
        if sh.p < 1:
            e = np.where(u0 >= sh.p, -1, e)
        shock_epoch.append(e)

    t0 = p["capital"]
    T = np.full(n, t0)
    peak = T.copy()
    sigma = np.full(n, p["sigma0"])
    S = np.ones(n)
    P = np.ones(n)
    ell = np.full(n, p["ell0"])
    s = np.full(n, ts)
    throttled = np.zeros(n, dtype=bool)
    liquidated = np.zeros(n, dtype=bool)
    a_set = np.full(n, alpha)
    l_set = np.full(n, lev)
    C = lev * alpha * T / S
    D = (lev - 1) * alpha * T
    max_dd = np.zeros(n)
    cnt = {k: np.zeros(n, dtype=np.int32) for k in
           ("throttle", "spread", "floor", "deleverage", "peg")}
    att = {k: np.zeros(n) for k in ATTRIBUTION_TERMS}
    zero = np.zeros(n)

    for t in range(epochs):
        # 1. Shocks scheduled at t, in scenario order.
        for sh, e in zip(m.shocks, shock_epoch):
            if sh.windowed or not (sh.lo <= t <= sh.hi):
                continue
            hit = e == t
            if not hit.any():
                continue
            if sh.type == "asset_crash":
                S = np.where(hit, S * (1 - sh.drop), S)
            elif sh.type == "vol_spike":
                if sh.level is not None:
                    sigma = np.where(hit, np.maximum(sigma, float(sh.level)), sigma)
                if sh.add is not None:
                    sigma = np.where(hit, sigma + float(sh.add), sigma)
            elif sh.type == "liquidity_shock":
                ell = np.where(hit, ell * sh.factor, ell)
            elif sh.type == "peg_shock":
                P = np.where(hit, P + sh.delta, P)
        # Waves: active on [e, e + epochs) (clipped at the horizon like the Swift buffers).
        extra_rho = 0.0
        extra_imb = 0.0
        if m.has_windows:
            extra_rho = zero.copy()
            extra_imb = zero.copy()
            for sh, e in zip(m.shocks, shock_epoch):
                if not sh.windowed or t < sh.lo or t >= sh.hi + sh.length:
                    continue
                active = (e >= 0) & (e <= t) & (t < e + sh.length)
                if sh.type == "redemption_wave":
                    extra_rho += np.where(active, sh.rate, 0.0)
                else:
                    extra_imb += np.where(active, sh.imbalance, 0.0)

        z = rng.epoch(t)
        z1, z2, z3, z4, z5 = z[0], z[1], z[2], z[3], z[4]

        # 2. Volatility (mean-reverting).
        sigma = np.maximum(p["sigmaMin"], sigma + kappa_dt * (p["sigmaBar"] - sigma) + eta_step * z1)

        # 3. Throttle.
        thr = sigma > p["sigmaCrit"]
        cnt["throttle"] += thr & ~throttled
        throttled = thr
        aE = np.where(thr, a_throttled, alpha)
        lE = np.where(thr | liquidated, np.where(liquidated, 1.0, l_throttled), lev)
        s_next = np.where(thr, np.minimum(s * p["spreadWidenFactor"], p["spreadCeilingBps"]), ts)
        cnt["spread"] += s_next != s
        s = s_next

        # 4. External liquidity.
        rho = base_rho + extra_rho
        ell = np.maximum(0.0, ell + kappaL_dt * (ell_bar - ell) + etaL_step * z2
                         - rho * p["redemptionLiquidityShare"])
        below = ell < floor
        if below.any():
            cnt["floor"] += below
            aE = np.where(below, np.minimum(aE, alpha * ell / floor), aE)

        # 5. Asset.
        S = S * np.exp((p["mu"] - sigma * sigma / 2) * dt + sigma * sqrt_dt * z3)

        # 6. Collateral and debt.
        liquidation_loss = zero
        deleverage_cost = zero
        has_debt = D > 0
        if has_debt.any():
            value = C * S
            ltv = np.divide(D, value, out=np.zeros(n), where=has_debt)
            liq = has_debt & (ltv >= p["liquidationThreshold"])
            if liq.any():
                liquidation_loss = np.where(
                    liq, p["liquidationPenalty"] * value + np.maximum(0.0, D - value), 0.0)
                C = np.where(liq, 0.0, C)
                D = np.where(liq, 0.0, D)
                liquidated = liquidated | liq
                lE = np.where(liq, 1.0, lE)
            dlv = has_debt & ~liq & (ltv > p["maxLTV"])
            if dlv.any():
                target = np.minimum((lE - 1) / lE, p["maxLTV"])
                x = np.where(dlv, (D - target * value) / (1 - target), 0.0)
                C = C - x / S
                D = D - x
                deleverage_cost = p["deleverageCostBps"] * 1e-4 * x
                cnt["deleverage"] += dlv
        retarget = (aE != a_set) | (lE != l_set)
        if retarget.any():
            C = np.where(retarget, lE * aE * T / S, C)
            D = np.where(retarget, (lE - 1) * aE * T, D)
            a_set = aE
            l_set = lE

        # 7. Rates, as fractions of T for this epoch.
        yield_term = aE * (lE * p["yieldRate"] - (lE - 1) * p["borrowRate"]) * dt
        if ts > 0:
            capture = p["capture0"] * np.exp(-p["captureElasticity"] * (s - ts) / ts)
        else:
            capture = p["capture0"]
        volume = volume_scale * np.exp(vv * z4 - vv * vv / 2)
        market_making = volume * capture * s * 1e-4
        volatility_drag = aE * (lE * lE - lE) * sigma * sigma / 2 * dt
        imbalance = p["flowVol"] * z5 - p["redemptionImbalance"] * rho + extra_imb
        arb = p["arbLiquidityCoefficient"] * (np.minimum(1.0, ell / ell_bar) if ell_bar > 0 else 1.0)
        P = P + p["pegBeta"] * imbalance - arb * (P - 1)
        gap = np.abs(P - 1)
        over = gap > p["interventionBand"]
        if over.any():
            q = np.where(over, np.minimum(ell, p["interventionGain"] * (gap - p["interventionBand"])), 0.0)
            P = P - np.where(P > 1, q, -q) * p["interventionImpact"]
            ell = ell - q
            intervention_drag = q * (p["interventionCostBps"] * 1e-4 + np.abs(P - 1))
        else:
            intervention_drag = zero
        cnt["peg"] += np.abs(P - 1) > peg_band
        redemption_drag = rho * (1 + p["redemptionFeeBps"] * 1e-4) + p["fireSaleHaircut"] * np.maximum(0.0, rho - ell)

        att["yield"] += T * yield_term
        att["market_making"] += T * market_making
        att["volatility_drag"] -= T * volatility_drag
        att["intervention_drag"] -= T * intervention_drag
        att["redemption_drag"] -= T * redemption_drag
        att["liquidation_loss"] -= liquidation_loss
        att["deleverage_cost"] -= deleverage_cost
        T = T + T * (yield_term + market_making - volatility_drag - intervention_drag - redemption_drag) \
            - liquidation_loss - deleverage_cost
        peak = np.maximum(peak, T)
        max_dd = np.maximum(max_dd, (peak - T) / peak)

    return {
        "rng": rng,
        "roi": T / t0 - 1, "pnl": T - t0, "max_drawdown": max_dd, "liquidated": liquidated,
        "floor_violations": cnt["floor"], "throttle_events": cnt["throttle"],
        "spread_adjustments": cnt["spread"], "deleverage_events": cnt["deleverage"],
        "peg_deviation_epochs": cnt["peg"], "attribution": att,
    }


# ---------------------------------------------------------------------------
# Scorecard and comparison
# ---------------------------------------------------------------------------

def scorecard(m: Model, r: dict) -> dict:
    """The scalar scorecard fields, plus the standard error of each mean (`_se`)."""
    n = m.paths
    roi = r["roi"]
    liq = r["liquidated"].astype(np.float64)
    peg = r["peg_deviation_epochs"] / m.epochs

    def mean_se(x):
        x = np.asarray(x, dtype=np.float64)
        return float(x.mean()), float(x.std(ddof=1) / math.sqrt(n)) if n > 1 else 0.0

    out = {}
    for name, x in (("roi_mean", roi), ("liquidation_probability", liq), ("peg_deviation_frequency", peg),
                    ("external_liquidity_floor_violations", r["floor_violations"]),
                    ("volatility_throttle_events", r["throttle_events"]),
                    ("spread_adjustment_events", r["spread_adjustments"]),
                    ("deleverage_events", r["deleverage_events"])):
        out[name], out[name + "_se"] = mean_se(x)
    out["roi_p05"] = float(np.quantile(roi, 0.05))  # type 7, as Quantiles.swift
    out["roi_p95"] = float(np.quantile(roi, 0.95))
    out["max_drawdown_p95"] = float(np.quantile(r["max_drawdown"], 0.95))
    out["pnl_attribution"] = {k: float(v.mean()) for k, v in r["attribution"].items()}
    out["pnl_attribution_se"] = {k: float(v.std(ddof=1) / math.sqrt(n)) for k, v in r["attribution"].items()}
    return out


def swift_scorecard(args, m: Model) -> dict | None:
    if args.swift_json:
        with open(args.swift_json, encoding="utf-8") as f:
            return json.load(f)
    if not args.swift_bin:
        return None
    cmd = [args.swift_bin, "run", args.scenario_name or m.name, "--paths", str(m.paths),
           "--epochs", str(m.epochs), "--seed", str(m.seed), "--config", args.config, "--format", "json", "--quiet"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def compare(np_card: dict, sw: dict, m: Model) -> float:
    """Prints NumPy vs Swift per statistic with the difference in standard errors.

    The Swift JSON carries the standard error of roi_mean only; for the other
    means the NumPy per-path standard deviation stands in for both sides
    (the two runs estimate the same distribution; for event counts it is
    scaled by the ratio of the means), and for a probability p the binomial
    s.e. uses the pooled p. Returns the largest |z|.
    """
    n = m.paths
    swift_n = int(sw.get("provenance", {}).get("paths", n))
    rows = []
    worst = 0.0

    def add(name, a, b, se_a, se_b):
        nonlocal worst
        se = math.hypot(se_a, se_b)
        if se > 0:
            zval = (a - b) / se
        else:
            zval = 0.0 if a == b else float("inf")
        worst = max(worst, abs(zval))
        rows.append((name, a, b, se, zval))

    se_sw = sw.get("provenance", {}).get("roi_mean_stderr", np_card["roi_mean_se"])
    add("roi_mean", np_card["roi_mean"], sw["roi_mean"], np_card["roi_mean_se"], se_sw)
    pl = (np_card["liquidation_probability"] * n + sw["liquidation_probability"] * swift_n) / (n + swift_n)
    add("liquidation_probability", np_card["liquidation_probability"], sw["liquidation_probability"],
        math.sqrt(pl * (1 - pl) / n), math.sqrt(pl * (1 - pl) / swift_n))
    for name in ("peg_deviation_frequency", "external_liquidity_floor_violations", "volatility_throttle_events",
                 "spread_adjustment_events", "deleverage_events"):
        # Counts: the Swift side's variance is taken as NumPy's scaled by the ratio
        # of the means (same dispersion index), which matters for rare events.
        se = np_card[name + "_se"]
        a, b = np_card[name], sw[name]
        se_b = se * math.sqrt(n / swift_n) * (math.sqrt(b / a) if a > 0 else 1.0)
        if a == 0 and b > 0:  # no NumPy events: Poisson s.e. of the Swift mean
            se_b = math.sqrt(b / swift_n)
        add(name, a, b, se, se_b)
    for k in ATTRIBUTION_TERMS:
        se = np_card["pnl_attribution_se"][k]
        add("pnl_attribution." + k, np_card["pnl_attribution"][k], sw["pnl_attribution"][k], se,
            se * math.sqrt(n / swift_n))
    print(f"{'statistic':38s} {'numpy':>16s} {'swift':>16s} {'s.e.(diff)':>12s} {'diff/s.e.':>10s}")
    for name, a, b, se, zval in rows:
        print(f"{name:38s} {a:16.8g} {b:16.8g} {se:12.4g} {zval:10.2f}")
    for name in ("roi_p05", "roi_p95", "max_drawdown_p95"):
        print(f"{name:38s} {np_card[name]:16.8g} {sw[name]:16.8g} {'(quantile)':>12s} {'':>10s}")
    pairs = [(a, b) for _, a, b, _, _ in rows] + [(np_card[k], sw[k]) for k in ("roi_p05", "roi_p95", "max_drawdown_p95")]
    rel = max((abs(a - b) / max(abs(a), abs(b)) if a != b else 0.0) for a, b in pairs)
    print(f"largest |diff|/s.e. = {worst:.2f}   largest relative difference = {rel:.3g} "
          f"(over all means and quantiles)")
    return worst, rel


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scenario", nargs="?", default="crash_40pct_external_asset",
                    help="scenario name (config/scenarios/NAME.json) or a .json path")
    ap.add_argument("--config", default=os.path.join(root, "config"), help="config folder (policy + scenarios)")
    ap.add_argument("--policy", help="policy JSON (default: CONFIG/capital-efficiency-policy.json)")
    ap.add_argument("--schema", help="a saved `capscript schema --format json` (default: ask --swift-bin)")
    ap.add_argument("--paths", type=int, help="paths (overrides the scenario)")
    ap.add_argument("--epochs", type=int, help="epochs (overrides the scenario)")
    ap.add_argument("--seed", type=int, help="seed (overrides the scenario)")
    ap.add_argument("--rng", choices=("numpy", "philox"), default="numpy")
    ap.add_argument("--repeats", type=int, default=3, help="timed repetitions; the best is reported")
    ap.add_argument("--swift-bin", help="capscript binary: run the same scenario and compare the statistics")
    ap.add_argument("--swift-json", help="or: a saved `capscript run --format json` scorecard to compare with")
    ap.add_argument("--max-z", type=float, default=4.0, help="exit 1 if any |diff|/s.e. is above this")
    ap.add_argument("--max-rel", type=float, default=1e-12,
                    help="with --rng philox: exit 1 if any statistic differs from Swift's by more than this, relatively")
    args = ap.parse_args()

    if args.scenario.endswith(".json"):
        scen_path, args.scenario_name = args.scenario, args.scenario
    else:
        scen_path = os.path.join(args.config, "scenarios", args.scenario + ".json")
        args.scenario_name = args.scenario
    policy_path = args.policy or os.path.join(args.config, "capital-efficiency-policy.json")
    with open(scen_path, encoding="utf-8") as f:
        scenario = json.load(f)
    with open(policy_path, encoding="utf-8") as f:
        policy = json.load(f)
    m = Model(scenario, policy, Schema.load(args.swift_bin, args.schema), args.paths, args.epochs, args.seed)

    # No separate warm-up run (NumPy has no JIT); taking the best of the repeats
    # discards the first run's page faults, as the Swift bench's best-of-3 does.
    if args.rng == "philox":
        PhiloxNormals.self_test()
        PhiloxNormals.self_test_normals(m.seed)
        print("philox self-test: Random123 known answers ok; vectorised ziggurat = scalar transcription, bit for bit")

    best = math.inf
    result = None
    for _ in range(max(1, args.repeats)):
        start = time.perf_counter()
        result = simulate(m, args.rng)
        best = min(best, time.perf_counter() - start)
    ns = best * 1e9 / (m.paths * m.epochs)
    print(f"numpy rng={args.rng} threads=1 paths={m.paths} epochs={m.epochs} ns_per_path_epoch={ns:.2f}")

    g = result["rng"]
    if args.rng == "philox":
        print(f"ziggurat: {g.slow_lanes / g.draws:.3%} of draws left the fast path, {g.tail_tries} tail attempts, "
              f"{g.far_words} words read beyond block 1")
    card = scorecard(m, result)
    print(f"numpy roi_mean={card['roi_mean']:.8g} (s.e. {card['roi_mean_se']:.3g}) "
          f"liquidation_probability={card['liquidation_probability']:.6g}")
    sw = swift_scorecard(args, m)
    if sw is None:
        return 0
    se_sw = sw.get("provenance", {}).get("roi_mean_stderr", float("nan"))
    print(f"swift roi_mean={sw['roi_mean']:.8g} (s.e. {se_sw:.3g}) "
          f"liquidation_probability={sw['liquidation_probability']:.6g}")
    worst, rel = compare(card, sw, m)
    if worst > args.max_z:
        print(f"DISAGREE: a statistic differs by more than {args.max_z} standard errors", file=sys.stderr)
        return 1
    if args.rng == "philox" and rel > args.max_rel:
        print(f"NOT EXACT: with --rng philox a statistic differs from Swift by {rel:.3g} relative "
              f"(more than {args.max_rel:g})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

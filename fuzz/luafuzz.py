#!/usr/bin/env python3
"""Random Lua scripts over the whole cap API, run through the capscript binary.

The API is read from the editor stub (editor/cap.lua), which the EditorStub
test regenerates from the one API table (Sources/ScriptHost/API/CapAPI.swift):
every function, method, field and shock constructor there is called, so a new
binding is fuzzed without touching this file. Each script calls them with
values of their declared types, of the wrong types and hostile ones (NaN,
huge numbers, cyclic and deep tables, long strings), each call in a pcall.

Each script runs as `capscript --sandbox --timeout 1 --max-memory 64M --out
TMP s.lua`. Exit 0 or 1 is an outcome; a signal, any other status, or a trap
message ("Fatal error", an unprotected Lua error, a sanitizer report) is a
crash; a process alive after --hang seconds is a hang. Offending scripts are
kept in OUT/crashes and OUT/hangs.

    fuzz/luafuzz.py --binary .build/release/capscript --count 20000 --jobs 2 --out /tmp/luafuzz
"""

import argparse
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time


def load_api(stub):
    """Classes (fields and methods), module functions and shock constructors from the stub."""
    classes, functions, shocks = {}, [], []
    local_class, current, params = {}, None, []
    for line in open(stub, encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r"---@class ([\w.]+)", line)
        if m:
            current = m.group(1)
            classes.setdefault(current, {"fields": [], "methods": []})
            continue
        m = re.match(r"---@field (\w+)(\??) (.*)", line)
        if m and current:
            name, rest = m.group(1), m.group(3)
            ftype = rest.split(" ")[0]
            if current == "cap.shock" and rest.startswith("fun("):
                shocks.append(name)
            else:
                classes[current]["fields"].append((name, ftype))
            continue
        m = re.match(r"local (\w+) = \{\}", line)
        if m and current:
            local_class[m.group(1)] = current
            continue
        m = re.match(r"---@param (\w+)(\??) (\S+)", line)
        if m:
            params.append((m.group(1), m.group(3), m.group(2) == "?"))
            continue
        m = re.match(r"function (\w+)([.:])(\w+)\(", line)
        if m:
            owner, sep, name = m.groups()
            if owner == "cap":
                functions.append((name, params))
            elif owner in local_class:
                classes[local_class[owner]]["methods"].append((name, params))
            params = []
            continue
        if not line.startswith("---"):
            params = []
    return classes, functions, shocks


SCENARIOS = ["crash_40pct_external_asset", "high_vol_sigma_spike", "bank_run_redemption_spike",
             "leverage_sweep_1x_to_4x", "hub_only_11", "bridge_shock_137_56", "chain138_deployed_capital_efficiency"]
NUMBERS = ["0", "1", "-1", "0.5", "2", "3", "1.5", "4", "100", "1e308", "-1e308", "0/0", "math.huge", "-math.huge",
           "2^53", "2^63", "-2^63", "math.maxinteger", "math.mininteger", "1e-300", "365", "0.999", "-0.0", "7"]
STRINGS = ['""', '"x"', '"table"', '"json"', '"csv"', '"markdown"', '"roi_mean"', '"pnl"', '"liquidated"',
           '"gates"', '"roi_mean:rse<0.5"', '"liquidation_probability:rse<0.1"', '"../x.json"', '"/etc/passwd"',
           '"out.json"', '"out.csv"', '"r.html"', '"sub/dir/out.md"', '"%s%d%%"', '("a"):rep(5000)', '"\\0\\1\\255"',
           '"leverage"', '"capitalEfficiency.leverage"', '"paths"', '"nonexistent"']


class Generator:
    """One random script."""

    def __init__(self, api, rng):
        self.classes, self.functions, self.shocks = api
        self.rng = rng
        self.fields = [n for n, _ in self.classes.get("cap.ScenarioFields", {}).get("fields", [])]
        self.vars = {"cap.Scenario": ["V.s"], "cap.Result": [], "cap.Sweep": [], "cap.SweepResult": [],
                     "cap.Candidate": [], "table": []}
        self.lines = []
        self.n = 0

    def small(self):
        r = self.rng.random()
        if r < 0.85:
            return str(self.rng.randint(1, 64))
        return self.rng.choice(NUMBERS)

    def number(self):
        if self.rng.random() < 0.5:
            return str(round(self.rng.uniform(-2, 5), 3))
        return self.rng.choice(NUMBERS)

    def string(self):
        if self.rng.random() < 0.3:
            return '"%s"' % self.rng.choice(SCENARIOS)
        return self.rng.choice(STRINGS)

    def field_value(self, name):
        if name in ("paths", "epochs", "epochsPerYear"):
            return self.small()
        if name == "shocks":
            return "{ %s }" % ", ".join(self.shock() for _ in range(self.rng.randint(0, 2)))
        if name == "seed":
            return str(self.rng.randint(0, 2**31))
        if self.rng.random() < 0.1:
            return self.any(depth=2)
        return self.number()

    def shock(self):
        name = self.rng.choice(self.shocks) if self.shocks else "asset_crash"
        fields = ", ".join("%s = %s" % (k, self.number() if k != "at" else self.small())
                           for k in self.rng.sample(["at", "drop", "level", "add", "factor", "delta", "epochs",
                                                     "p", "from", "to", "amount", "chains", "token"],
                                                    self.rng.randint(0, 4)))
        return "cap.shock.%s{ %s }" % (name, fields)

    def fields_table(self):
        keys = self.rng.sample(self.fields, min(len(self.fields), self.rng.randint(0, 4)))
        keys += ["paths", "epochs"] if self.rng.random() < 0.9 else []
        return "{ %s }" % ", ".join("%s = %s" % (k, self.field_value(k)) for k in dict.fromkeys(keys))

    def any(self, depth=0):
        r = self.rng.random()
        if r < 0.15:
            return self.number()
        if r < 0.3:
            return self.string()
        if r < 0.4:
            return self.rng.choice(["nil", "true", "false", "print", "cap", "V", "function() end"])
        if r < 0.5 and depth < 3:
            return "{ %s }" % ", ".join(self.any(depth + 1) for _ in range(self.rng.randint(0, 3)))
        if r < 0.6 and depth < 3:
            return "{ %s = %s }" % (self.rng.choice(self.fields or ["x"]), self.any(depth + 1))
        if r < 0.65:
            return "V.cyclic"
        if r < 0.7:
            return "V.deep"
        kinds = [k for k, v in self.vars.items() if v]
        return self.rng.choice(self.vars[self.rng.choice(kinds)])

    def value(self, ptype, name=""):
        if self.rng.random() < 0.12:
            return self.any()
        options = ptype.split("|")
        t = self.rng.choice(options)
        if t in self.vars and self.vars[t]:
            return self.rng.choice(self.vars[t])
        if t.startswith("cap.ScenarioFields") or (t.startswith("table") and name in ("fields", "name_or_table")):
            if name == "name_or_table":
                return '{ name = "fz", capitalEfficiency = {}, paths = %s, epochs = %s }' % (self.small(), self.small())
            return self.fields_table()
        if t == "string":
            if name in ("path",):
                return self.rng.choice(['"o%d.json"' % self.n, '"o%d.csv"' % self.n, '"o%d.md"' % self.n,
                                        '"o%d.html"' % self.n, '"d/o%d.txt"' % self.n, '"../o.json"'])
            if name == "name_or_table":
                return '"%s"' % self.rng.choice(SCENARIOS)
            return self.string()
        if t in ("number",):
            return self.number()
        if t in ("integer", "integer?"):
            return self.small()
        if t.startswith("{") or t == "table":
            return self.options(t, name)
        return self.any()

    def options(self, t, name):
        keys = re.findall(r"(\w+)\?:", t)
        if name == "spec":
            return self.sweep_spec()
        picked = self.rng.sample(keys, min(len(keys), self.rng.randint(0, 3))) if keys else []
        # Full-size runs only stop at the timeout: most runs are kept small.
        if "paths" in keys and "paths" not in picked and self.rng.random() < 0.9:
            picked.append("paths")
        if "precision" in picked and "max_paths" not in picked and self.rng.random() < 0.9:
            picked.append("max_paths")
        parts = []
        for k in picked:
            if k in ("threads",):
                parts.append("threads = %s" % self.rng.choice(["1", "2", "0", "-1", "1e9", "0/0"]))
            elif k in ("paths", "max_paths"):
                parts.append("%s = %s" % (k, self.small()))
            elif k == "bands":
                parts.append("bands = %s" % self.rng.choice(["true", "false", self.small()]))
            elif k == "precision":
                parts.append("precision = %s" % self.rng.choice(['"roi_mean:rse<0.5"', '"gates"', '{"x"}', '"bad"']))
            elif k == "names":
                parts.append('names = { "%s" }' % self.rng.choice(SCENARIOS))
            else:
                parts.append("%s = %s" % (k, self.any(depth=2)))
        return "{ %s }" % ", ".join(parts)

    def sweep_spec(self):
        field = self.rng.choice(["leverage", "allocation", "capital", "yieldRate", "sigma0"])
        kind = self.rng.random()
        if kind < 0.5:
            design = "grid = { %s = { %s } }" % (field, ", ".join(self.number() for _ in range(self.rng.randint(0, 4))))
        elif kind < 0.8:
            design = "%s = { %s = { %s, %s } }, samples = %s" % (
                self.rng.choice(["random", "latinHypercube"]), field, self.number(), self.number(), self.small())
        else:
            design = "grid = %s" % self.any(depth=2)
        extra = self.rng.choice(["", ", halving = true, initialPaths = %s" % self.small(), ", seed = 3",
                                 ", journal = \"sweeps\"", ", journal = \"sweeps\", resume = true"])
        return "{ base = %s, %s%s }" % (self.value("cap.Scenario"), design, extra)

    def call(self):
        """One statement: a module function, a method, a field read or write, or a conversion."""
        r = self.rng.random()
        self.n += 1
        target = None
        if r < 0.45 and self.functions:
            name, params = self.rng.choice(self.functions)
            args = self.args(params)
            expr = "cap.%s(%s)" % (name, args)
            target = {"scenario": "cap.Scenario", "run": "cap.Result", "sweep": "cap.Sweep",
                      "calibrate": "cap.Scenario", "policy": "table"}.get(name)
        elif r < 0.75:
            cls = self.rng.choice([c for c in self.vars if c.startswith("cap.") and self.vars[c]] or ["cap.Scenario"])
            obj = self.rng.choice(self.vars[cls])
            methods = self.classes.get(cls, {}).get("methods", [])
            if methods and self.rng.random() < 0.6:
                name, params = self.rng.choice(methods)
                expr = "%s:%s(%s)" % (obj, name, self.args(params))
                target = {"with": "cap.Scenario", "run": "cap.SweepResult", "best": "cap.Candidate"}.get(name)
            else:
                fields = self.classes.get(cls, {}).get("fields", []) or [("x", "any")]
                fname, ftype = self.rng.choice(fields)
                if self.rng.random() < 0.15:
                    self.lines.append("pcall(function() %s.%s = %s end)" % (obj, fname, self.any(depth=2)))
                    return
                expr = "%s.%s" % (obj, fname)
                target = ftype.rstrip("?") if ftype.rstrip("?") in self.vars else None
        elif r < 0.85:
            expr = "%s(%s)" % (self.rng.choice(["tostring", "print", "type", "#", "pairs"]), self.any())
            expr = expr.replace("#(", "#(")
            if expr.startswith("pairs("):
                expr = "(function() for k, v in pairs(%s) do end end)()" % self.any()
        elif r < 0.92:
            expr = "%s.%s" % (self.rng.choice(["cap.shock", "cap"]), self.rng.choice(self.shocks + ["version", "x"]))
            expr = "%s(%s)" % (expr, self.any(depth=1)) if self.rng.random() < 0.7 else expr
        else:
            expr = self.shock()
        var = "V.v%d" % self.n
        self.lines.append("%s = select(2, pcall(function() return %s end))" % (var, expr))
        if target in self.vars:
            self.vars[target].append(var)

    def args(self, params):
        out = []
        for name, ptype, optional in params:
            if optional and self.rng.random() < 0.4:
                break
            out.append(self.value(ptype, name))
        if self.rng.random() < 0.05:
            out.append(self.any())
        return ", ".join(out)

    def script(self, statements):
        head = [
            "local V = {}",
            "V.cyclic = {}; V.cyclic.a = V.cyclic",
            "V.deep = {}; do local t = V.deep; for i = 1, 40 do t.a = {}; t = t.a end end",
            'V.s = cap.scenario("%s"):with{ paths = %d }' % (self.rng.choice(SCENARIOS), self.rng.randint(1, 64)),
            "pcall(function() V.s = V.s:with{ epochs = %d } end)" % self.rng.randint(1, 40),
        ]
        # A result and a sweep result for the methods to work on, in a third of the scripts (runs cost time).
        if self.rng.random() < 0.33:
            head.append("V.r = select(2, pcall(cap.run, V.s))")
            head.append("V.sr = select(2, pcall(function() return cap.sweep{ base = V.s, grid = { leverage = { 1, 2 } } }"
                        ":run() end))")
            self.vars["cap.Result"].append("V.r")
            self.vars["cap.SweepResult"].append("V.sr")
        for _ in range(statements):
            self.call()
        return "\n".join(head + self.lines) + "\n"


def run_one(args, api, index):
    """Generates script `index`, runs it; returns (index, outcome, detail)."""
    rng = random.Random(args.seed * 1_000_003 + index)
    text = Generator(api, rng).script(rng.randint(3, args.statements))
    work = tempfile.mkdtemp(prefix="luafuzz-")
    try:
        path = os.path.join(work, "s.lua")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        cmd = [args.binary, "--sandbox", "--timeout", "1", "--max-memory", "64M", "--out", os.path.join(work, "out"),
               path]
        try:
            p = subprocess.run(cmd, cwd=args.root, capture_output=True, timeout=args.hang)
        except subprocess.TimeoutExpired:
            return index, "hang", text
        err = p.stderr.decode("utf-8", "replace")
        trap = re.search(r"Fatal error|unprotected Lua error|AddressSanitizer|ThreadSanitizer|runtime error:", err)
        if p.returncode < 0 or p.returncode not in (0, 1) or trap:
            return index, "crash", text + "\n--[[ status %d\n%s\n]]\n" % (p.returncode, err[-4000:])
        return index, "ok" if p.returncode == 0 else "error", ""
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--binary", default=os.path.join(root, ".build/release/capscript"))
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--statements", type=int, default=8, help="most statements per script")
    parser.add_argument("--hang", type=float, default=30.0, help="seconds after which a script is a hang")
    parser.add_argument("--out", default=None, help="folder for crashing and hanging scripts")
    parser.add_argument("--root", default=root, help="folder the scripts run in (finds config/)")
    parser.add_argument("--print", action="store_true", help="print script 0 and exit")
    args = parser.parse_args()
    api = load_api(os.path.join(root, "editor/cap.lua"))
    if not api[1]:
        sys.exit("no functions found in editor/cap.lua")
    if args.print:
        print(Generator(api, random.Random(args.seed)).script(args.statements), end="")
        return
    out = args.out or tempfile.mkdtemp(prefix="luafuzz-out-")
    counts = {"ok": 0, "error": 0, "crash": 0, "hang": 0}
    start = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_one, args, api, i) for i in range(args.count)]
        for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
            index, outcome, detail = future.result()
            counts[outcome] += 1
            if outcome in ("crash", "hang"):
                folder = os.path.join(out, outcome + "es" if outcome == "crash" else outcome + "s")
                os.makedirs(folder, exist_ok=True)
                with open(os.path.join(folder, "script-%d-%d.lua" % (args.seed, index)), "w") as f:
                    f.write(detail)
                print("%s: script %d (seed %d) kept in %s" % (outcome, index, args.seed, folder), flush=True)
            if done % 1000 == 0:
                print("%d scripts, %.0f s: %s" % (done, time.time() - start, counts), flush=True)
    print("luafuzz: %d scripts (seed %d) in %.0f s: exit 0: %d, exit 1: %d, crashes: %d, hangs: %d" % (
        args.count, args.seed, time.time() - start, counts["ok"], counts["error"], counts["crash"], counts["hang"]))
    sys.exit(1 if counts["crash"] or counts["hang"] else 0)


if __name__ == "__main__":
    main()

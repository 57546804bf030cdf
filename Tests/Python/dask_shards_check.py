"""capscript shards on a Dask LocalCluster (issue 15), run by the end-to-end
test DaskShardTests with CAPSCRIPT_BIN and PYTHONPATH=python set:

0. the driver's LocalCluster (``local_cluster``) passes its quiet settings
   to its two worker processes;
1. a scenario in 8 shards on those workers merges to the bytes of the
   single-process run;
2. one worker killed (SIGKILL) while it runs a shard: the run still merges to
   those bytes;
3. a sweep of 21 candidates in 4 candidate slices ranks exactly as the local
   sweep, and driving it again runs no candidate again.

Prints one "NAME ok" line per check; exits 1 on a failed check, 2 without Dask.
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time

try:
    import dask
    from distributed import Client
except ImportError:
    print("dask[distributed] is not installed (./setup.sh installs it)", file=sys.stderr)
    sys.exit(2)

from capscript_dask import local_cluster, run_shards, sweep_shards

BIN = os.environ["CAPSCRIPT_BIN"]
FAILED = []


def capscript(*arguments):
    done = subprocess.run([BIN] + list(arguments), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError("capscript %s: %s" % (" ".join(arguments), done.stderr))
    return done.stdout


def check(name, ok, detail=""):
    print("%s %s%s" % (name, "ok" if ok else "FAILED", "" if ok else ": " + detail))
    if not ok:
        FAILED.append(name)


def shard_journal_sizes(folder):
    """Each candidate slice's journal folder with the sizes of its journal and contributions."""
    return sorted(
        (d, [os.path.getsize(os.path.join(folder, d, "dask_sweep_21" + ext)) for ext in (".jsonl", ".contributions")])
        for d in os.listdir(folder)
    )


SWEEP = """{
  "name": "dask_sweep_21", "mode": "optimizer", "paths": 200, "epochs": 60, "seed": 7,
  "pmm": {"mode": "parametric"},
  "capitalEfficiency": {"capital": 10000000, "allocation": 0.6, "leverage": 1.0},
  "shocks": [{"type": "asset_crash", "from": 5, "to": 50, "p": 0.2, "drop": 0.3}],
  "sweep": {"grid": {"leverage": [1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0], "allocation": [0.4, 0.6, 0.8]}}
}
"""


def main():
    work = tempfile.mkdtemp(prefix="capscript-dask-")
    cluster = local_cluster(2, processes=True)
    client = Client(cluster)
    try:
        quiet = client.run(lambda: (dask.config.get("distributed.worker.profile.enabled"),
                                    dask.config.get("distributed.admin.tick.interval")))
        check("worker_processes_run_quiet", len(quiet) == 2 and set(quiet.values()) == {(False, "1s")},
              "%s" % quiet)
        args = ["--paths", "2000", "--epochs", "90"]
        single = capscript("run", "crash_40pct_external_asset", "--format", "json", "--quiet", *args)
        merged = run_shards(client, "crash_40pct_external_asset", 8, work + "/a", arguments=args,
                            binary=BIN, quiet=True)
        check("eight_shards_merge_to_single_process_bytes", merged + "\n" == single)

        args = ["--paths", "2400", "--epochs", "90", "--seed", "11"]
        single = capscript("run", "crash_40pct_external_asset", "--format", "json", "--quiet", *args)
        killed = []

        def kill_a_busy_worker(done, total):
            if killed or done >= total:
                return
            for _ in range(200):
                busy = [w for w, keys in client.processing().items() if keys]
                if busy:
                    pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                    os.kill(pid, signal.SIGKILL)
                    killed.append((pid, done, total))
                    return
                time.sleep(0.01)

        merged = run_shards(client, "crash_40pct_external_asset", 8, work + "/b", arguments=args,
                            binary=BIN, quiet=True, on_finished=kill_a_busy_worker)
        check("killed_worker_still_merges_to_single_process_bytes",
              bool(killed) and merged + "\n" == single, "killed %s" % killed)

        path = work + "/dask_sweep_21.json"
        with open(path, "w") as f:
            f.write(SWEEP)
        local = capscript("run", path, "--out", work + "/local", "--format", "json", "--quiet")
        ranked = sweep_shards(client, path, 4, work + "/c", binary=BIN, quiet=True)
        contributions = work + "/c/sweeps/dask_sweep_21.shards"
        # A candidate evaluated again would append its contributions: the sizes would grow.
        sizes = shard_journal_sizes(contributions)
        again = sweep_shards(client, path, 4, work + "/c", binary=BIN, quiet=True)
        order = [(c["leverage"], c["allocation"]) for c in json.loads(local)["candidates"]]
        order_dask = [(c["leverage"], c["allocation"]) for c in json.loads(ranked)["candidates"]]
        check("sweep_of_21_candidates_ranks_as_the_local_sweep",
              ranked + "\n" == local and order == order_dask and len(order) == 21 and len(sizes) == 4,
              "%s vs %s" % (order_dask, order))
        sizes_again = shard_journal_sizes(contributions)
        check("driving_a_finished_sweep_again_runs_nothing", again == ranked and sizes == sizes_again,
              "%s vs %s" % (sizes, sizes_again))
    finally:
        client.close()
        cluster.close()
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())

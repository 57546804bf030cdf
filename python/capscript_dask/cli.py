"""``capscript-dask run|sweep NAME --shards N [--scheduler ADDR] [-- capscript options]``."""

import argparse
import os
import sys

from .driver import local_cluster, run_shards, sweep_shards
from .tasks import ShardFailed


def parser():
    p = argparse.ArgumentParser(
        prog="capscript-dask",
        description="Run capscript shards on a Dask cluster (a LocalCluster by default); "
        "the output is the single-process one, byte for byte (docs/SHARDS.md).",
        epilog="Options after -- go to every `capscript run` (e.g. -- --paths 1000000 --config DIR).",
    )
    sub = p.add_subparsers(dest="command", required=True)
    for name, text in (
        ("run", "a scenario's paths in N shards, merged by `capscript merge`"),
        ("sweep", "a sweep's first-round candidates in N slices, ranked by a resumed sweep"),
    ):
        s = sub.add_parser(name, help=text)
        s.add_argument("scenario", help="scenario name or .json path, as for `capscript run`")
        s.add_argument("--shards", type=int, required=True, help="how many tasks (N of --shard K/N)")
        s.add_argument("--out", default="out", help="folder shared by the workers (default: out)")
        s.add_argument("--scheduler", help="a Dask scheduler address (default: a LocalCluster)")
        s.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                       help="LocalCluster task slots (default: the cores)")
        s.add_argument("--processes", action="store_true",
                       help="LocalCluster: one worker process per slot (default: threads of one worker; "
                       "each task is a capscript subprocess either way)")
        s.add_argument("--threads", type=int, default=1,
                       help="capscript threads per task (default 1: one task per worker thread)")
        s.add_argument("--retries", type=int, default=2, help="retries of a failed task (default 2)")
        s.add_argument("--format", default="json", choices=["table", "json", "csv", "markdown"])
        s.add_argument("--capscript", help="the capscript binary on the workers (default: $CAPSCRIPT_BIN or PATH)")
        s.add_argument("--quiet", action="store_true", help="no progress bar")
    return p


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    rest = argv[argv.index("--") + 1:] if "--" in argv else []
    args = parser().parse_args(argv[: len(argv) - len(rest) - 1] if "--" in argv else argv)
    if args.shards < 1:
        print("capscript-dask: --shards must be at least 1, got %d" % args.shards, file=sys.stderr)
        return 64
    from distributed import Client

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        # A task only waits on its capscript subprocess, so threads of one worker run them in parallel
        # without starting a Python process per slot; --processes isolates them.
        cluster = local_cluster(args.workers, processes=args.processes)
        client = Client(cluster)
    drive = run_shards if args.command == "run" else sweep_shards
    try:
        text = drive(client, args.scenario, args.shards, args.out, arguments=rest,
                     binary=args.capscript, threads=args.threads, retries=args.retries,
                     output_format=args.format, quiet=args.quiet)
    except ShardFailed as e:
        print("capscript-dask: %s" % e, file=sys.stderr)
        return 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    sys.stdout.write(text + "\n")
    return 0


def entry():
    """The ``capscript-dask`` command: ``main``, then an exit that skips the
    interpreter's teardown of the modules Dask loaded (about 0.4 s on the
    2-core development machine, docs/SHARDS.md). By then the output is
    flushed and the cluster closed, so nothing is left to clean up.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)

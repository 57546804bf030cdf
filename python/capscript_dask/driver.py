"""Submit capscript shards to a Dask client and join their results."""

import os
import shutil

import dask
from distributed import LocalCluster, as_completed

from .progress import Progress
from .tasks import ShardFailed, run_capscript


# A task only waits on its capscript subprocess, so the cluster's own periodic work is
# overhead that competes with the shards for the cores: the worker's stack profiler
# (every 10 ms), the event-loop tick (20 ms), the memory and system monitors and work
# stealing (100-500 ms). Together they cost about 40 ms of CPU per second on the
# 2-core development machine; with these settings, 6 ms (docs/SHARDS.md).
QUIET_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "1s",
    "distributed.scheduler.work-stealing": False,
}


def local_cluster(workers, processes=False):
    """A LocalCluster with ``workers`` task slots and no dashboard, quiet
    between tasks (``QUIET_CLUSTER``): threads of one in-process worker (a
    task only waits on its subprocess), or with ``processes`` one
    single-threaded worker process per slot.
    """
    # The scheduler serves its health routes over HTTP even without a dashboard: on a free
    # port, not on 8787 with a warning when another cluster holds it.
    options = dict(dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"})
    with dask.config.set(QUIET_CLUSTER):
        if processes:
            return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, **options)
        return LocalCluster(n_workers=1, threads_per_worker=workers, processes=False, **options)


def find_binary(binary=None):
    """The capscript binary: ``binary``, else $CAPSCRIPT_BIN, else ``capscript`` on PATH."""
    found = binary or os.environ.get("CAPSCRIPT_BIN") or shutil.which("capscript")
    if not found:
        raise ShardFailed(
            "no capscript binary: give --capscript PATH or set CAPSCRIPT_BIN"
        )
    return found


def config_arguments(arguments):
    """The ``--config DIR`` among ``arguments`` (merge needs the run's config folder)."""
    out = []
    for i, a in enumerate(arguments):
        if a == "--config" and i + 1 < len(arguments):
            out = ["--config", arguments[i + 1]]
        elif a.startswith("--config="):
            out = [a]
    return out


def _drive(client, binary, label, commands, retries, quiet, on_finished):
    """Submits one task per command (in one message), waits for all and
    returns their outputs in order."""
    futures = client.map(
        run_capscript,
        [binary] * len(commands),
        commands,
        key=["capscript-%s-%d-of-%d" % (label, k + 1, len(commands)) for k in range(len(commands))],
        retries=retries,
        pure=False,
    )
    index = {f.key: k for k, f in enumerate(futures)}
    outputs = [None] * len(futures)
    progress = Progress(label, len(futures), quiet=quiet)
    for future in as_completed(futures):
        outputs[index[future.key]] = future.result()  # raises ShardFailed after the retries
        progress.step()
        if on_finished is not None:
            on_finished(progress.done, len(futures))
    return outputs


def _shard_commands(scenario, mode, shards, out, threads, arguments):
    """The ``capscript`` arguments of shards 1...``shards``: ``run SCENARIO
    MODE --shard K/N --out OUT --quiet --threads T ARGUMENTS``."""
    return [
        ["run", scenario] + mode + ["--shard", "%d/%d" % (k, shards), "--out", out, "--quiet",
                                    "--threads", str(threads)] + arguments
        for k in range(1, shards + 1)
    ]


def run_shards(
    client,
    scenario,
    shards,
    out,
    arguments=(),
    binary=None,
    threads=1,
    retries=2,
    output_format="json",
    quiet=False,
    on_finished=None,
):
    """Runs ``scenario`` as ``shards`` shards on ``client`` (one task each,
    ``capscript run SCENARIO --shard K/N --out OUT ARGUMENTS``), then
    ``capscript merge`` on the shard files; returns the merged scorecard text,
    the single-process run's bytes. ``out`` must be a folder every worker and
    this process see (a shared file system). ``on_finished(done, total)`` is
    called after each task.
    """
    binary = find_binary(binary)
    out = os.path.abspath(out)
    arguments = list(arguments)
    commands = _shard_commands(scenario, [], shards, out, threads, arguments)
    files = _drive(client, binary, scenario, commands, retries, quiet, on_finished)
    return run_capscript(
        binary,
        ["merge"] + files + ["--format", output_format, "--out", out, "--quiet"]
        + config_arguments(arguments),
    )


def sweep_shards(
    client,
    scenario,
    shards,
    out,
    arguments=(),
    binary=None,
    threads=1,
    retries=2,
    output_format="json",
    quiet=False,
    on_finished=None,
):
    """Evaluates the first round of ``scenario``'s sweep as ``shards``
    candidate slices on ``client`` (``capscript run SCENARIO --optimizer
    --shard K/N --out OUT``), then resumes the sweep in ``out`` here, which
    takes the slices' journals into the sweep journal and runs what remains
    (later halving rounds); returns the ranking text, the local sweep's bytes.
    A driver stopped midway resumes: finished candidates are journaled and not
    run again.
    """
    binary = find_binary(binary)
    out = os.path.abspath(out)
    arguments = list(arguments)
    commands = _shard_commands(scenario, ["--optimizer"], shards, out, threads, arguments)
    _drive(client, binary, "sweep-" + scenario, commands, retries, quiet, on_finished)
    return run_capscript(
        binary,
        ["run", scenario, "--optimizer", "--resume", "--out", out, "--format", output_format,
         "--quiet"] + arguments,
    )

"""Submit capscript shards to a Dask client and join their results."""

import os
import shutil

from distributed import as_completed

from .progress import Progress
from .tasks import ShardFailed, run_capscript


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
    """Submits one task per command, waits for all and returns their outputs in order."""
    futures = [
        client.submit(
            run_capscript,
            binary,
            command,
            key="capscript-%s-%d-of-%d" % (label, k + 1, len(commands)),
            retries=retries,
            pure=False,
        )
        for k, command in enumerate(commands)
    ]
    index = {f.key: k for k, f in enumerate(futures)}
    outputs = [None] * len(futures)
    progress = Progress(label, len(futures), quiet=quiet)
    for future in as_completed(futures):
        outputs[index[future.key]] = future.result()  # raises ShardFailed after the retries
        progress.step()
        if on_finished is not None:
            on_finished(progress.done, len(futures))
    return outputs


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
    commands = [
        ["run", scenario, "--shard", "%d/%d" % (k, shards), "--out", out, "--quiet",
         "--threads", str(threads)] + arguments
        for k in range(1, shards + 1)
    ]
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
    commands = [
        ["run", scenario, "--optimizer", "--shard", "%d/%d" % (k, shards), "--out", out,
         "--quiet", "--threads", str(threads)] + arguments
        for k in range(1, shards + 1)
    ]
    _drive(client, binary, "sweep-" + scenario, commands, retries, quiet, on_finished)
    return run_capscript(
        binary,
        ["run", scenario, "--optimizer", "--resume", "--out", out, "--format", output_format,
         "--quiet"] + arguments,
    )

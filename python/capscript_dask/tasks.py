"""The task every worker runs: the capscript binary as a subprocess."""

import subprocess


class ShardFailed(RuntimeError):
    """A capscript subprocess that ended with a non-zero status."""


def run_capscript(binary, arguments, cwd=None):
    """Runs ``binary arguments`` and returns its stdout (the shard file or the
    journal folder it wrote); raises ShardFailed with its stderr otherwise.

    A shard is written whole or not at all under a content-addressed name, and
    a finished shard is not run again, so running this task twice (a retry, a
    worker lost midway) is safe and gives the same file.
    """
    done = subprocess.run(
        [binary] + list(arguments), cwd=cwd, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise ShardFailed(
            "%s %s exited with %d:\n%s"
            % (binary, " ".join(arguments), done.returncode, done.stderr.strip())
        )
    return done.stdout.strip()

"""A one-line progress bar on stderr (redrawn in place on a terminal)."""

import sys
import time


class Progress:
    """Counts finished tasks out of ``total``; silent when ``quiet``."""

    def __init__(self, label, total, quiet=False, stream=sys.stderr):
        self.label = label
        self.total = total
        self.done = 0
        self.quiet = quiet
        self.stream = stream
        self.start = time.monotonic()
        self.tty = stream.isatty()
        self._draw()

    def step(self):
        self.done += 1
        self._draw()

    def _draw(self):
        if self.quiet:
            return
        width = 30
        filled = width * self.done // max(self.total, 1)
        line = "%s [%s%s] %d/%d tasks, %.1f s" % (
            self.label,
            "#" * filled,
            "." * (width - filled),
            self.done,
            self.total,
            time.monotonic() - self.start,
        )
        if self.tty:
            self.stream.write("\r" + line + ("\n" if self.done == self.total else ""))
        elif self.done in (0, self.total) or self.done % max(1, self.total // 10) == 0:
            self.stream.write(line + "\n")
        self.stream.flush()

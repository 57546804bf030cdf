"""Drive capscript's shard contract (docs/SHARDS.md) on a Dask cluster.

One Dask task per shard (or per candidate slice of a sweep), each running the
capscript binary as a subprocess on its worker; the results are joined by
``capscript merge`` (runs) or by a resumed sweep (sweeps), so the output is
byte for byte the single-process one.
"""

from .driver import local_cluster, run_shards, sweep_shards
from .tasks import ShardFailed

__all__ = ["ShardFailed", "local_cluster", "run_shards", "sweep_shards"]

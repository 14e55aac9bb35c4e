"""Reference optimum of a matching benchmark instance with scipy's dense assignment (LAPJV).

Reads the instance bench/matching.ts wrote: int32 n, m, then m capacities (places left), then
the n x m score matrix (int32, row-major; 0 = the pair is not allowed). Mentor places become
columns, so the matrix is n x places; scipy.optimize.linear_sum_assignment maximises the total,
a 0 cell being the same as staying alone. Prints one JSON line: build and solve times, the
total, the mentees matched on allowed pairs, the process's peak memory.
Run by the benchmark only when scipy is importable; nothing is installed.
"""
import json
import resource
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

path = sys.argv[1]
t0 = time.perf_counter()
raw = np.fromfile(path, dtype=np.int32)
n, m = int(raw[0]), int(raw[1])
capacity = raw[2 : 2 + m]
scores = raw[2 + m :].reshape(n, m)
columns = np.repeat(np.arange(m), capacity)
matrix = scores[:, columns].astype(np.float64)
t1 = time.perf_counter()
rows, cols = linear_sum_assignment(matrix, maximize=True)
t2 = time.perf_counter()
picked = matrix[rows, cols]
print(json.dumps({
    "build_ms": (t1 - t0) * 1000,
    "solve_ms": (t2 - t1) * 1000,
    "total": int(picked.sum()),
    "matched": int((picked > 0).sum()),
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))

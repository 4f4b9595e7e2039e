"""Seeded embedding files for bench/drift/embeddings.sh: ROWS x DIM vectors as JSON lines ({"id", "embedding"}),
reference ~ N(0.3, 1) per dimension, current the same with +0.1 on the first 64 dimensions (a small shift)."""
import io
import sys

import numpy as np


def write(path, rows, dim, seed, shift):
    rng = np.random.default_rng(seed)
    with open(path, "w", encoding="utf-8") as out:
        for start in range(0, rows, 2000):
            n = min(2000, rows - start)
            block = rng.normal(0.3, 1.0, size=(n, dim)).astype(np.float32)
            block[:, :64] += shift
            text = io.StringIO()
            np.savetxt(text, block, fmt="%.4f", delimiter=",")
            for i, line in enumerate(text.getvalue().splitlines()):
                out.write('{"id":%d,"embedding":[%s]}\n' % (start + i, line))


if __name__ == "__main__":
    folder, rows, dim = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    write(f"{folder}/reference.jsonl", rows, dim, 1, 0.0)
    write(f"{folder}/current.jsonl", rows, dim, 2, 0.1)

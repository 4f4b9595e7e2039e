#!/usr/bin/env python3
"""Writes the drift-check benchmark data: reference.csv and current.csv, ROWS rows by 20 columns
(10 numeric, 10 categorical), seeded. Some columns drift in the current file, most do not.

usage: generate.py OUT_DIR [ROWS]
"""
import os
import sys

import numpy as np
import pandas as pd

LEVELS = [3, 5, 8, 12, 20, 30, 50, 2, 7, 100]


def frame(rows, rng, drift):
    data = {}
    for i in range(10):
        shift = 0.25 if drift and i in (0, 3) else 0.0
        scale = 1.3 if drift and i == 6 else 1.0
        kind = i % 3
        if kind == 0:
            values = rng.normal(50 + 10 * shift, 10 * scale, rows)
        elif kind == 1:
            values = rng.lognormal(3 + shift, 0.5 * scale, rows)
        else:
            values = rng.gamma(2.0 + shift, 3.0 * scale, rows)
        data[f"num_{i}"] = np.round(values, 4)
    for i, k in enumerate(LEVELS):
        weights = 1.0 / np.arange(1, k + 1)
        if drift and i in (1, 4):
            weights = weights[::-1]
        weights = weights / weights.sum()
        names = np.array([f"cat{i}_level_{j}" for j in range(k)])
        data[f"cat_{i}"] = names[rng.choice(k, size=rows, p=weights)]
    return pd.DataFrame(data)


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    os.makedirs(out, exist_ok=True)
    frame(rows, np.random.default_rng(20240601), drift=False).to_csv(os.path.join(out, "reference.csv"), index=False)
    frame(rows, np.random.default_rng(20240602), drift=True).to_csv(os.path.join(out, "current.csv"), index=False)


if __name__ == "__main__":
    main()

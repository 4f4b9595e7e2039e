#!/usr/bin/env python3
"""Checks that drift-check (its --drift-json output) and pandas_scipy.py computed the same statistics.

usage: check_same.py DRIFT.json PANDAS.json
"""
import json
import math
import sys

PAIRS = {
    "numeric": ["ks_statistic", "ks_p_value", "wasserstein_norm", "psi"],
    "categorical": ["chi_square_p_value", "jensen_shannon"],
}


def close(a, b):
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


def main():
    drift = {c["name"]: c for c in json.load(open(sys.argv[1]))["columns"]}
    reference = json.load(open(sys.argv[2]))
    bad = 0
    for name, expected in reference.items():
        metrics = drift[name]["metrics"]
        for key in PAIRS[expected["kind"]]:
            ours = metrics.get(key)
            if ours is None and key == "chi_square_p_value":
                ours = metrics.get("z_p_value")
            ok = close(ours, expected[key])
            bad += not ok
            print(f"{'ok ' if ok else 'BAD'} {name:24} {key:20} drift-check {ours!r:24} scipy {expected[key]!r}")
    print(f"{bad} mismatches")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

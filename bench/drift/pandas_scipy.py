#!/usr/bin/env python3
"""The per-column work of drift-check done with pandas, scipy and numpy, for the benchmark and its sanity check.

usage: pandas_scipy.py REFERENCE.csv CURRENT.csv [OUT.json]

For every column both files share: missing rates; numeric columns (float/int dtype, more than 10 distinct values):
scipy.stats.ks_2samp (method='auto'), scipy.stats.wasserstein_distance divided by the reference's np.std, and PSI on
10 reference-decile bins (numpy, empty bins floored at 1e-4); other columns: value counts, scipy.stats.chi2_contingency
on the 2 x k table (without continuity correction, so two categories give the z-test) and the Jensen-Shannon distance in base 2 (scipy.spatial.distance.jensenshannon). Writes the
statistics as JSON so that bench.sh can check drift-check computed the same numbers.
"""
import json
import sys

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial.distance import jensenshannon


def psi(ref, cur, bins=10, eps=1e-4):
    edges = np.unique(np.quantile(ref, np.arange(1, bins) / bins))
    r = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=len(edges) + 1) / len(ref)
    c = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=len(edges) + 1) / len(cur)
    r = np.where(r == 0, eps, r)
    c = np.where(c == 0, eps, c)
    return float(np.sum((r - c) * np.log(r / c)))


def main():
    reference = pd.read_csv(sys.argv[1])
    current = pd.read_csv(sys.argv[2])
    out = {}
    for name in reference.columns:
        if name not in current.columns:
            continue
        r, c = reference[name], current[name]
        row = {"missing_reference": float(r.isna().mean()), "missing_current": float(c.isna().mean())}
        r, c = r.dropna(), c.dropna()
        if pd.api.types.is_numeric_dtype(r) and r.nunique() > 10:
            rv, cv = r.to_numpy(dtype=float), c.to_numpy(dtype=float)
            ks = stats.ks_2samp(rv, cv)
            row.update(kind="numeric", ks_statistic=float(ks.statistic), ks_p_value=float(ks.pvalue),
                       wasserstein_norm=float(stats.wasserstein_distance(rv, cv) / np.std(rv)), psi=psi(rv, cv))
        else:
            counts = pd.concat([r.value_counts(), c.value_counts()], axis=1).fillna(0).to_numpy().T
            # no continuity correction: for two categories this is the z-test drift-check runs
            chi2, p, dof, _ = stats.chi2_contingency(counts, correction=False)
            row.update(kind="categorical", chi_square_p_value=float(p), categories=int(counts.shape[1]),
                       jensen_shannon=float(jensenshannon(counts[0], counts[1], base=2)))
        out[name] = row
    if len(sys.argv) > 3:
        with open(sys.argv[3], "w") as f:
            json.dump(out, f, indent=1)
    print(f"{len(out)} columns compared")


if __name__ == "__main__":
    main()

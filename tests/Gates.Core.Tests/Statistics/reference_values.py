"""Reference values for the statistics tests (Gates.Core.Tests/Statistics).

The C# tests hard-code the numbers this script prints; they do not need Python. To recompute, on Debian 12:
    apt-get install python3-scipy python3-numpy python3-statsmodels
    /usr/bin/python3 tests/Gates.Core.Tests/Statistics/reference_values.py
Versions used: scipy 1.10.1, numpy 1.24.2, statsmodels 0.13.5.
"""
import numpy as np
from scipy import stats
from scipy.optimize import brentq
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.multitest import multipletests


def show(label, *values):
    print(label, " ".join(repr(float(v)) for v in values))


print("# Wilson: statsmodels proportion_confint(method='wilson')")
for k, n, level in [(172, 200, 0.95), (14, 200, 0.95), (0, 10, 0.95), (10, 10, 0.95), (1, 1, 0.95),
                    (0, 1, 0.95), (5, 37, 0.90), (999, 1000, 0.99)]:
    show(f"wilson {k} {n} {level}", *proportion_confint(k, n, alpha=1 - level, method="wilson"))

print("# Clopper-Pearson: statsmodels proportion_confint(method='beta'); scipy binomtest(...).proportion_ci('exact')")
for k, n, level in [(172, 200, 0.95), (14, 200, 0.95), (0, 10, 0.95), (10, 10, 0.95), (1, 1, 0.95),
                    (0, 1, 0.95), (5, 37, 0.90), (1, 100000, 0.95), (999, 1000, 0.99),
                    (1, 100000000, 0.95), (2, 10000000, 0.99), (99999999, 100000000, 0.95)]:
    low, high = proportion_confint(k, n, alpha=1 - level, method="beta")
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=level, method="exact")
    assert abs(low - ci.low) < 1e-12 and abs(high - ci.high) < 1e-12
    show(f"clopper {k} {n} {level}", low, high)

print("# Student t: scipy.stats.t.interval(level, n - 1, loc=mean, scale=sd / sqrt(n))")
for mean, sd, n, level in [(0.72, 0.31, 50, 0.95), (10.0, 2.0, 2, 0.95), (-3.5, 12.25, 1000, 0.99)]:
    show(f"student {mean} {sd} {n} {level}", *stats.t.interval(level, n - 1, loc=mean, scale=sd / np.sqrt(n)))

values = [0.9, 0.75, 1.0, 0.6, 0.85, 0.95, 0.7, 0.8]
m, s = np.mean(values), np.std(values, ddof=1)
show("student values mean sd", m, s)
show("student values 0.95", *stats.t.interval(0.95, len(values) - 1, loc=m, scale=s / np.sqrt(len(values))))

print("# Normal: scipy.stats.norm.interval(level, loc=value, scale=stderr)")
for value, se, level in [(0.5, 0.1, 0.95), (0.5, 0.1, 0.8)]:
    show(f"normal {value} {se} {level}", *stats.norm.interval(level, loc=value, scale=se))

print("# Linear quantile: numpy.quantile(x, p) (method='linear', the default)")
x = sorted([3.0, 1.0, 4.0, 1.5, 9.0, 2.6, 5.0])
for p in [0.0, 0.025, 0.1, 0.5, 0.9, 0.975, 1.0]:
    show(f"quantile {p}", np.quantile(x, p))

print("# McNemar p: statsmodels mcnemar([[a, b], [c, d]], exact=..., correction=True).pvalue;"
      " exact also scipy.stats.binomtest(b, b + c, 0.5).pvalue")
for b, c in [(1, 7), (0, 5), (3, 3), (10, 14), (0, 24), (12, 13), (20, 40), (150, 86), (30, 30), (5, 200)]:
    exact = b + c < 25
    p = mcnemar([[100, b], [c, 100]], exact=exact, correction=True).pvalue
    if exact:
        assert abs(p - stats.binomtest(b, b + c, 0.5).pvalue) < 1e-15
    else:
        chi2 = (abs(b - c) - 1) ** 2 / (b + c)
        assert abs(p - stats.chi2.sf(chi2, 1)) < 1e-15 * max(1, p)
    show(f"mcnemar {b} {c} {'exact' if exact else 'chi2'}", p)


def tango(b, c, n, level):
    """Tango (1998) score interval for (c - b) / n, solved with scipy brentq (the C# code uses bisection)."""
    z = stats.norm.ppf(1 - (1 - level) / 2)

    def score(d):
        v = (b + c) - d * (2 * n - c + b)
        q = (v + np.sqrt(max(0.0, v * v + 8 * n * b * d * (1 - d)))) / (4 * n)
        var = n * (2 * q + d * (1 - d))
        num = c - b - n * d
        return num / np.sqrt(var) if var > 0 else (0.0 if num == 0 else np.sign(num) * np.inf)

    eps = 1e-13
    low = -1.0 if (c == 0 and b == n) else brentq(lambda d: score(d) - z, -1 + eps, 1 - eps, xtol=1e-15, rtol=1e-15)
    high = 1.0 if c == n else brentq(lambda d: score(d) + z, -1 + eps, 1 - eps, xtol=1e-15, rtol=1e-15)
    # Property of the score statistic: at d = 0 it is McNemar's uncorrected z = (c - b) / sqrt(b + c).
    if b + c > 0:
        assert abs(score(0.0) - (c - b) / np.sqrt(b + c)) < 1e-12
    return low, high


print("# Tango score interval for current - baseline: independent Python/scipy brentq implementation")
for b, c, n, level in [(7, 1, 21, 0.95), (1, 7, 21, 0.95), (40, 20, 160, 0.95), (0, 0, 50, 0.95), (0, 0, 1, 0.95),
                       (86, 150, 1600, 0.95), (0, 10, 10, 0.95), (10, 0, 10, 0.95), (3, 9, 200, 0.90)]:
    show(f"tango {b} {c} {n} {level}", *tango(b, c, n, level))

print("# Benjamini-Hochberg: statsmodels multipletests(p, method='fdr_bh')")
pv = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9, 0.0001]
reject, adjusted, _, _ = multipletests(pv, alpha=0.05, method="fdr_bh")
show("bh adjusted", *adjusted)
print("bh reject 0.05", list(reject))
reject10, _, _, _ = multipletests(pv, alpha=0.10, method="fdr_bh")
print("bh reject 0.10", list(reject10))
show("bh capped", *multipletests([0.5, 0.9, 0.95], method="fdr_bh")[1])
print("# Holm: statsmodels multipletests(p, method='holm')")
show("holm adjusted", *multipletests(pv, alpha=0.05, method="holm")[1])
print("holm reject 0.05", list(multipletests(pv, alpha=0.05, method="holm")[0]))
show("holm small", *multipletests([0.01, 0.04, 0.03, 0.005], method="holm")[1])

print("# Sample sizes (normal approximation; z from scipy.stats.norm.ppf)")
z = lambda level: stats.norm.ppf(1 - (1 - level) / 2)
for p, t, level in [(0.86, 0.85, 0.95), (0.07, 0.08, 0.95), (0.5, 0.4, 0.99)]:
    print(f"forproportion {p} {t} {level}", int(np.ceil(z(level) ** 2 * p * (1 - p) / (p - t) ** 2)))
for sd, margin, level in [(0.3, 0.05, 0.95), (12.0, 1.5, 0.9)]:
    print(f"formean {sd} {margin} {level}", int(np.ceil((z(level) * sd / margin) ** 2)))
for psi, delta, level, power in [(0.06, 0.02, 0.95, 0.8), (0.10, 0.02, 0.95, 0.8), (0.2, -0.05, 0.99, 0.9)]:
    root = z(level) * np.sqrt(psi) + stats.norm.ppf(power) * np.sqrt(psi - delta ** 2)
    print(f"forpaired {psi} {delta} {level} {power}", int(np.ceil(root ** 2 / delta ** 2)))

print("# Minimum detectable effect: (z(1-a/2) + z(power)) * sqrt(p(1-p)/n)")
for p, n, level, power in [(0.86, 200, 0.95, 0.8), (0.5, 1000, 0.95, 0.9), (0.02, 5000, 0.99, 0.8)]:
    show(f"mde {p} {n} {level} {power}", (z(level) + stats.norm.ppf(power)) * np.sqrt(p * (1 - p) / n))

print("# A/B experiments (Gates.Core.Statistics.Experiments)")
# Two-proportion z-test, pooled, two-sided: treatment 330/3000 against control 630/7000.
x1, n1, x2, n2 = 330, 3000, 630, 7000
pooled = (x1 + x2) / (n1 + n2)
z = (x1 / n1 - x2 / n2) / np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
show("two-proportion z, p", z, 2 * stats.norm.sf(abs(z)))


def per_arm(pc, pt, alpha, power, share):
    """Fleiss, Levin and Paik (no continuity correction); k = n_control / n_treatment."""
    k = (1 - share) / share
    pbar = (pt + k * pc) / (1 + k)
    root = stats.norm.ppf(1 - alpha / 2) * np.sqrt(pbar * (1 - pbar) * (1 + 1 / k)) \
        + stats.norm.ppf(power) * np.sqrt(pt * (1 - pt) + pc * (1 - pc) / k)
    nt = np.ceil(root ** 2 / (pt - pc) ** 2)
    return np.ceil(nt * k), nt


def power_at(pc, pt, nc, nt, alpha):
    pbar = (pt * nt + pc * nc) / (nt + nc)
    se0 = np.sqrt(pbar * (1 - pbar) * (1 / nt + 1 / nc))
    se1 = np.sqrt(pt * (1 - pt) / nt + pc * (1 - pc) / nc)
    return stats.norm.cdf((abs(pt - pc) - stats.norm.ppf(1 - alpha / 2) * se0) / se1)


for share in (0.5, 0.3):
    nc, nt = per_arm(0.10, 0.12, 0.05, 0.8, share)
    # the planned size reaches the power, one treatment unit fewer does not
    show(f"planned 0.10 vs 0.12 share {share}: control, treatment, power, power with one fewer", nc, nt,
         power_at(0.10, 0.12, nc, nt, 0.05), power_at(0.10, 0.12, nc, nt - 1, 0.05))

# Delta-method variance of a ratio of sums over units (y, x).
units = np.array([(2, 4), (1, 2), (3, 5), (0, 1), (4, 6)], dtype=float)
y, x = units[:, 0], units[:, 1]
r = y.sum() / x.sum()
cov = np.cov(y, x, ddof=1)
show("delta-method ratio, variance", r, (cov[0, 0] - 2 * r * cov[0, 1] + r * r * cov[1, 1]) / (len(y) * x.mean() ** 2))

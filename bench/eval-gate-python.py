"""The plain Python loop eval-gate is compared with: read a per-item JSONL file line by line with json.loads,
flatten nested objects with dots, and keep count, mean and standard deviation (Welford) of every number or boolean,
plus the file's sha256. No gates, no report: a lower bound on what a Python reader costs.
Usage: python3 bench/eval-gate-python.py FILE"""
import hashlib
import json
import math
import sys


def flatten(prefix, obj, out):
    for key, value in obj.items():
        name = prefix + key
        if isinstance(value, dict):
            flatten(name + ".", value, out)
        else:
            out.append((name, value))


def main(path):
    stats = {}
    digest = hashlib.sha256()
    lines = 0
    with open(path, "rb") as f:
        for raw in f:
            digest.update(raw)
            if not raw.strip():
                continue
            lines += 1
            fields = []
            flatten("", json.loads(raw), fields)
            for name, value in fields:
                if isinstance(value, bool):
                    value = 1.0 if value else 0.0
                elif not isinstance(value, (int, float)):
                    continue
                n, mean, m2 = stats.get(name, (0, 0.0, 0.0))
                n += 1
                delta = value - mean
                mean += delta / n
                m2 += delta * (value - mean)
                stats[name] = (n, mean, m2)
    for name, (n, mean, m2) in stats.items():
        sd = math.sqrt(m2 / (n - 1)) if n > 1 else float("nan")
        print(f"{name}: n={n} mean={mean:.6g} sd={sd:.6g}")
    print(f"{lines} items, sha256 {digest.hexdigest()}")


if __name__ == "__main__":
    main(sys.argv[1])

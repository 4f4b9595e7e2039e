#!/usr/bin/env python3
"""Writes the drift-check samples: loan applications of a made-up lender, seeded, Python standard library only.

    python3 generate.py            (writes next to this script)

reference.csv        2,000 applications the model was trained on
current-ok.csv         800 recent applications from the same population (no drift)
current-drift.csv      800 applications after a marketing push in Brazil: more BR applicants, higher incomes,
                       a new acquisition channel, and the web form leaving employment_years empty more often
current-drift.jsonl    the same rows as JSON lines
current-small.csv       40 applications from one day (too few to tell a small shift from noise)
"""
import csv
import json
import math
import os
import random
from datetime import datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ["application_id", "submitted_at", "age", "income", "loan_amount", "employment_years", "country", "channel",
           "has_coapplicant", "purpose"]


def pick(rng, weights):
    u = rng.random() * sum(weights.values())
    for key, weight in weights.items():
        u -= weight
        if u < 0:
            return key
    return key


def rows(n, seed, start_id, start_time, drift=False):
    rng = random.Random(seed)
    countries = {"US": 55, "DE": 15, "GB": 12, "FR": 8, "BR": 4, "IN": 6}
    channels = {"web": 50, "app": 30, "partner": 15, "branch": 5}
    purposes = {"car": 30, "home improvement": 25, "debt consolidation": 30, "education": 10, "medical": 5}
    if drift:
        countries = {"US": 40, "DE": 12, "GB": 10, "FR": 7, "BR": 25, "IN": 6}
        channels = {"web": 40, "app": 25, "partner": 10, "branch": 5, "influencer": 20}
    out = []
    for i in range(n):
        age = max(18, min(80, int(rng.gauss(41, 12))))
        income = math.exp(rng.gauss(10.9 + (0.25 if drift else 0), 0.45))
        loan = round(income * rng.uniform(0.1, 0.6), -2)
        employment = "" if rng.random() < (0.25 if drift else 0.03) else str(max(0, min(age - 18, int(rng.expovariate(1 / 7)))))
        when = start_time + timedelta(minutes=rng.uniform(0, 60 * 24 * (28 if n > 100 else 1)))
        out.append({
            "application_id": f"A{start_id + i:07d}",
            "submitted_at": when.strftime("%Y-%m-%d %H:%M:%S"),
            "age": age,
            "income": f"{income:.2f}",
            "loan_amount": f"{loan:.0f}",
            "employment_years": employment,
            "country": pick(rng, countries),
            "channel": pick(rng, channels),
            "has_coapplicant": "yes" if rng.random() < 0.3 else "no",
            "purpose": pick(rng, purposes),
        })
    return out


def write_csv(name, data):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)


def main():
    write_csv("reference.csv", rows(2000, 1, 1, datetime(2024, 1, 1)))
    write_csv("current-ok.csv", rows(800, 2, 100001, datetime(2024, 5, 1)))
    drifted = rows(800, 3, 200001, datetime(2024, 6, 1), drift=True)
    write_csv("current-drift.csv", drifted)
    with open(os.path.join(HERE, "current-drift.jsonl"), "w") as f:
        for row in drifted:
            row = dict(row, age=int(row["age"]), income=float(row["income"]), loan_amount=float(row["loan_amount"]),
                       employment_years=int(row["employment_years"]) if row["employment_years"] else None)
            f.write(json.dumps(row) + "\n")
    write_csv("current-small.csv", rows(40, 4, 300001, datetime(2024, 7, 1)))


if __name__ == "__main__":
    main()

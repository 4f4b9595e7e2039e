"""Generates the per-item sample files (items-baseline.jsonl, items-candidate.jsonl) deterministically.

The candidate answers the same 600 questions as the baseline: it fixes some items and breaks fewer,
so the paired comparison (McNemar) can tell a small real improvement from noise.
Run: python3 samples/eval/generate_items.py
"""
import json
import os
import random

rng = random.Random(20261122)
here = os.path.dirname(os.path.abspath(__file__))
topics = ["billing", "login", "refunds", "shipping", "privacy", "api"]

with open(os.path.join(here, "items-baseline.jsonl"), "w") as base, open(os.path.join(here, "items-candidate.jsonl"), "w") as cand:
    for i in range(1, 601):
        item_id = f"q-{i:04d}"
        topic = topics[i % len(topics)]
        grounded = rng.random() < 0.88
        hallucinated = (not grounded) and rng.random() < 0.5
        relevancy = round(min(1.0, max(0.0, rng.gauss(0.78, 0.08))), 3)
        base.write(json.dumps({"id": item_id, "topic": topic, "grounded": grounded, "hallucinated": hallucinated, "relevancy": relevancy}) + "\n")
        # Candidate: fixes 40% of ungrounded items, breaks 2% of grounded ones; relevancy shifts a little.
        c_grounded = (rng.random() < 0.40) if not grounded else (rng.random() >= 0.02)
        c_hallucinated = (not c_grounded) and rng.random() < 0.5
        c_relevancy = round(min(1.0, max(0.0, relevancy + rng.gauss(0.01, 0.03))), 3)
        cand.write(json.dumps({"id": item_id, "topic": topic, "grounded": c_grounded, "hallucinated": c_hallucinated, "relevancy": c_relevancy}) + "\n")

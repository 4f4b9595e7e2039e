"""Seeded samples for the text and embedding sections of docs/drift-check.md (standard library only):
reviews-reference.csv / reviews-current.csv (customer reviews; the current month adds a new product line's words),
embeddings-reference.jsonl / embeddings-current.jsonl / embeddings-same.jsonl (16-dimensional vectors; the current
file is shifted by 0.5 in the first 8 dimensions, the "same" file is a fresh draw of the reference's distribution)."""
import json
import random

EVERYDAY = ("the parcel arrived late again and the driver was friendly but the box was damaged so I asked for a "
            "refund which came quickly great service would order again").split()
NEW_LINE = "smart speaker pairing failed bluetooth firmware update app crashes wifi setup voice assistant".split()


def reviews(path, seed, rows, extra):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("review_id,stars,review\n")
        for i in range(rows):
            words = [rng.choice(extra) if extra and rng.random() < 0.35 else rng.choice(EVERYDAY) for _ in range(rng.randint(6, 22))]
            out.write(f'{1000 + i},{rng.randint(1, 5)},"{" ".join(words).capitalize()}."\n')


def embeddings(path, seed, rows, shift):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for i in range(rows):
            vector = [round(rng.gauss(0.3 + (shift if j < 8 else 0.0), 1.0), 4) for j in range(16)]
            out.write(json.dumps({"doc_id": i, "embedding": vector}, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    reviews("reviews-reference.csv", 11, 600, [])
    reviews("reviews-current.csv", 12, 400, NEW_LINE)
    embeddings("embeddings-reference.jsonl", 21, 600, 0.0)
    embeddings("embeddings-current.jsonl", 22, 400, 0.5)
    embeddings("embeddings-same.jsonl", 23, 400, 0.0)

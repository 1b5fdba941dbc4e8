#!/usr/bin/python3
"""Row-by-row agreement of muscore's ratings.csv with the pandas peer's output.

    compare_ratings.py RATINGS.csv PEER.csv

Compares, for every input row (matched by its row number): the status (RATED, EXCLUDED,
INVALID), the class of a rated row, and its total score (equal to 1e-6, relative to the larger
of 1 and the score: the two print floating-point totals with different digits). Prints the
counts and the first disagreements; exits 0 only when every row agrees. Standard library only.
"""
import csv
import sys

MAX_SHOWN = 10


def rows(path, score_column):
    with open(path, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            yield r["row"], r["status"], r["class"], r[score_column]


def same_score(a, b):
    if a == "" or b == "":
        return a == b
    x, y = float(a), float(b)
    return abs(x - y) <= 1e-6 * max(1.0, abs(x), abs(y))


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    ours = {r[0]: r for r in rows(argv[1], "total")}
    peer = {r[0]: r for r in rows(argv[2], "total_score")}
    problems = []
    if ours.keys() != peer.keys():
        problems.append(f"row numbers differ: {len(ours.keys() - peer.keys())} only in ours, {len(peer.keys() - ours.keys())} only in the peer's")
    counts = {"status": 0, "class": 0, "score": 0}
    for row, (_, status, cls, score) in ours.items():
        if row not in peer:
            continue
        _, p_status, p_cls, p_score = peer[row]
        if status != p_status:
            counts["status"] += 1
            problems.append(f"row {row}: status {status} vs {p_status}")
            continue
        if status != "RATED":
            continue
        if cls != p_cls:
            counts["class"] += 1
            problems.append(f"row {row}: class {cls} vs {p_cls}")
        if not same_score(score, p_score):
            counts["score"] += 1
            problems.append(f"row {row}: total {score} vs {p_score}")
    rated = sum(1 for r in ours.values() if r[1] == "RATED")
    print(f"rows {len(ours)}, rated {rated}; disagreements: status {counts['status']}, class {counts['class']}, score {counts['score']}")
    for p in problems[:MAX_SHOWN]:
        print("  " + p)
    if len(problems) > MAX_SHOWN:
        print(f"  ... and {len(problems) - MAX_SHOWN} more")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

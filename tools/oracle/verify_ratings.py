#!/usr/bin/env python3
"""Independent oracle: recomputes a `muscore rate` run from docs/method.md and diffs its ratings.csv.

Usage: verify_ratings.py --input IN.csv --scheme SCHEME.json --year YYYY --region CODE|all
                         --ratings OUT/ratings.csv [--history H.csv ...]
Exit 0 when every row agrees, 1 on any mismatch.
"""
import argparse
import csv
import re
import sys
from decimal import ROUND_HALF_EVEN, Decimal

from oracle_classes import classify_pool, consecutive_d
from oracle_input import normalise_header, read_rows
from oracle_scheme import indicator_ids, load_scheme, scope
from oracle_scoring import round6, score_pool

RULES = ("blank_row|required|credit_code_format|credit_code_check|region_format|industry_format|"
         "scale_unknown|number_format|negative|out_of_range|boolean_unknown|date_invalid|"
         "land_not_positive|duplicate_credit_code|extra_cells")
PROBLEM_RE = re.compile(r"(?:^| \| )([a-z0-9_]*): (" + RULES + "): ")
RATED_ONLY = ["pool", "total", "rank", "pool_size", "percentile", "quota_rank", "quota_pool_size",
              "class", "override", "gap_to_next_class", "consecutive_d_years", "bonus", "penalty",
              "imputed_items"]


def load_history(paths):
    history = {}
    for path in paths:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            header = [normalise_header(h) for h in next(reader)]
            col = {name: header.index(name) for name in ("year", "region", "creditcode", "status", "class")}
            for cells in reader:
                if not any(c.strip() for c in cells):
                    continue
                key = (int(cells[col["year"]]), cells[col["region"]].strip(), cells[col["creditcode"]].strip())
                history[key] = (cells[col["status"]].strip().upper(), cells[col["class"]].strip().upper())
    return history


def exact6(value):
    """The output form of an exact decimal: half-to-even to 6 places."""
    return value.quantize(Decimal("0.000001"), rounding=ROUND_HALF_EVEN)


def expected_rows(args, scheme):
    rows = read_rows(args.input)
    history = load_history(args.history)
    pools = {}
    for r in rows:
        if r["problems"]:
            r["status"] = "INVALID"
            continue
        reasons, pool = scope(r["values"], scheme, args.year, args.region)
        r["status"], r["reasons"], r["pool"] = ("EXCLUDED", reasons, None) if reasons else ("RATED", [], pool)
        if pool is not None:
            pools.setdefault((r["values"]["region"], pool["id"]), (pool, []))[1].append(r)
    for pool, members in pools.values():
        score_pool(members, pool, scheme)
        classify_pool(members, scheme)
        for m in members:
            m["consecutive"] = consecutive_d(history, args.year, m["values"]["region"],
                                             m["values"]["credit_code"], m["class"])
    return rows


class Checker:
    def __init__(self):
        self.checked, self.mismatches, self.exact, self.near = 0, [], 0, 0

    def report(self, row, column, expected, actual):
        self.mismatches.append((row, column, expected, actual))

    def text(self, row, actual, column, expected):
        if actual.get(column, "") != expected:
            self.report(row, column, expected, actual.get(column, ""))

    def number(self, row, actual, column, expected):
        cell = actual.get(column, "")
        if expected is None:
            if cell != "":
                self.report(row, column, "", cell)
            return
        try:
            got = float(cell)
        except ValueError:
            self.report(row, column, repr(expected), cell)
            return
        # outputs are rounded to 6 decimals: one unit in the last place, plus double noise on big values
        if abs(got - expected) > 1.0000001e-6 + 1e-13 * abs(expected):
            self.report(row, column, repr(expected), cell)
        elif got == round6(expected):
            self.exact += 1
        else:
            self.near += 1

    def decimal(self, row, actual, column, expected):
        cell = actual.get(column, "")
        try:
            same = Decimal(cell) == exact6(expected)
        except ArithmeticError:
            same = False
        if not same:
            self.report(row, column, str(exact6(expected).normalize()), cell)


def compare(expected, actual_rows, scheme, year):
    check = Checker()
    ids = indicator_ids(scheme)
    by_row = {}
    for a in actual_rows:
        by_row.setdefault(a.get("row", ""), []).append(a)
    if len(actual_rows) != len(expected):
        check.report("-", "row count", str(len(expected)), str(len(actual_rows)))
    for r in expected:
        found = by_row.get(str(r["row"]), [])
        if len(found) != 1:
            check.report(r["row"], "row", "exactly one output row", f"{len(found)} rows")
            continue
        a, n = found[0], r["row"]
        check.checked += 1
        check.text(n, a, "status", r["status"])
        check.text(n, a, "year", str(year))
        if not r["blank"]:
            for col in ("credit_code", "region", "name"):
                check.text(n, a, col, r["cells"].get(col, ""))
        item_cols = [f"{i}_{k}" for i in ids for k in ("value", "benchmark", "score")]
        if r["status"] == "INVALID":
            want = sorted(set(r["problems"]))
            got = sorted(set(PROBLEM_RE.findall(a.get("reason", ""))))
            if want != got:
                check.report(n, "reason", "; ".join(f"{c}:{u}" for c, u in want),
                             "; ".join(f"{c}:{u}" for c, u in got))
        else:
            v = r["values"]
            check.text(n, a, "industry", v["industry"])
            check.text(n, a, "scale", v["scale"])
            check.decimal(n, a, "land_mu", v["land"])
            got = sorted(x for x in a.get("reason", "").split(" | ") if x)
            if sorted(r["reasons"]) != got:
                check.report(n, "reason", " | ".join(r["reasons"]), a.get("reason", ""))
        if r["status"] != "RATED":
            for col in RATED_ONLY + item_cols:
                check.text(n, a, col, "")
            continue
        check.text(n, a, "pool", r["pool"]["id"])
        check.number(n, a, "total", r["rounded"])
        for col, key in (("rank", "rank"), ("pool_size", "pool_size"), ("quota_pool_size", "quota_pool_size"),
                         ("consecutive_d_years", "consecutive")):
            check.text(n, a, col, str(r[key]))
        check.text(n, a, "quota_rank", str(r["quota_rank"]) if r["override"] == "" else "")
        check.number(n, a, "percentile", r["percentile"])
        check.text(n, a, "class", r["class"])
        check.text(n, a, "override", r["override"])
        check.number(n, a, "gap_to_next_class", r["gap"])
        check.decimal(n, a, "bonus", v["bonus_points"])
        check.decimal(n, a, "penalty", v["penalty_points"])
        imputed = [i for i in ids if i in r["items"] and r["items"][i][3]]
        got = sorted(x for x in a.get("imputed_items", "").split(";") if x)
        if sorted(imputed) != got:
            check.report(n, "imputed_items", ";".join(imputed), a.get("imputed_items", ""))
        for i in ids:
            value, bench, score, _ = r["items"].get(i, (None, None, None, False))
            check.number(n, a, f"{i}_value", value)
            check.number(n, a, f"{i}_benchmark", bench)
            check.number(n, a, f"{i}_score", score)
    return check


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True)
    parser.add_argument("--scheme", required=True)
    parser.add_argument("--year", required=True, type=int)
    parser.add_argument("--region", required=True)
    parser.add_argument("--ratings", required=True)
    parser.add_argument("--history", nargs="*", default=[], action="extend")
    args = parser.parse_args()
    scheme = load_scheme(args.scheme)
    expected = expected_rows(args, scheme)
    with open(args.ratings, newline="", encoding="utf-8-sig") as handle:
        actual = list(csv.DictReader(handle))
    check = compare(expected, actual, scheme, args.year)
    counts = {}
    for r in expected:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    print(f"expected: {', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}")
    print(f"numbers: {check.exact} equal to the 6-decimal rounding, {check.near} within tolerance only")
    print(f"checked {check.checked} rows: {len(check.mismatches)} mismatches")
    for row, column, want, got in check.mismatches[:20]:
        print(f"  row {row}, column {column}: expected {want!r}, actual {got!r}")
    return 1 if check.mismatches else 0


if __name__ == "__main__":
    sys.exit(main())

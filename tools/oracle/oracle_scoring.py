"""Item scores, benchmarks, imputation and totals of one region+pool (docs/method.md §4, §5, §10).

Values are float(num) / float(den) as C# double does; sums the spec wants exact are Fractions.
"""
import math
from fractions import Fraction

POLLUTANTS = ("cod", "nh3n", "so2", "nox")
OPERANDS = {
    "tax_per_mu": ("tax", "land"),
    "va_per_mu": ("value_added", "land"),
    "revenue_per_mu": ("revenue", "land"),
    "va_per_energy": ("value_added", "energy_tce"),
    "va_per_emission": ("value_added", None),
    "va_per_cod": ("value_added", "cod"),
    "va_per_water": ("value_added", "water"),
    "tax_per_kwh": ("tax", "electricity"),
    "tax_per_energy": ("tax", "energy_tce"),
    "labour_productivity": ("value_added", "employees"),
    "rd_intensity": ("rd", "revenue"),
}
ZERO_IS_MISSING = {"labour_productivity", "rd_intensity"}


def operands(values, indicator):
    """(numerator, denominator) as Decimals, or None when the item is missing."""
    num_field, den_field = OPERANDS[indicator]
    num = values.get(num_field)
    if den_field is None:
        parts = [values.get(p) for p in POLLUTANTS]
        den = None if any(p is None for p in parts) else sum(parts)
    else:
        den = values.get(den_field)
    if num is None or den is None:
        return None
    if indicator in ZERO_IS_MISSING and den == 0:
        return None
    return num, den


def round6(value):
    """C# Math.Round(double, 6, MidpointRounding.ToEven) as .NET implements it."""
    if abs(value) >= 1e16 or math.isnan(value):
        return value
    return float(round(value * 1e6)) / 1e6


def benchmark(item, pairs):
    if item["kind"] == "fixed":
        return float(item["value"])
    num = sum((Fraction(p[0]) for p in pairs if p is not None), Fraction(0))
    den = sum((Fraction(p[1]) for p in pairs if p is not None), Fraction(0))
    if den == 0:
        return None
    return float(num / den * Fraction(item["factor"]))


def ratio_score(pair, bench, weight, cap, floor):
    num, den = pair
    if den == 0:
        r = cap if num > 0 else 0.0
    else:
        x = float(num) / float(den)
        if bench < 0:
            r = 0.0
        elif bench == 0:
            r = cap if x > 0 else 0.0
        else:
            r = x / bench
    return weight * min(max(r, floor), cap)


def min_max_scores(pairs, weight):
    finite = [float(p[0]) / float(p[1]) for p in pairs if p is not None and p[1] != 0]
    low, high = (min(finite), max(finite)) if finite else (None, None)
    scores = []
    for pair in pairs:
        if pair is None:
            scores.append(None)
        elif pair[1] == 0:
            scores.append(weight if pair[0] > 0 else weight * 20 / 100)
        elif high == low:
            scores.append(weight)
        else:
            x = float(pair[0]) / float(pair[1])
            scores.append(weight * (20 + 80 * (x - low) / (high - low)) / 100)
    return scores


def score_pool(members, pool, scheme):
    """Fills member['items'] {id: (value, benchmark, score, imputed)}, 'total' and 'rounded'."""
    cap, floor = float(scheme["cap"]), float(scheme["floor"])
    for m in members:
        m["items"] = {}
    for item in pool["indicators"]:
        weight = float(item["weight"])
        pairs = [operands(m["values"], item["id"]) for m in members]
        if scheme["method"] == "min_max":
            bench = None
            scores = min_max_scores(pairs, weight)
        else:
            bench = benchmark(item, pairs)
            scores = [None if p is None else ratio_score(p, bench, weight, cap, floor) for p in pairs]
        present = [s for s in scores if s is not None]
        mean = float(sum((Fraction(s) for s in present), Fraction(0)) / len(present)) if present else 0.0
        for m, pair, s in zip(members, pairs, scores):
            value = None if pair is None or pair[1] == 0 else float(pair[0]) / float(pair[1])
            imputed = s is None
            m["items"][item["id"]] = (value, bench, mean if imputed else s, imputed)
    for m in members:
        total = 0.0
        for item in pool["indicators"]:
            total += m["items"][item["id"]][2]
        total += float(m["values"]["bonus_points"])
        total -= float(m["values"]["penalty_points"])
        m["total"] = total
        m["rounded"] = round6(total)
        m["tax_per_mu_exact"] = Fraction(m["values"]["tax"]) / Fraction(m["values"]["land"])

"""Ranks, overrides, classes, gaps and consecutive D years of one region+pool (docs/method.md §6, §10)."""
import math
from fractions import Fraction

from oracle_scoring import round6

NEXT_UP = {"B": "A", "C": "B", "D": "C"}


def override_of(values, scheme):
    if scheme["veto"] and (values["major_incident"] or values["fails_standards"]):
        return "veto"
    fai = values.get("fixed_asset_investment")
    if values["in_construction"] and fai is not None:
        if scheme["investment_a_min"] is not None and fai >= scheme["investment_a_min"]:
            return "investment_a"
        if scheme["protection_min"] is not None and fai >= scheme["protection_min"]:
            return "construction_protection"
    return ""


def quota_class(p, n, scheme):
    a, b, d = (Fraction(scheme[k]) for k in ("quota_a", "quota_b", "quota_d"))
    if p <= math.floor(n * a / 100):
        return "A"
    if p <= math.floor(n * (a + b) / 100):
        return "B"
    if p > n - math.floor(n * d / 100):
        return "D"
    return "C"


def threshold_class(total, scheme):
    for cls, key in (("A", "threshold_a"), ("B", "threshold_b"), ("C", "threshold_c")):
        if total >= float(scheme[key]):
            return cls
    return "D"


def classify_pool(members, scheme):
    """Fills rank, pool_size, percentile, quota_rank, quota_pool_size, class, override, gap."""
    members.sort(key=lambda m: (-m["rounded"], -m["tax_per_mu_exact"], m["values"]["credit_code"]))
    size = len(members)
    for rank, m in enumerate(members, start=1):
        m["rank"], m["pool_size"] = rank, size
        m["percentile"] = round6(100.0 * rank / size)
        m["override"] = override_of(m["values"], scheme)
    quota = [m for m in members if m["override"] == ""]
    n = len(quota)
    threshold = scheme["mode"] == "threshold"
    for p, m in enumerate(quota, start=1):
        m["quota_rank"] = p
        m["class"] = threshold_class(m["rounded"], scheme) if threshold else quota_class(p, n, scheme)
    if threshold:
        cut = {"A": float(scheme["threshold_a"]), "B": float(scheme["threshold_b"]),
               "C": float(scheme["threshold_c"]), "D": None}
    else:
        cut = {c: min((m["rounded"] for m in quota if m["class"] == c), default=None) for c in "ABCD"}
    for m in members:
        m["quota_pool_size"] = n
        if m["override"] == "veto":
            m["class"] = "D"
        elif m["override"] == "investment_a":
            m["class"] = "A"
        elif m["override"] == "construction_protection":
            if threshold:
                graded = threshold_class(m["rounded"], scheme)
            else:
                graded = next((c for c in "ABCD" if cut[c] is not None and m["rounded"] >= cut[c]), "C")
            m["class"] = "C" if graded == "D" else graded
        m["gap"] = None
        if m["override"] in ("veto", "investment_a") or m["class"] == "A":
            continue
        target = cut[NEXT_UP[m["class"]]]
        if target is not None:
            m["gap"] = round6(max(target - m["rounded"], 0.0))


def consecutive_d(history, year, region, code, cls):
    if cls != "D":
        return 0
    count, y = 1, year - 1
    while history.get((y, region, code)) == ("RATED", "D"):
        count += 1
        y -= 1
    return count

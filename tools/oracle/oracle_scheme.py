"""Loads a scheme JSON (docs/schemes.md) with exact decimals and decides scope and pool (docs/method.md §3, §10)."""
import datetime
import json
from decimal import Decimal

UTILITY_DEFAULT = [44, 45, 46]


def load_scheme(path):
    with open(path, "r", encoding="utf-8-sig") as handle:
        raw = json.load(handle, parse_float=Decimal, parse_int=Decimal)
    exclusions = raw.get("exclusions") or {}
    classification = raw.get("classification") or {}
    overrides = raw.get("overrides") or {}
    method = raw.get("method", "ratio")
    pools = []
    for p in raw["pools"]:
        indicators = []
        for item in p["indicators"]:
            bench = item.get("benchmark")
            if bench is None:
                bench = {"kind": "pool_aggregate", "factor": Decimal(1)}
            indicators.append({
                "id": item["indicator"],
                "weight": Decimal(item["weight"]),
                "kind": bench["kind"],
                "value": bench.get("value"),
                "factor": bench.get("factor", Decimal(1)),
            })
        divisions = p.get("divisions")
        pools.append({
            "id": p["id"],
            "scale": p.get("scale"),
            "min_land": p.get("min_land_mu"),
            "max_land": p.get("max_land_mu"),
            "divisions": None if divisions is None else {int(d) for d in divisions},
            "indicators": indicators,
        })
    return {
        "id": raw["id"],
        "version": raw["version"],
        "method": method,
        "cap": Decimal(raw.get("cap", 3)),
        "floor": Decimal(raw.get("floor", 0)),
        "utility": {int(d) for d in exclusions.get("utility_divisions", UTILITY_DEFAULT)},
        "min_years": int(exclusions.get("min_years_in_production", 1)),
        "below_min_land": exclusions.get("below_scale_min_land_mu", Decimal(3)),
        "pools": pools,
        "mode": classification.get("mode", "quota"),
        "quota_a": classification.get("quota_a", Decimal(20)),
        "quota_b": classification.get("quota_b", Decimal(40)),
        "quota_d": classification.get("quota_d", Decimal(5)),
        "threshold_a": classification.get("threshold_a"),
        "threshold_b": classification.get("threshold_b"),
        "threshold_c": classification.get("threshold_c"),
        "veto": overrides.get("veto", True),
        "investment_a_min": overrides.get("investment_a_min", Decimal(10000)),
        "protection_min": overrides.get("protection_min", Decimal(3000)),
    }


def indicator_ids(scheme):
    """Union of the pools' indicators in scheme order (the ratings.csv column order)."""
    seen = []
    for pool in scheme["pools"]:
        for item in pool["indicators"]:
            if item["id"] not in seen:
                seen.append(item["id"])
    return seen


def scope(values, scheme, year, region_filter):
    """Returns (reasons, pool) for a valid row: reasons empty and pool set when RATED."""
    if region_filter != "all" and values["region"] != region_filter:
        # docs/decisions.md: rows of other regions are EXCLUDED "with reason other_region", alone
        return ["other_region"], None
    reasons = []
    if values["division"] in scheme["utility"]:
        reasons.append("utility")
    n = scheme["min_years"]
    start = values.get("production_start")
    if n > 0 and start is not None and start > datetime.date(year - n + 1, 1, 1):
        reasons.append("in_production_under_min_years")
    limit = scheme["below_min_land"]
    if limit is not None and values["scale"] == "BELOW" and values["land"] < limit:
        reasons.append("below_scale_small_land")
    if reasons:
        return reasons, None
    for pool in scheme["pools"]:
        if pool["scale"] is not None and pool["scale"] != values["scale"]:
            continue
        if pool["min_land"] is not None and not values["land"] >= pool["min_land"]:
            continue
        if pool["max_land"] is not None and not values["land"] < pool["max_land"]:
            continue
        if pool["divisions"] is not None and values["division"] not in pool["divisions"]:
            continue
        return [], pool
    return ["no_pool"], None

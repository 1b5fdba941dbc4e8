"""Reads an input table and validates each row by docs/method.md §2 and §10 (independent of the C# code).

Only CSV is read (UTF-8 with or without BOM, else GB18030). Header names follow the table in
docs/input-format.md. Every row gets a list of (column, rule) problems; an empty list means valid.
"""
import datetime
import re
from decimal import Decimal, InvalidOperation, localcontext

FIELDS = [
    # (name, chinese, kind, required, aliases)
    ("credit_code", "统一社会信用代码", "text", True, ["信用代码", "社会信用代码", "creditcode", "uscc"]),
    ("name", "企业名称", "text", False, ["名称", "enterprise_name", "company"]),
    ("region", "行政区划代码", "text", True, ["区划代码", "region_code"]),
    ("industry", "国民经济行业代码", "text", True, ["行业代码", "industry_code"]),
    ("scale", "规模", "text", True, ["企业规模"]),
    ("land_own_mu", "自有土地面积", "number", False, ["自有用地", "land_own"]),
    ("land_leased_in_mu", "租入土地面积", "number", False, ["租入用地", "land_leased_in"]),
    ("land_leased_out_mu", "出租土地面积", "number", False, ["出租用地", "land_leased_out"]),
    ("tax", "实缴税金", "number", True, ["税收", "实缴税收"]),
    ("value_added", "工业增加值", "number", False, ["增加值"]),
    ("revenue", "营业收入", "number", False, ["主营业务收入"]),
    ("energy_tce", "综合能耗", "number", False, ["能耗", "energy"]),
    ("electricity", "用电量", "number", False, ["电耗"]),
    ("water", "用水量", "number", False, []),
    ("cod", "化学需氧量排放量", "number", False, ["化学需氧量", "cod排放量"]),
    ("nh3n", "氨氮排放量", "number", False, ["氨氮", "nh3_n"]),
    ("so2", "二氧化硫排放量", "number", False, ["二氧化硫"]),
    ("nox", "氮氧化物排放量", "number", False, ["氮氧化物"]),
    ("employees", "年平均职工人数", "number", False, ["职工人数", "从业人员"]),
    ("rd", "研发经费", "number", False, ["研发经费支出", "r&d"]),
    ("fixed_asset_investment", "固定资产投资", "number", False, ["fai"]),
    ("in_construction", "项目建设期", "boolean", False, ["是否建设期", "建设期"]),
    ("production_start", "投产日期", "date", False, ["投产时间"]),
    ("major_incident", "重大安全环保事故", "boolean", False, ["重大事故", "重大安全/环保事故"]),
    ("fails_standards", "能耗环保质量安全不达标", "boolean", False, ["不达标", "能耗/环保/质量/安全不达标"]),
    ("bonus_points", "加分", "number", False, ["加分项"]),
    ("penalty_points", "减分", "number", False, ["减分项", "扣分"]),
]
KIND = {f[0]: f[2] for f in FIELDS}
REQUIRED = [f[0] for f in FIELDS if f[3]]
ZERO_WHEN_BLANK = {"land_own_mu", "land_leased_in_mu", "land_leased_out_mu", "bonus_points", "penalty_points"}

CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
NUMBER_RE = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$", re.ASCII)
REGION_RE = re.compile(r"^[0-9]{6}$", re.ASCII)
INDUSTRY_RE = re.compile(r"^[A-Z]?([0-9]{2,4})$", re.ASCII)
DATE_SEP_RE = re.compile(r"^([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})$", re.ASCII)
DATE_COMPACT_RE = re.compile(r"^([0-9]{4})([0-9]{2})([0-9]{2})$", re.ASCII)
TRUE_WORDS = {"true", "1", "yes", "y", "是"}
FALSE_WORDS = {"false", "0", "no", "n", "否"}
SCALES = {"above": "ABOVE", "below": "BELOW", "规上": "ABOVE", "规下": "BELOW",
          "规模以上": "ABOVE", "规模以下": "BELOW"}
LIMIT = Decimal(10) ** 12


def normalise_header(text):
    text = text.strip().lstrip("\ufeff")
    opens = [i for i in (text.find("("), text.find("（")) if i >= 0]
    if opens and min(opens) > 0 and (text.endswith(")") or text.endswith("）")):
        text = text[:min(opens)]
    return "".join(c.lower() for c in text if not c.isspace() and c not in "_-")


HEADER_INDEX = {}
for _name, _zh, _kind, _req, _aliases in FIELDS:
    for _h in [_name, _zh] + _aliases:
        HEADER_INDEX[normalise_header(_h)] = _name


def decode(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def parse_csv(text, delimiter=None):
    """RFC 4180 records as lists of cells; CRLF, LF and lone CR end a record."""
    if delimiter is None:
        first = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
        delimiter = ","
        if "," not in first and ("\t" in first or ";" in first):
            delimiter = "\t" if first.count("\t") >= first.count(";") else ";"
    records, cells, cell, i, n = [], [], [], 0, len(text)
    at_cell_start, in_quotes, started = True, False, False
    while i < n:
        c = text[i]
        if in_quotes:
            if c == '"':
                if i + 1 < n and text[i + 1] == '"':
                    cell.append('"')
                    i += 1
                else:
                    in_quotes = False
            else:
                cell.append(c)
        elif c == '"' and at_cell_start:
            in_quotes, at_cell_start, started = True, False, True
        elif c == delimiter:
            cells.append("".join(cell))
            cell, at_cell_start, started = [], True, True
        elif c in "\r\n":
            cells.append("".join(cell))
            records.append(cells)
            cells, cell, at_cell_start, started = [], [], True, False
            if c == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
        else:
            cell.append(c)
            at_cell_start, started = False, True
        i += 1
    if in_quotes:
        raise ValueError("unclosed quote")
    if started or cell:
        cells.append("".join(cell))
        records.append(cells)
    return records


def is_blank(cells):
    return all(c.strip() == "" for c in cells)


def check_credit_code(code):
    if len(code) != 18 or any(c not in CODE_CHARS for c in code):
        return "credit_code_format"
    total = sum(CODE_CHARS.index(c) * w for c, w in zip(code[:17], CODE_WEIGHTS))
    expected = CODE_CHARS[(31 - total % 31) % 31]
    return None if code[17] == expected else "credit_code_check"


def parse_number(text):
    if not NUMBER_RE.match(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def parse_date(text):
    m = DATE_SEP_RE.match(text)
    parts = (m.group(1), m.group(3), m.group(4)) if m else None
    if parts is None:
        m = DATE_COMPACT_RE.match(text)
        parts = m.groups() if m else None
    if parts is None:
        return None
    try:
        return datetime.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def validate(cells):
    """Returns (values, problems) for one row's cells keyed by field name."""
    values, problems = {}, []
    for name in REQUIRED:
        if cells.get(name, "") == "":
            problems.append((name, "required"))
    code = cells.get("credit_code", "")
    if code:
        rule = check_credit_code(code)
        if rule:
            problems.append(("credit_code", rule))
    values["credit_code"] = code
    values["name"] = cells.get("name", "")
    region = cells.get("region", "")
    if region and not REGION_RE.match(region):
        problems.append(("region", "region_format"))
    values["region"] = region
    industry = cells.get("industry", "")
    m = INDUSTRY_RE.match(industry)
    if industry and not m:
        problems.append(("industry", "industry_format"))
    values["industry"] = industry
    values["division"] = int(m.group(1)[:2]) if m else None
    scale = cells.get("scale", "")
    values["scale"] = SCALES.get(scale.lower())
    if scale and values["scale"] is None:
        problems.append(("scale", "scale_unknown"))
    for name, _zh, kind, _req, _al in FIELDS:
        text = cells.get(name, "")
        if kind == "number":
            if text == "":
                values[name] = Decimal(0) if name in ZERO_WHEN_BLANK else None
                continue
            number = parse_number(text)
            values[name] = number
            if number is None:
                problems.append((name, "number_format"))
            elif number < 0 and name != "value_added":
                problems.append((name, "negative"))
            elif abs(number) > LIMIT:
                problems.append((name, "out_of_range"))
        elif kind == "boolean":
            low = text.lower()
            values[name] = low in TRUE_WORDS
            if text and low not in TRUE_WORDS and low not in FALSE_WORDS:
                problems.append((name, "boolean_unknown"))
        elif kind == "date":
            values[name] = parse_date(text) if text else None
            if text and values[name] is None:
                problems.append((name, "date_invalid"))
    parts = [values.get(p) for p in ("land_own_mu", "land_leased_in_mu", "land_leased_out_mu")]
    values["land"] = None
    if all(p is not None for p in parts) and not any(f in ("land_own_mu", "land_leased_in_mu",
                                                          "land_leased_out_mu") for f, _ in problems):
        with localcontext() as ctx:
            ctx.prec = 200
            values["land"] = parts[0] + parts[1] - parts[2]
        if values["land"] <= 0:
            problems.append(("land_own_mu", "land_not_positive"))
    return values, problems


def read_rows(path):
    """Returns a list of dicts: row, cells (by field), values, problems, blank."""
    with open(path, "rb") as handle:
        text = decode(handle.read())
    records = parse_csv(text)
    index = 0
    while index < len(records) and is_blank(records[index]):
        index += 1
    header_row = index + 1
    columns = [HEADER_INDEX.get(normalise_header(h)) if h.strip() else None for h in records[index]]
    last = len(records)
    while last > index + 1 and is_blank(records[last - 1]):
        last -= 1
    rows = []
    for offset, record in enumerate(records[index + 1:last]):
        row_number = header_row + 1 + offset
        cells = {}
        for position, name in enumerate(columns):
            if name is not None:
                cells[name] = record[position].strip() if position < len(record) else ""
        if is_blank(record):
            rows.append({"row": row_number, "cells": cells, "values": {}, "blank": True,
                         "problems": [("row", "blank_row")]})
            continue
        values, problems = validate(cells)
        if any(c.strip() for c in record[len(columns):]):
            # docs/input-format.md still says number_format; the CLI reports rule extra_cells on column row
            problems.append(("row", "extra_cells"))
        rows.append({"row": row_number, "cells": cells, "values": values, "blank": False,
                     "problems": problems})
    mark_duplicates(rows)
    return rows


def mark_duplicates(rows):
    groups = {}
    for r in rows:
        if r["blank"]:
            continue
        code, region = r["cells"].get("credit_code", ""), r["cells"].get("region", "")
        if code and check_credit_code(code) is None and REGION_RE.match(region):
            groups.setdefault((region, code), []).append(r)
    for members in groups.values():
        if len(members) > 1:
            for r in members:
                r["problems"].append(("credit_code", "duplicate_credit_code"))

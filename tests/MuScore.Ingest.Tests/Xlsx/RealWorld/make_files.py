#!/usr/bin/python3
"""Makes the real-world workbooks of this folder (see README.md); run it here to rebuild them.

openpyxl-*.xlsx come from Debian's python3-openpyxl, libreoffice-*.xlsx from LibreOffice Calc
(headless) converting the openpyxl file, and wps-*/excel-*/poi-* are zips of XML written here the
way WPS Office, Excel and Apache POI (SXSSF, used by many government exporters) write it.
Zip entries get a fixed time so a rebuild gives the same bytes.
"""
import datetime
import os
import shutil
import subprocess
import tempfile
import zipfile

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def code(n):
    """A valid unified social credit code, as Samples.Code(n) in the tests."""
    body = "91330603" + f"{n:09d}"
    check = 31 - sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS)) % 31
    return body + ALPHABET[0 if check == 31 else check]


def openpyxl_file(path):
    """A hidden instructions sheet first; then a title row and a two-row header over merged cells."""
    import openpyxl
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "填报说明"
    notes["A1"] = "请勿修改表头"
    notes.sheet_state = "hidden"
    ws = wb.create_sheet("2024年度数据")
    ws["A1"] = "2024年度亩均效益评价数据"
    ws.merge_cells("A1:J1")
    for col, name in zip("ABCDE", ["统一社会信用代码", "企业名称", "行政区划代码", "国民经济行业代码", "规模"]):
        ws[f"{col}2"] = name
        ws.merge_cells(f"{col}2:{col}3")
    ws["F2"] = "经济指标"
    ws.merge_cells("F2:H2")
    ws["F3"], ws["G3"], ws["H3"] = "自有土地面积（亩）", "实缴税金（万元）", "工业增加值（万元）"
    for col, name in zip("IJ", ["投产日期", "项目建设期"]):
        ws[f"{col}2"] = name
        ws.merge_cells(f"{col}2:{col}3")
    rows = [
        [code(1), "台州一号机械有限公司", "331082", "C3670", "规上", 12.5, 30.25, 120, datetime.date(2015, 6, 1), "否"],
        [code(2), "台州二号电子有限公司", "331082", "C3990", "规下", "8", "1,234.5", 56.5, datetime.date(2019, 3, 15), "是"],
        [code(3), "台州三号塑料制品厂", "331082", "C2927", "规上", 20, 45, None, datetime.date(2008, 12, 31), "否"],
    ]
    for r, values in enumerate(rows, start=4):
        for c, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = 'yyyy"年"m"月"d"日"' if r == 6 else "yyyy-mm-dd"
    wb.save(path)


def libreoffice_file(source, path):
    out = tempfile.mkdtemp()
    try:
        subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, source],
                       check=True, capture_output=True, timeout=300)
        converted = os.path.join(out, os.path.splitext(os.path.basename(source))[0] + ".xlsx")
        restamp(converted, path)
    finally:
        shutil.rmtree(out)


def restamp(source, path):
    """Copies a zip with every entry's time set to 1980-01-01, so a rebuild gives the same bytes."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path + ".tmp", "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(zipfile.ZipInfo(item.filename, (1980, 1, 1, 0, 0, 0)), zin.read(item.filename), zipfile.ZIP_DEFLATED)
    os.replace(path + ".tmp", path)


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text.encode("utf-8"), zipfile.ZIP_DEFLATED)


DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"


def package(sheets, shared=None, styles=None, workbook_pr="", app=None):
    """The parts of a workbook: sheets is [(name, state or None, sheet xml)]."""
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, len(sheets) + 1))
    if shared is not None:
        overrides += '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    if styles is not None:
        overrides += '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    parts = [("[Content_Types].xml", DECL + f'<Types xmlns="{CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>')]
    parts.append(("_rels/.rels", DECL + f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
    rels = "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
    n = len(sheets)
    if shared is not None:
        rels += f'<Relationship Id="rId{n + 1}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    if styles is not None:
        rels += f'<Relationship Id="rId{n + 2}" Type="{REL}/styles" Target="styles.xml"/>'
    sheet_list = "".join(f'<sheet name="{name}" sheetId="{i}"{f" state={chr(34)}{state}{chr(34)}" if state else ""} r:id="rId{i}"/>' for i, (name, state, _) in enumerate(sheets, start=1))
    parts.append(("xl/workbook.xml", DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{workbook_pr}<bookViews><workbookView activeTab="{next(i for i, s in enumerate(sheets) if not s[1])}"/></bookViews><sheets>{sheet_list}</sheets></workbook>'))
    parts.append(("xl/_rels/workbook.xml.rels", DECL + f'<Relationships xmlns="{PKG_REL}">{rels}</Relationships>'))
    for i, (_, _, xml) in enumerate(sheets, start=1):
        parts.append((f"xl/worksheets/sheet{i}.xml", DECL + xml))
    if shared is not None:
        parts.append(("xl/sharedStrings.xml", DECL + shared))
    if styles is not None:
        parts.append(("xl/styles.xml", DECL + styles))
    if app is not None:
        parts.append(("docProps/app.xml", DECL + f'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>{app}</Application></Properties>'))
    return parts


class Strings:
    """A shared-string table; add() returns an item's index."""

    def __init__(self):
        self.items = []

    def add(self, inner):
        self.items.append(f"<si>{inner}</si>")
        return len(self.items) - 1

    def text(self, text):
        return self.add(f"<t>{text}</t>")

    def xml(self, extra_ns=""):
        return f'<sst xmlns="{MAIN}"{extra_ns} count="{len(self.items)}" uniqueCount="{len(self.items)}">{"".join(self.items)}</sst>'


def styles_xml(numfmts, xfs, ns=""):
    fmts = "".join(f'<numFmt numFmtId="{i}" formatCode="{code}"/>' for i, code in numfmts)
    cell_xfs = "".join(f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0"{"" if n == 0 else " applyNumberFormat=" + chr(34) + "1" + chr(34)}/>' for n in xfs)
    return (f'<styleSheet xmlns="{MAIN}"{ns}>' + (f'<numFmts count="{len(numfmts)}">{fmts}</numFmts>' if numfmts else "")
            + '<fonts count="2"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>'
            + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
            + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            + f'<cellXfs count="{len(xfs)}">{cell_xfs}</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


HEADERS = ["统一社会信用代码", "企业名称", "行政区划代码", "国民经济行业代码", "规模", "自有土地面积（亩）", "实缴税金（万元）", "工业增加值（万元）", "投产日期", "项目建设期"]
COLS = "ABCDEFGHIJ"


def wps_file(path):
    """WPS Office: shared strings with phonetic runs and rich text, x14ac under mc:Ignorable, zh-CN date format 31."""
    s = Strings()
    head = [s.text(h) for h in HEADERS]
    mc = ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"'
    rich = s.add('<r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="宋体"/><charset val="134"/></rPr><t>台州</t></r><r><rPr><sz val="11"/><rFont val="宋体"/><charset val="134"/></rPr><t>四号纺织有限公司</t></r>')
    scale = s.add('<t>规上</t><rPh sb="0" eb="2"><t>guī shàng</t></rPh><phoneticPr fontId="1" type="noConversion"/>')
    small = s.add('<t>规下</t><phoneticPr fontId="1" type="noConversion"/>')
    no, yes = s.text("否"), s.text("是")
    name5 = s.text("台州五号阀门有限公司")
    region, ind1, ind2 = s.text("331082"), s.text("C1712"), s.text("C3443")
    c4, c5 = s.text(code(4)), s.text(code(5))
    def row(r, cells):
        return f'<row r="{r}" spans="1:10" x14ac:dyDescent="0.15">' + "".join(cells) + "</row>"
    rows = [row(1, [f'<c r="{COLS[i]}1" s="1" t="s"><v>{h}</v></c>' for i, h in enumerate(head)])]
    rows.append(row(2, [f'<c r="A2" t="s"><v>{c4}</v></c>', f'<c r="B2" t="s"><v>{rich}</v></c>', f'<c r="C2" t="s"><v>{region}</v></c>',
                        f'<c r="D2" t="s"><v>{ind1}</v></c>', f'<c r="E2" t="s"><v>{scale}</v></c>', '<c r="F2"><v>15.5</v></c>',
                        '<c r="G2"><v>61.2</v></c>', '<c r="H2" t="str"><f>G2*2+0.1</f><v>122.5</v></c>', '<c r="I2" s="2"><v>42370</v></c>',
                        f'<c r="J2" t="s"><v>{no}</v></c>']))
    rows.append(row(3, [f'<c r="A3" t="s"><v>{c5}</v></c>', f'<c r="B3" t="s"><v>{name5}</v></c>', f'<c r="C3" t="s"><v>{region}</v></c>',
                        f'<c r="D3" t="s"><v>{ind2}</v></c>', f'<c r="E3" t="s"><v>{small}</v></c>', '<c r="F3"><v>6</v></c>',
                        '<c r="G3"><v>9.8000000000000007</v></c>', '<c r="H3"><v>33</v></c>', '<c r="I3" s="2"><v>44197.5</v></c>',
                        f'<c r="J3" t="s"><v>{yes}</v></c>']))
    sheet = (f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"{mc}><sheetPr/><dimension ref="A1:J3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>'
             + '<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5" outlineLevelRow="2" x14ac:dyDescent="0.15"/>'
             + f'<sheetData>{"".join(rows)}</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>')
    write_zip(path, package([("Sheet1", None, sheet)], s.xml(), styles_xml([], [0, 0, 31]), app="WPS 表格"))


def excel_file(path):
    """Excel: a hidden first sheet, xml:space="preserve", date styles 14, 31 and custom 176, omitted cells and rows, an error and a boolean."""
    s = Strings()
    head = [s.text(h) for h in HEADERS]
    head[1] = s.add('<t xml:space="preserve"> 企业名称 </t>')
    spaced = s.add('<t xml:space="preserve">  台州六号 化工  </t>')
    name7, name8 = s.text("台州七号制衣有限公司"), s.text("台州八号铸造厂")
    region, ind = s.text("331082"), s.text("C2614")
    big, no = s.text("规上"), s.text("否")
    codes = [s.text(code(n)) for n in (6, 7, 8)]
    def cells(r, values):
        return f'<row r="{r}" spans="1:10">' + "".join(values) + "</row>"
    rows = [cells(1, [f'<c r="{COLS[i]}1" t="s"><v>{h}</v></c>' for i, h in enumerate(head)])]
    rows.append(cells(2, [f'<c r="A2" t="s"><v>{codes[0]}</v></c>', f'<c r="B2" t="s"><v>{spaced}</v></c>', f'<c r="C2" t="s"><v>{region}</v></c>',
                          f'<c r="D2" t="s"><v>{ind}</v></c>', f'<c r="E2" t="s"><v>{big}</v></c>', '<c r="F2" s="4"><v>30</v></c>',
                          '<c r="G2" s="4"><v>150.75</v></c>', '<c r="H2" s="4"><v>600</v></c>', '<c r="I2" s="1"><v>43466</v></c>',
                          '<c r="J2" t="b"><v>0</v></c>']))
    # Row 3 leaves out value_added (H3) and has an empty styled cell in J3.
    rows.append(cells(3, [f'<c r="A3" t="s"><v>{codes[1]}</v></c>', f'<c r="B3" t="s"><v>{name7}</v></c>', f'<c r="C3" t="s"><v>{region}</v></c>',
                          f'<c r="D3" t="s"><v>{ind}</v></c>', f'<c r="E3" t="s"><v>{big}</v></c>', '<c r="F3"><v>10</v></c>',
                          '<c r="G3"><v>20</v></c>', '<c r="I3" s="2"><v>41275</v></c>', '<c r="J3" s="3"/>']))
    # Row 4 is omitted: a blank row inside the data. Row 5's tax is a formula error.
    rows.append(cells(5, [f'<c r="A5" t="s"><v>{codes[2]}</v></c>', f'<c r="B5" t="s"><v>{name8}</v></c>', f'<c r="C5" t="s"><v>{region}</v></c>',
                          f'<c r="D5" t="s"><v>{ind}</v></c>', f'<c r="E5" t="s"><v>{big}</v></c>', '<c r="F5"><v>5</v></c>',
                          '<c r="G5" t="e"><f>1/0</f><v>#DIV/0!</v></c>', '<c r="H5"><v>12</v></c>', '<c r="I5" s="3"><v>38718</v></c>',
                          f'<c r="J5" t="s"><v>{no}</v></c>']))
    main = (f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{{00000000-0001-0000-0100-000000000000}}">'
            + f'<dimension ref="A1:J5"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/><sheetData>{"".join(rows)}</sheetData></worksheet>')
    hidden_text = s.text("内部核对用")
    hidden = f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData><row r="1"><c r="A1" t="s"><v>{hidden_text}</v></c></row></sheetData></worksheet>'
    styles = styles_xml([(176, "yyyy/m/d;@")], [0, 14, 31, 176, 2])
    write_zip(path, package([("核对", "hidden", hidden), ("企业数据", None, main)], s.xml(), styles, workbook_pr='<workbookPr defaultThemeVersion="166925"/>', app="Microsoft Excel"))


def poi_file(path):
    """Apache POI SXSSF (government exporters): inline strings only, the 1904 date system, a title row, cells without r."""
    def inline(text):
        return f'<c t="inlineStr"><is><t>{text}</t></is></c>'
    rows = [f'<row r="1">{inline("2024年度亩均效益评价数据（导出时间：2025-01-10）")}</row>']
    rows.append('<row r="3">' + "".join(inline(h) for h in HEADERS) + "</row>")
    data = [
        (9, "台州九号汽配有限公司", "C3670", "规上", "18", "72.4", "300", 41273, "否"),
        (10, "台州十号食品有限公司", "C1411", "规下", "4.5", "3", "15", 40177, "是"),
    ]
    for r, (n, name, ind, scale, land, tax, va, serial, build) in enumerate(data, start=4):
        rows.append(f'<row r="{r}">' + inline(code(n)) + inline(name) + inline("331082") + inline(ind) + inline(scale)
                    + f"<c><v>{land}</v></c><c><v>{tax}</v></c><c><v>{va}</v></c>" + f'<c s="1"><v>{serial}</v></c>' + inline(build) + "</row>")
    sheet = f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><dimension ref="A1"/><sheetData>{"".join(rows)}</sheetData></worksheet>'
    write_zip(path, package([("评价数据", None, sheet)], styles=styles_xml([], [0, 14]), workbook_pr='<workbookPr date1904="1"/>'))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    os.chdir(here)
    raw = os.path.join(tempfile.mkdtemp(), "openpyxl-title-two-row-header.xlsx")
    openpyxl_file(raw)
    restamp(raw, "openpyxl-title-two-row-header.xlsx")
    libreoffice_file(raw, "libreoffice-title-two-row-header.xlsx")
    wps_file("wps-phonetic-rich-text.xlsx")
    excel_file("excel-hidden-sheet-date-formats.xlsx")
    poi_file("poi-inline-strings-1904.xlsx")

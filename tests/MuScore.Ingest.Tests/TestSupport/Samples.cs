using System.Globalization;
using System.Text;
using MuScore.Core.Records;
using MuScore.Ingest;

namespace MuScore.Ingest.Tests;

/// <summary>Input tables built in code: valid credit codes, both header languages, CSV text.</summary>
internal static class Samples
{
    public static readonly string[] EnglishHeaders =
        ["credit_code", "name", "region", "industry", "scale", "land_own_mu", "tax", "value_added", "production_start", "in_construction"];

    public static readonly string[] ChineseHeaders =
        ["统一社会信用代码", "企业名称", "行政区划代码", "国民经济行业代码", "规模", "自有土地面积（亩）", "实缴税金（万元）", "工业增加值(万元)", "投产日期", "项目建设期"];

    /// <summary>A valid credit code, different for each <paramref name="n"/>.</summary>
    public static string Code(int n)
    {
        var body = "91330603" + n.ToString("D9", CultureInfo.InvariantCulture);
        return body + CreditCode.CheckCharacter(body);
    }

    /// <summary>A valid row in <see cref="EnglishHeaders"/> order.</summary>
    public static string[] Row(int n) =>
        [Code(n), $"台州{n}号机械有限公司", "331082", "C3670", "规上", "12.5", "30.25", "-3", "2015-06-01", "否"];

    /// <summary>The row with one column's value replaced.</summary>
    public static string[] RowWith(int n, string header, string value)
    {
        var row = Row(n);
        row[Array.IndexOf(EnglishHeaders, header)] = value;
        return row;
    }

    /// <summary>CSV text, quoting cells that need it.</summary>
    public static string Csv(IReadOnlyList<string> headers, IEnumerable<string[]> rows, string newline = "\n")
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', headers.Select(Quote))).Append(newline);
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(Quote))).Append(newline);
        }

        return text.ToString();
    }

    /// <summary>Opens CSV text encoded as UTF-8 (no BOM) unless told otherwise.</summary>
    public static InputTable Open(string text, Encoding? encoding = null, TableReadOptions? options = null) =>
        Open((encoding ?? new UTF8Encoding(false)).GetBytes(text), options);

    /// <summary>Opens raw bytes as a table named test.csv.</summary>
    public static InputTable Open(byte[] bytes, TableReadOptions? options = null) =>
        TableReader.Open(new MemoryStream(bytes), "test.csv", options);

    /// <summary>Loads CSV text through <see cref="RowLoader"/>.</summary>
    public static LoadResult Load(string text, LoadOptions? options = null)
    {
        using var table = Open(text);
        return RowLoader.Load(table, options);
    }

    /// <summary>Every row's cells (by field) and number, copied out of the reused row instance.</summary>
    public static List<(int Row, bool Blank, string[] Cells)> ReadAll(InputTable table, params Field[] fields) =>
        table.ReadRows().Select(r => (r.RowNumber, r.IsBlank, fields.Select(f => r.Cell(f).ToString()).ToArray())).ToList();

    public static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}

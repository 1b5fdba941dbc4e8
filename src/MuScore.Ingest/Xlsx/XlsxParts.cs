using System.Globalization;
using System.Xml;

namespace MuScore.Ingest;

/// <summary>Readers for the small workbook parts: shared strings and cell styles.</summary>
internal static class XlsxParts
{
    /// <summary>Every &lt;si&gt; of xl/sharedStrings.xml in order (rich-text runs joined).</summary>
    public static List<string> ReadSharedStrings(Stream part)
    {
        var strings = new List<string>();
        using var reader = XlsxXml.CreateReader(part);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                strings.Add(XlsxXml.ReadRichText(reader));
            }
        }

        return strings;
    }

    /// <summary>For each cell style (cellXfs index), whether its number format shows a date.</summary>
    public static bool[] ReadDateStyles(Stream part)
    {
        var customFormats = new Dictionary<int, string>();
        var styleFormats = new List<int>();
        using var reader = XlsxXml.CreateReader(part);
        var inCellXfs = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "numFmt" when TryInt(reader.GetAttribute("numFmtId"), out var id):
                    customFormats[id] = reader.GetAttribute("formatCode") ?? string.Empty;
                    break;
                case "cellXfs":
                    inCellXfs = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    styleFormats.Add(TryInt(reader.GetAttribute("numFmtId"), out var format) ? format : 0);
                    break;
            }
        }

        var dates = new bool[styleFormats.Count];
        for (var i = 0; i < dates.Length; i++)
        {
            var id = styleFormats[i];
            dates[i] = ExcelValues.IsDateFormat(id, customFormats.GetValueOrDefault(id));
        }

        return dates;
    }

    /// <summary>An unsigned decimal integer attribute.</summary>
    public static bool TryInt(string? text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

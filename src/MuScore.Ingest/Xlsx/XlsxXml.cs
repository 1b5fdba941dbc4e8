using System.Globalization;
using System.Text;
using System.Xml;

namespace MuScore.Ingest;

/// <summary>XML helpers shared by the workbook parts: safe reader settings and rich-text cells.</summary>
internal static class XlsxXml
{
    /// <summary>The relationships namespaces of transitional and strict OOXML.</summary>
    public static readonly string[] RelationshipNamespaces =
    [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ];

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>A forward-only reader over a part; closing it closes the stream.</summary>
    public static XmlReader CreateReader(Stream stream) => XmlReader.Create(stream, Settings);

    /// <summary>
    /// The text of a shared-string item or inline string positioned on its start element: every
    /// &lt;t&gt; run concatenated, phonetic guides (&lt;rPh&gt;) skipped, _xHHHH_ escapes decoded.
    /// Leaves the reader on the element's last node (its end tag, or itself when empty).
    /// </summary>
    public static string ReadRichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        string? single = null;
        StringBuilder? several = null;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (reader.LocalName == "t")
            {
                var run = reader.ReadElementContentAsString();
                if (single is null)
                {
                    single = run;
                }
                else
                {
                    several ??= new StringBuilder(single);
                    several.Append(run);
                }
            }
            else if (reader.LocalName == "rPh")
            {
                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        return DecodeEscapes(several?.ToString() ?? single ?? string.Empty);
    }

    /// <summary>Excel writes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for CR).</summary>
    internal static string DecodeEscapes(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 6;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}

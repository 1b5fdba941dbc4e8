using System.Buffers;

namespace MuScore.Ingest;

/// <summary>Writes text into XML content and attributes: escaped, with characters XML 1.0 forbids dropped.</summary>
internal static class XmlText
{
    private static readonly SearchValues<char> Special = SearchValues.Create(BuildSpecial());

    /// <summary>Writes <paramref name="text"/> escaped; CR is kept as &amp;#13; (a parser would turn a raw CR into LF).</summary>
    public static void Write(TextWriter writer, ReadOnlySpan<char> text)
    {
        var special = text.IndexOfAny(Special);
        if (special < 0)
        {
            writer.Write(text);
            return;
        }

        writer.Write(text[..special]);
        for (var i = special; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    writer.Write("&amp;");
                    break;
                case '<':
                    writer.Write("&lt;");
                    break;
                case '>':
                    writer.Write("&gt;");
                    break;
                case '"':
                    writer.Write("&quot;");
                    break;
                case '\r':
                    writer.Write("&#13;");
                    break;
                case '\t' or '\n':
                    writer.Write(c);
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        writer.Write(c);
                        writer.Write(text[++i]);
                    }
                    else if (IsAllowed(c))
                    {
                        writer.Write(c);
                    }

                    break;
            }
        }
    }

    /// <summary>Whether a single UTF-16 unit is a character XML 1.0 allows on its own.</summary>
    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF'));

    private static string BuildSpecial()
    {
        var chars = new List<char> { '&', '<', '>', '"', '\uFFFE', '\uFFFF' };
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\n'))
            {
                chars.Add(c);
            }
        }

        for (var c = '\uD800'; c <= '\uDFFF'; c++)
        {
            chars.Add(c);
        }

        return new string(chars.ToArray());
    }
}

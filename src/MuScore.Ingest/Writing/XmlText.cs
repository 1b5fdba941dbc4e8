using System.Buffers;
using System.Text;

namespace MuScore.Ingest;

/// <summary>
/// Text made fit for an XML cell: characters XML 1.0 forbids (control characters other than tab,
/// LF and CR, unpaired surrogates, U+FFFE, U+FFFF) are dropped, because one such character would
/// make the whole workbook unreadable. The XML writer escapes the rest.
/// </summary>
internal static class XmlText
{
    private static readonly SearchValues<char> Suspect = SearchValues.Create(BuildSuspect());

    /// <summary><paramref name="text"/> itself when it is clean (the usual case, no copy), else a cleaned copy.</summary>
    public static string Clean(string text)
    {
        var suspect = text.AsSpan().IndexOfAny(Suspect);
        if (suspect < 0 || IsCleanFrom(text, suspect))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (IsAllowed(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>Whether the text from the first suspect character on holds only paired surrogates.</summary>
    private static bool IsCleanFrom(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsAllowed(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a single UTF-16 unit is a character XML 1.0 allows on its own.</summary>
    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF'));

    private static string BuildSuspect()
    {
        var chars = new List<char> { '\uFFFE', '\uFFFF' };
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
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

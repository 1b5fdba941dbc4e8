namespace MuScore.Ingest;

/// <summary>
/// The shared strings of a workbook, numbered in the order first met. Bounded: once full, later
/// new texts are written inline, so memory stays bounded. Once frozen (<see cref="Freeze"/>) the
/// table only answers, so the threads writing blocks of rows can read it at once: the parallel
/// writer fills it up front in row order, which gives the same numbers as filling it as rows come.
/// </summary>
internal sealed class WorkbookSharedStrings
{
    /// <summary>Distinct shared strings kept.</summary>
    public const int MaxStrings = 1 << 16;

    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<string> texts = [];
    private bool frozen;

    /// <summary>The cleaned texts in index order.</summary>
    public IReadOnlyList<string> Texts => texts;

    /// <summary>
    /// The index of <paramref name="text"/>, added if new (unless frozen, full, or nothing is left
    /// of it once cleaned); -1 when it is to be written inline.
    /// </summary>
    public int IndexOf(string text)
    {
        if (index.TryGetValue(text, out var found))
        {
            return found;
        }

        if (frozen || texts.Count == MaxStrings)
        {
            return -1;
        }

        var clean = XmlText.Clean(text);
        if (clean.Length == 0)
        {
            return -1;
        }

        index.Add(text, texts.Count);
        texts.Add(clean);
        return texts.Count - 1;
    }

    /// <summary>No more texts are added: from now on the table may be read from several threads.</summary>
    public void Freeze() => frozen = true;
}

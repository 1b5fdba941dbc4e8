namespace MuScore.Cli.AnnualRun;

/// <summary>
/// Which optional outputs "muscore rate --formats" asks for. ratings.csv, errors.csv and
/// summary.json are always written (they are the record of the run); ratings.xlsx is the one a
/// large run may leave out, since compressing it is most of a run's time.
/// </summary>
[Flags]
internal enum RateFormats
{
    /// <summary>ratings.csv, errors.csv and summary.json.</summary>
    Csv = 1,

    /// <summary>ratings.xlsx as well.</summary>
    Xlsx = 2,

    /// <summary>Every output: the default.</summary>
    All = Csv | Xlsx,
}

/// <summary>Parses the --formats value.</summary>
internal static class RateFormatsText
{
    /// <summary>"csv", "xlsx" or both, comma-separated, any case; null with a message when a name is unknown.</summary>
    public static RateFormats? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var formats = RateFormats.Csv;
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries))
        {
            switch (name.ToUpperInvariant())
            {
                case "CSV":
                    break;
                case "XLSX":
                    formats |= RateFormats.Xlsx;
                    break;
                default:
                    // Echo at most 20 chars of what was typed: the message stays one short line.
                    var shown = name.Length > 20 ? name[..20] + "…" : name;
                    problem = $"--formats: '{shown}' is not csv or xlsx";
                    return null;
            }
        }

        problem = null;
        return formats;
    }
}

using MuScore.Core.Hashing;
using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>Reads a whole table: hashes and validates every row, keeping each row's problems.</summary>
public static class RowLoader
{
    /// <summary>
    /// Reads every row of <paramref name="table"/>, hashes it with <see cref="InputHasher"/>,
    /// validates it with one <see cref="RecordParser"/> and adds the reader's own row problems
    /// (<see cref="ITableRow.TableProblems"/>) before the field problems. Progress is reported
    /// every <see cref="LoadOptions.ProgressInterval"/> rows and once at the end. Throws
    /// <see cref="TableFormatException"/> when the file turns out broken part-way.
    /// </summary>
    public static LoadResult Load(InputTable table, LoadOptions? options = null, IProgress<LoadProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= LoadOptions.Default;
        var interval = Math.Max(1, options.ProgressInterval);
        var parser = new RecordParser();
        using var hasher = new InputHasher();
        var rows = new List<ParsedRow>();
        var invalid = 0;
        foreach (var row in table.ReadRows())
        {
            hasher.Append(row);
            var parsed = Merge(parser.Parse(row), row.TableProblems);
            rows.Add(parsed);
            if (parsed.Problems.Count > 0)
            {
                invalid++;
                if (options.Strict)
                {
                    progress?.Report(new LoadProgress(rows.Count, table.Position, table.Length));
                    return new LoadResult { Rows = rows, InputHash = string.Empty, InvalidCount = invalid, StoppedAt = parsed };
                }
            }

            if (rows.Count % interval == 0)
            {
                progress?.Report(new LoadProgress(rows.Count, table.Position, table.Length));
            }
        }

        progress?.Report(new LoadProgress(rows.Count, table.Position, table.Length));
        return new LoadResult { Rows = rows, InputHash = hasher.Finish(), InvalidCount = invalid };
    }

    private static ParsedRow Merge(ParsedRow parsed, IReadOnlyList<FieldProblem> tableProblems)
    {
        if (tableProblems.Count == 0)
        {
            return parsed;
        }

        return parsed with { Record = null, Problems = [.. tableProblems, .. parsed.Problems] };
    }
}

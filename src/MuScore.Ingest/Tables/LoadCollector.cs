using MuScore.Core.Hashing;
using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>
/// Takes validated blocks in row order: keeps the rows, hashes their canonical bytes, counts the
/// invalid ones, reports progress and stops a strict load at its first bad row.
/// </summary>
internal sealed class LoadCollector(InputTable table, LoadOptions options, IProgress<LoadProgress>? progress, IRowSink? sink = null) : IDisposable
{
    /// <summary>
    /// Fewest bytes a row of a real table takes in its file (the 1M-row sample: 189): the rows list
    /// is sized for the file's length at this rate, so a whole CSV fits it without the list's
    /// doublings, each of which left its old array behind (some 8 MB at 1M rows).
    /// </summary>
    private const int BytesPerRowEstimate = 160;

    private readonly int interval = Math.Max(1, options.ProgressInterval);
    private readonly InputHasher hasher = new();
    // A sink takes the rows as they come (an upload): nothing is kept here, so nothing is sized.
    private readonly List<ParsedRow> rows = sink is null ? new((int)Math.Clamp(table.Length / BytesPerRowEstimate, 0, 1 << 26)) : [];
    private int count;
    private int invalid;
    private ParsedRow? stoppedAt;

    /// <summary>Adds a processed block's rows; false when a strict load stops inside it (rows after that row are dropped).</summary>
    public bool Add(RowBlock block)
    {
        for (var i = 0; i < block.Count; i++)
        {
            var parsed = block.Parsed[i];
            count++;
            if (sink is null)
            {
                rows.Add(parsed);
            }
            else
            {
                sink.Add(parsed);
            }

            if (parsed.Problems.Count > 0)
            {
                invalid++;
                if (options.Strict)
                {
                    stoppedAt = parsed;
                    Report();
                    return false;
                }
            }

            if (count % interval == 0)
            {
                Report();
            }
        }

        hasher.AppendCanonical(block.Canonical);
        return true;
    }

    /// <summary>The result of a load that read every row (<see cref="LoadResult.Rows"/> empty when a sink took them).</summary>
    public LoadResult Finish()
    {
        Report();
        return new LoadResult { Rows = rows, InputHash = hasher.Finish(), InvalidCount = invalid };
    }

    /// <summary>The result of a strict load that stopped at its first bad row; no hash, because part of the input identifies nothing.</summary>
    public LoadResult Stopped() =>
        new() { Rows = rows, InputHash = string.Empty, InvalidCount = invalid, StoppedAt = stoppedAt };

    public void Dispose() => hasher.Dispose();

    private void Report() => progress?.Report(new LoadProgress(count, table.Position, table.Length));
}

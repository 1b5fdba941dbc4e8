namespace MuScore.Store.Payload;

/// <summary>
/// The payloads of one chunk of a save, encoded on every core: the chunk is cut into one range a
/// core, and each range's payloads are appended to one buffer, kept from chunk to chunk. A
/// million-row save thus allocates a few MB of buffers, not a million payload arrays that outlive
/// the young generation and pile up until a full collection.
/// </summary>
internal sealed class PayloadChunk
{
    private readonly PayloadWriter[] ranges = [.. Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new PayloadWriter())];
    private int[] ends = [];
    private int rangeSize;

    /// <summary>Payloads encoded by the last <see cref="Encode"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Encodes the ratings at <c>order[start..start + count]</c>, replacing what the chunk held.</summary>
    public void Encode(IReadOnlyList<StoredRating> ratings, int[] order, int start, int count)
    {
        if (ends.Length < count)
        {
            ends = new int[count];
        }

        Count = count;
        rangeSize = Math.Max(1, (count + ranges.Length - 1) / ranges.Length);
        Parallel.For(0, ranges.Length, range =>
        {
            var writer = ranges[range];
            writer.Reset();
            for (var i = range * rangeSize; i < Math.Min(count, (range + 1) * rangeSize); i++)
            {
                RatingPayload.Append(ratings[order[start + i]], writer);
                ends[i] = writer.Length;
            }
        });
    }

    /// <summary>Payload <paramref name="index"/> of the chunk, in place: valid until the chunk is encoded again.</summary>
    public ReadOnlyMemory<byte> Payload(int index)
    {
        var from = index % rangeSize == 0 ? 0 : ends[index - 1];
        return ranges[index / rangeSize].Written[from..ends[index]];
    }
}

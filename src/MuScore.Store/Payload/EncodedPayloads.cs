using System.Runtime.CompilerServices;

namespace MuScore.Store.Payload;

/// <summary>
/// A draft's ratings with their payloads, in insertion order, encoded a chunk at a time on every
/// core and one chunk ahead of the writer: the database writes one chunk while the next is encoded,
/// so encoding leaves the writer's thread. Two <see cref="PayloadChunk"/>s take turns, so a
/// payload is valid only until the writer moves on to the next rating but one chunk later: write
/// it before asking for the next.
/// </summary>
internal static class EncodedPayloads
{
    /// <summary>Ratings per chunk: large enough to keep every core busy, small enough to stay a few MB.</summary>
    private const int ChunkSize = 16_384;

    public static async IAsyncEnumerable<(StoredRating Rating, ReadOnlyMemory<byte> Payload)> InOrder(
        IReadOnlyList<StoredRating> ratings,
        int[] order,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in Chunks(ratings, order, keyTexts: false, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                yield return (chunk.Rating(i), chunk.Payload(i));
            }
        }
    }

    /// <summary>
    /// The same, a whole chunk at a time (with the ratings' key texts when asked): a writer that
    /// works synchronously takes each chunk in one loop, without an await per rating. A chunk is
    /// valid until the next but one is asked for.
    /// </summary>
    public static async IAsyncEnumerable<PayloadChunk> Chunks(
        IReadOnlyList<StoredRating> ratings,
        int[] order,
        bool keyTexts,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        PayloadChunk[] chunks = [new(), new()];
        var next = order.Length > 0 ? Encode(chunks[0], 0) : null;
        for (var (start, turn) = (0, 0); next is not null; start += ChunkSize, turn ^= 1)
        {
            var chunk = await next.ConfigureAwait(false);
            var following = start + ChunkSize;

            // The other chunk's payloads were all written before this one was awaited.
            next = following < order.Length ? Encode(chunks[turn ^ 1], following) : null;
            yield return chunk;
        }

        Task<PayloadChunk> Encode(PayloadChunk chunk, int start) => Task.Run(
            () =>
            {
                chunk.Encode(ratings, order, start, Math.Min(ChunkSize, order.Length - start), keyTexts);
                return chunk;
            },
            cancellationToken);
    }
}

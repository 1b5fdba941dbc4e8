using System.Runtime.CompilerServices;

namespace MuScore.Store.Payload;

/// <summary>
/// A draft's ratings with their payloads, in insertion order, encoded a chunk at a time on every
/// core and one chunk ahead of the writer: the database writes one chunk while the next is encoded,
/// so encoding leaves the writer's thread.
/// At most two chunks of payloads are held at once, not the whole run's.
/// </summary>
internal static class EncodedPayloads
{
    /// <summary>Ratings per chunk: large enough to keep every core busy, small enough to stay a few MB.</summary>
    private const int ChunkSize = 16_384;

    public static async IAsyncEnumerable<(StoredRating Rating, byte[] Payload)> InOrder(
        IReadOnlyList<StoredRating> ratings,
        int[] order,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = order.Length > 0 ? Task.Run(() => Encode(ratings, order, 0), cancellationToken) : null;
        for (var start = 0; next is not null; start += ChunkSize)
        {
            var chunk = await next.ConfigureAwait(false);
            var following = start + ChunkSize;
            next = following < order.Length ? Task.Run(() => Encode(ratings, order, following), cancellationToken) : null;
            for (var i = 0; i < chunk.Length; i++)
            {
                yield return (ratings[order[start + i]], chunk[i]);
            }
        }
    }

    private static byte[][] Encode(IReadOnlyList<StoredRating> ratings, int[] order, int start)
    {
        var payloads = new byte[Math.Min(ChunkSize, order.Length - start)][];
        Parallel.For(
            0,
            payloads.Length,
            () => new PayloadWriter(),
            (i, _, writer) =>
            {
                payloads[i] = RatingPayload.Encode(ratings[order[start + i]], writer);
                return writer;
            },
            _ => { });
        return payloads;
    }
}

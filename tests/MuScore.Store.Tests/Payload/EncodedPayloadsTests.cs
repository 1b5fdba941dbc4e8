using MuScore.Store.Payload;
using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Payload;

public sealed class EncodedPayloadsTests
{
    [Fact]
    public async Task InOrder_ThreeChunksAndAPart_EachPayloadAsEncodedAloneInTheGivenOrder()
    {
        // 16,384 ratings a chunk: the two reused chunks take turns twice, the last one part full.
        var ratings = TestRuns.Mixed(3 * 16_384 + 77);
        var order = Enumerable.Range(0, ratings.Count).Reverse().ToArray();
        var writer = new PayloadWriter();
        var seen = 0;

        await foreach (var (rating, payload) in EncodedPayloads.InOrder(ratings, order, CancellationToken.None))
        {
            Assert.Same(ratings[order[seen]], rating);
            Assert.True(payload.Span.SequenceEqual(RatingPayload.Encode(rating, writer)), $"payload {seen} differs from its own encoding");
            seen++;
        }

        Assert.Equal(ratings.Count, seen);
    }

    [Fact]
    public async Task InOrder_NoRatings_YieldsNothing()
    {
        var count = 0;
        await foreach (var _ in EncodedPayloads.InOrder([], [], CancellationToken.None))
        {
            count++;
        }

        Assert.Equal(0, count);
    }
}

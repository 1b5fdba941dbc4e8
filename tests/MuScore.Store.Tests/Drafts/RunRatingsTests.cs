using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Store.Payload;
using MuScore.Store.Sql;
using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Drafts;

/// <summary>
/// A draft's ratings are read from the engine's run when asked for (RunRatings): every read gives
/// the same rating, and the save's shortcuts (listing order, counts, payloads) give what the same
/// ratings held in a list give.
/// </summary>
public sealed class RunRatingsTests
{
    [Fact]
    public void Ratings_ReadTwice_TheSameRatingAndPayloadEachTime()
    {
        var draft = Draft();
        var writer = new PayloadWriter();

        for (var i = 0; i < draft.Ratings.Count; i++)
        {
            RatingAssert.Identical(draft.Ratings[i], draft.Ratings[i]);
            Assert.Equal(RatingPayload.Encode(draft.Ratings[i], writer), RatingPayload.Encode(draft.Ratings[i], writer));
        }

        Assert.Equal(draft.Ratings.Select(r => r.CreditCode), draft.Ratings.ToList().Select(r => r.CreditCode));
    }

    [Fact]
    public void ListingOrderAndCounts_FromTheRunsColumns_AsFromTheRatingsThemselves()
    {
        var draft = Draft();
        var held = draft with { Ratings = [.. draft.Ratings] };

        Assert.IsNotType<List<StoredRating>>(draft.Ratings);
        Assert.Equal(InsertionOrder.Of(held.Ratings), InsertionOrder.Of(draft.Ratings));
        Assert.Equal(RunRows.Count(held), RunRows.Count(draft));
        Assert.Contains(draft.Ratings, r => r.Status == RowStatus.Excluded);
        Assert.True(draft.Ratings.Select(r => r.Rating?.Pool).Distinct().Count() >= 3, "the run has two pools and excluded rows");
    }

    [Fact]
    public async Task InOrder_RatingsBuiltOnEachRead_YieldsTheRatingEachPayloadWasEncodedFrom()
    {
        var draft = Draft();
        var order = InsertionOrder.Of(draft.Ratings);
        var writer = new PayloadWriter();
        var seen = 0;

        await foreach (var (rating, payload) in EncodedPayloads.InOrder(draft.Ratings, order, CancellationToken.None))
        {
            Assert.Equal(draft.Ratings[order[seen]].CreditCode, rating.CreditCode);
            Assert.True(payload.Span.SequenceEqual(RatingPayload.Encode(rating, writer)), $"payload {seen} is not its rating's");
            seen++;
        }

        Assert.Equal(draft.Ratings.Count, seen);
    }

    /// <summary>Above and below the scale line, one utility (excluded), one row of another region (rejected).</summary>
    private static DraftRun Draft()
    {
        var rows = Enumerable.Range(1, 40)
            .Select(serial => EngineRuns.Valid(serial + 1, EngineRuns.Record(serial, scale: serial % 3 == 0 ? Scale.Below : Scale.Above)))
            .Append(EngineRuns.Valid(42, EngineRuns.Record(50, industry: "D4411")))
            .Append(EngineRuns.Valid(43, EngineRuns.Record(51, region: "330100")))
            .ToList();
        return DraftRunBuilder.From(EngineRuns.Rate(rows, region: null), TestRuns.Region, TestRuns.Year, TestRuns.Created, TestRuns.Submitter);
    }
}

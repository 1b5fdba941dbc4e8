using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;
using StorePublication = MuScore.Store.Publication;

namespace MuScore.Server.Tests.Policies;

/// <summary>What the linhai-2022 subsidy tests share: the 2022 evaluation published on a fixed day, applications and trace look-ups.</summary>
internal static class LinhaiSubsidies
{
    /// <summary>The day the 2022 evaluation is published in these tests (inside linhai-2022's 2022-07-16..2023-12-31).</summary>
    public static readonly DateTimeOffset PublishedAt = new(2023, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>An application date after <see cref="PublishedAt"/> and inside the rules' period.</summary>
    public const string Applied = "2023-06-01";

    /// <summary>The document every linhai-2022 clause is cited from.</summary>
    public const string Source = "临政发〔2022〕22号";

    /// <summary>Publishes the sample's 2022 evaluation of Linhai on <see cref="PublishedAt"/>.</summary>
    public static Task<(Run Run, StorePublication Publication)> PublishSampleAsync(ServerFixture fixture) =>
        PolicyRuns.PublishVersionOnAsync(fixture.Server, PolicyRuns.Linhai, 2022, Records.Sample(PolicyRuns.Linhai, 2022), PublishedAt);

    /// <summary>An application of <paramref name="code"/> in Linhai; the caller sets the oneof member.</summary>
    public static AssessSubsidyRequest Request(string code, string date = Applied) =>
        new() { CreditCode = code, Region = PolicyRuns.Linhai, Date = date };

    /// <summary>The one rule of the trace with <paramref name="id"/>.</summary>
    public static RuleResult Rule(SubsidyAssessment assessment, string id) => Assert.Single(assessment.Rules, r => r.RuleId == id);

    /// <summary>The one entitlement with <paramref name="code"/>.</summary>
    public static Entitlement Entitled(SubsidyAssessment assessment, string code) => Assert.Single(assessment.Entitlements, e => e.Code == code);

    /// <summary>The answer names the publication it read: run, version, evaluated year, region, publication time and class.</summary>
    public static void NamesPublication(RatingUsed rating, Run run, StorePublication publication, RatingClass expected)
    {
        Assert.NotNull(rating);
        Assert.Equal(run.RunId, rating.RunId);
        Assert.Equal(publication.RunId, rating.RunId);
        Assert.Equal(publication.Version, rating.Version);
        Assert.Equal(publication.Year, rating.Year);
        Assert.Equal(PolicyRuns.Linhai, rating.Region);
        Assert.Equal(publication.PublishedAt, rating.PublishedAt.ToDateTimeOffset());
        Assert.Equal(expected, rating.RatingClass);
    }

    /// <summary>The policy is linhai-2022, named with its version, SHA-256 hash and source document.</summary>
    public static void NamesLinhaiPolicy(PolicyRef policy)
    {
        Assert.Equal("linhai-2022", policy.Id);
        Assert.Equal("1", policy.Version);
        Assert.Matches("^[0-9a-f]{64}$", policy.Hash);
        Assert.Equal(Source, policy.Source);
    }
}

using MuScore.Core.Policies;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Server.Errors;
using MuScore.Store;

namespace MuScore.Server.Policies;

/// <summary>
/// The enterprise figures of a region's publication, for the low-efficiency lists and the region
/// summary. Read straight from the store (a list is a whole publication, read rarely; caching it
/// would only add a way to be stale). Only RATED enterprises count: the lists and targets are
/// about the enterprises the evaluation covered (docs/policy-service.md).
/// </summary>
internal sealed class PublishedRegionFacts(IRatingStore store)
{
    private static readonly RatingFilter Everything = new([], [], []);

    /// <summary>The facts of the newest publication of the region and year; null when nothing is published.</summary>
    /// <exception cref="Grpc.Core.RpcException">FAILED_PRECONDITION when the publication was stored without the reported figures.</exception>
    public async Task<RegionFacts?> ReadAsync(string region, int year, CancellationToken cancellationToken)
    {
        var publication = await store.GetLatestPublicationAsync(region, year, cancellationToken).ConfigureAwait(false);
        if (publication is null || publication.Year != year)
        {
            return null;
        }

        var facts = new List<EnterpriseFact>();
        await foreach (var stored in store.ListRatingsAsync(publication, Everything, cancellationToken).ConfigureAwait(false))
        {
            if (stored.Status != RowStatus.Rated)
            {
                continue;
            }

            var figures = stored.Figures ?? throw RpcErrors.FiguresNotStored(publication.Region, publication.Year, publication.Version);
            facts.Add(new EnterpriseFact
            {
                CreditCode = stored.CreditCode,
                Name = stored.Name,
                Scale = stored.Scale == "ABOVE" ? Scale.Above : Scale.Below,
                Division = stored.Division,
                RevenueWan = figures.RevenueWan,
                TaxWan = figures.TaxWan,
                ValueAddedWan = figures.ValueAddedWan,
                Employees = figures.Employees,
                LandMu = stored.LandMu,
            });
        }

        return new RegionFacts(new PublicationRef(publication.Region, publication.Year, publication.Version, publication.RunId), facts);
    }
}

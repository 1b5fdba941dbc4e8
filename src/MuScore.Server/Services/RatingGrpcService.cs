using Grpc.Core;
using Microsoft.Extensions.Options;
using MuScore.Contracts.V1;
using MuScore.Server.Errors;
using MuScore.Server.Mapping;
using MuScore.Server.Options;
using MuScore.Server.Reading;
using MuScore.Server.Security;
using MuScore.Server.Validation;
using MuScore.Server.Wire;
using MuScore.Store;

namespace MuScore.Server.Services;

/// <summary>Published ratings for pricing, land and subsidy systems: validate, look up, map out.</summary>
[BindServiceMethod(typeof(CheckedBinding.Rating), nameof(CheckedBinding.Rating.BindService))]
internal sealed class RatingGrpcService(
    IPublishedRatings published,
    IRatingStore store,
    RunStamps stamps,
    IOptions<LimitsOptions> limits) : RatingService.RatingServiceBase
{
    public override async Task<GetRatingResponse> GetRating(GetRatingRequest request, ServerCallContext context)
    {
        RatingRequests.Validate(request);
        RegionGuard.Check(context, "region", request.Region);
        int? year = request.HasYear ? request.Year : null;
        var lookup = await published.GetAsync(request.Region, request.CreditCode, year, context.CancellationToken).ConfigureAwait(false);
        StaleAnswers.MarkIf(lookup.PossiblyStale, context);
        return lookup switch
        {
            { Rating: { } rating } => new GetRatingResponse { Rating = FieldMinimisation.ForCaller(rating, CallerAccess.Current(context)), PossiblyStale = lookup.PossiblyStale },
            { Miss: LookupMiss.NothingPublished } => throw RpcErrors.NothingPublished(request.Region, year),
            _ => throw RpcErrors.EnterpriseNotFound(request.CreditCode, request.Region, year),
        };
    }

    public override async Task<BatchGetRatingsResponse> BatchGetRatings(BatchGetRatingsRequest request, ServerCallContext context)
    {
        RatingRequests.Validate(request, limits.Value.MaxBatchCodes);
        RegionGuard.Check(context, "region", request.Region);
        var caller = CallerAccess.Current(context);
        int? year = request.HasYear ? request.Year : null;
        var lookups = await published.GetManyAsync(request.Region, request.CreditCodes, year, context.CancellationToken).ConfigureAwait(false);
        var possiblyStale = StaleAnswers.Any(lookups);
        StaleAnswers.MarkIf(possiblyStale, context);

        // Nothing published fails the whole call: no entry could be answered.
        if (lookups.Count > 0 && lookups[0].Miss == LookupMiss.NothingPublished)
        {
            throw RpcErrors.NothingPublished(request.Region, year);
        }

        var response = new BatchGetRatingsResponse { PossiblyStale = possiblyStale };
        for (var i = 0; i < lookups.Count; i++)
        {
            var code = request.CreditCodes[i];
            response.Entries.Add(lookups[i].Rating is { } rating
                ? new BatchEntry { CreditCode = code, Rating = FieldMinimisation.ForCaller(rating, caller) }
                : new BatchEntry { CreditCode = code, Error = NotFoundEntry(code, request.Region) });
        }

        return response;
    }

    public override async Task ListRatings(ListRatingsRequest request, IServerStreamWriter<Rating> responseStream, ServerCallContext context)
    {
        RatingRequests.Validate(request);
        RegionGuard.Check(context, "region", request.Region);
        var caller = CallerAccess.Current(context);
        var cancellationToken = context.CancellationToken;
        var publication = await store.GetLatestPublicationAsync(request.Region, request.Year, cancellationToken).ConfigureAwait(false)
            ?? throw RpcErrors.NothingPublished(request.Region, request.Year);
        var stamp = await stamps.GetAsync(publication.RunId, cancellationToken).ConfigureAwait(false);
        var filter = FilterMapper.ToFilter(request);
        await foreach (var stored in store.ListRatingsAsync(publication, filter, cancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(FieldMinimisation.ForCaller(RatingMapper.ToProto(stored, publication, stamp), caller), cancellationToken).ConfigureAwait(false);
        }
    }

    private static EntryError NotFoundEntry(string code, string region) => new()
    {
        Code = "not_found",
        Message = $"enterprise {code} is not in the published ratings of region {region}",
    };
}

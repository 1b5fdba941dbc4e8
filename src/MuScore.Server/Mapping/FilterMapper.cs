using MuScore.Store;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Mapping;

/// <summary>Request filters as store filters.</summary>
internal static class FilterMapper
{
    public static RatingFilter ToFilter(Proto.ListRatingsRequest request) => new(
        [.. request.Pools],
        [.. request.Classes.Select(RatingMapper.FromProto)],
        [.. request.Industries]);

    public static RunQuery ToQuery(Proto.ListRunsRequest request, int defaultPageSize) => new(
        request.Region.Length > 0 ? request.Region : null,
        request.HasYear ? request.Year : null,
        request.PageSize > 0 ? request.PageSize : defaultPageSize,
        request.PageToken.Length > 0 ? request.PageToken : null);
}

using Grpc.Core;
using MuScore.Contracts.V1;

namespace MuScore.LoadBench.Baseline;

/// <summary>
/// RatingService with nothing behind it: every GetRating answers the same pre-built response,
/// serialized per call like MuScore's cached ratings are. The other RPCs stay unimplemented.
/// </summary>
internal sealed class FixedRatingService(GetRatingResponse response) : RatingService.RatingServiceBase
{
    public override Task<GetRatingResponse> GetRating(GetRatingRequest request, ServerCallContext context) =>
        Task.FromResult(response);
}

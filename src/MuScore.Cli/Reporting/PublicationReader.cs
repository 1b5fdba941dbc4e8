using Google.Rpc;
using Grpc.Core;
using MuScore.Cli.Connection;
using MuScore.Contracts.V1;
using MuScore.Core.Schemes;
using MuScore.Reports;

namespace MuScore.Cli.Reporting;

/// <summary>Reads the newest publication of a region and year with RatingService.ListRatings into a rating set.</summary>
internal static class PublicationReader
{
    public const string Step = "ListRatings";

    /// <exception cref="CommandFailure">The call failed (exit code 4) or the ratings cannot be reported on (exit code 2).</exception>
    public static async Task<RatingSet> ReadAsync(ServerConnection connection, string region, int year, Scheme? scheme, CancellationToken cancellationToken)
    {
        var client = new RatingService.RatingServiceClient(connection.Channel);
        var ratings = await connection.CallAsync(
            Step,
            async () =>
            {
                using var call = client.ListRatings(new ListRatingsRequest { Region = region, Year = year }, cancellationToken: cancellationToken);
                var all = new List<Rating>();
                await foreach (var rating in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    all.Add(rating);
                }

                return all;
            },
            exception => Hint(exception, region, year)).ConfigureAwait(false);
        var source = ratings.Count > 0
            ? FormattableString.Invariant($"{connection.Server.GetLeftPart(UriPartial.Authority)} {region} {year} v{ratings[0].Version}")
            : FormattableString.Invariant($"{connection.Server.GetLeftPart(UriPartial.Authority)} {region} {year}");
        try
        {
            return RatingSets.FromPublication(ratings, scheme, source);
        }
        catch (ReportInputException exception)
        {
            throw CommandFailure.BadInput(exception.Message);
        }
    }

    private static string Hint(RpcException exception, string region, int year) =>
        exception.StatusCode == StatusCode.NotFound || exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason == "NOTHING_PUBLISHED"
            ? FormattableString.Invariant($"\n  nothing is published for region {region} and {year}: publish the year's run first (muscore publish), or check --region and --year")
            : string.Empty;
}

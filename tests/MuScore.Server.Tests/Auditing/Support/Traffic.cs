using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Auditing;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Auditing.Support;

/// <summary>
/// A rating office's morning on a real server, every kind of entry but a rollback: a clerk submits
/// a run, tries to publish it and is refused (four eyes), the head publishes it and reads a rating
/// three times, and the read counts are flushed.
/// </summary>
internal static class Traffic
{
    public static async Task<Publication> RunAsync(ServerInstance server, TestTokens tokens, string region, int year = 2024)
    {
        using var clerk = server.ChannelAs(tokens.Issue(Callers.Unique("clerk"), Callers.HeadScope, ["*"]));
        using var head = server.ChannelAs(tokens.Issue(Callers.Unique("head"), Callers.HeadScope, ["*"]));
        var records = Enumerable.Range(1, 3).Select(i => Records.Enterprise(i, region)).ToList();
        var run = await Runs.SubmitAsync(new EvaluationService.EvaluationServiceClient(clerk), Runs.Header(region, year), records);
        var refused = await Assert.ThrowsAsync<RpcException>(() => new EvaluationService.EvaluationServiceClient(clerk).PublishRunAsync(new PublishRunRequest { RunId = run.RunId }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var publication = (await new EvaluationService.EvaluationServiceClient(head).PublishRunAsync(new PublishRunRequest { RunId = run.RunId })).Publication;
        var ratings = new RatingService.RatingServiceClient(head);
        for (var i = 0; i < 3; i++)
        {
            await ratings.GetRatingAsync(new GetRatingRequest { Region = region, Year = year, CreditCode = records[0].CreditCode });
        }

        await server.Services.GetRequiredService<ReadCountFlusher>().FlushAsync(CancellationToken.None);
        return publication;
    }
}

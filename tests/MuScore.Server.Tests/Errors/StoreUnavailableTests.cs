using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Data.Sqlite;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Errors;

public sealed class StoreUnavailableTests
{
    [Fact]
    public async Task Calls_StoreFileGone_UnavailableAndHealthNotServing()
    {
        var directory = Directory.CreateTempSubdirectory("muscore-gone-");
        await using var server = await ServerInstance.StartAsync(ServerSettings.Sqlite(Path.Combine(directory.FullName, "muscore.db")) with { CacheEnabled = false });
        var region = Regions.Next();
        var records = Records.Sample(region, 2024, count: 10);
        await Runs.PublishAsync(server.Evaluation, Runs.Header(region, 2024), records);

        // The database directory disappears (a lost volume): pooled connections go, new ones cannot open the file.
        directory.Delete(recursive: true);
        using (var connection = new SqliteConnection(server.StoreConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        var get = await RpcAssert.FailsWith(StatusCode.Unavailable, () => server.Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = records[0].CreditCode, Region = region, Year = 2024 }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Unavailable, () => server.Evaluation.ListRunsAsync(new ListRunsRequest()).ResponseAsync);
        var health = await server.Health.CheckAsync(new HealthCheckRequest());

        Assert.Equal("STORE_UNAVAILABLE", get.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, health.Status);
    }
}

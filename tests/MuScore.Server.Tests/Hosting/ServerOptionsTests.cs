using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MuScore.Server.Options;
using MuScore.Store;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Hosting;

public sealed class ServerOptionsTests
{
    [Fact]
    public async Task CreateBuilder_NoConfiguration_SqliteFileLoopbackPortAndDocumentedDefaults()
    {
        await using var app = ServerHost.Build(ServerHost.CreateBuilder([]));

        var store = app.Services.GetRequiredService<IOptions<RatingStoreOptions>>().Value;
        var limits = app.Services.GetRequiredService<IOptions<LimitsOptions>>().Value;
        var cache = app.Services.GetRequiredService<IOptions<CacheOptions>>().Value;
        var redis = app.Services.GetRequiredService<IOptions<RedisOptions>>().Value;

        Assert.Equal("http://127.0.0.1:5080", app.Configuration[ServerHost.UrlsKey]);
        Assert.Equal((StoreProvider.Sqlite, "Data Source=muscore.db"), (store.Provider, store.EffectiveConnectionString));
        Assert.Equal((2_000_000, 1_000), (limits.MaxRecordsPerRun, limits.MaxBatchCodes));
        Assert.Equal((536_870_912L, 2, 4), (limits.MaxRunBytes, limits.MaxConcurrentUploadsPerCaller, limits.MaxConcurrentUploads));
        Assert.True(cache.Enabled);
        Assert.False(redis.IsConfigured);
    }

    [Fact]
    public async Task CreateBuilder_Settings_OverrideDefaults()
    {
        var settings = new Dictionary<string, string?>
        {
            [ServerHost.UrlsKey] = "http://127.0.0.1:6001",
            ["MuScore:Store:Provider"] = "Postgres",
            ["MuScore:Store:ConnectionString"] = "Host=db;Database=muscore",
            ["MuScore:Limits:MaxBatchCodes"] = "50",
        };

        await using var app = ServerHost.Build(ServerHost.CreateBuilder([], settings));

        Assert.Equal("http://127.0.0.1:6001", app.Configuration[ServerHost.UrlsKey]);
        Assert.Equal(StoreProvider.Postgres, app.Services.GetRequiredService<IOptions<RatingStoreOptions>>().Value.Provider);
        Assert.Equal(50, app.Services.GetRequiredService<IOptions<LimitsOptions>>().Value.MaxBatchCodes);
    }

    [Fact]
    public async Task Start_PostgresWithoutConnectionString_FailsNamingTheSetting()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => ServerInstance.StartAsync(new ServerSettings
        {
            StoreProvider = StoreProvider.Postgres,
            StoreConnectionString = string.Empty,
        }));

        Assert.Contains("ConnectionString", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MuScore:Limits:MaxRecordsPerRun", "0", "MaxRecordsPerRun")]
    [InlineData("MuScore:Limits:MaxBatchCodes", "-1", "MaxBatchCodes")]
    [InlineData("MuScore:Limits:MaxRunBytes", "0", "MaxRunBytes")]
    [InlineData("MuScore:Limits:MaxConcurrentUploadsPerCaller", "0", "MaxConcurrentUploadsPerCaller")]
    [InlineData("MuScore:Limits:MaxConcurrentUploads", "0", "MaxConcurrentUploads")]
    [InlineData("MuScore:Cache:SizeLimit", "0", "SizeLimit")]
    public async Task Start_OutOfRangeOption_FailsNamingIt(string key, string value, string name)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => ServerInstance.StartAsync(new ServerSettings
        {
            Configuration = new Dictionary<string, string?> { [key] = value },
        }));

        Assert.Contains(name, exception.Message, StringComparison.Ordinal);
    }
}

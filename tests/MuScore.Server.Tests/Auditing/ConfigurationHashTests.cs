using Microsoft.Extensions.Configuration;
using MuScore.Server.Auditing;

namespace MuScore.Server.Tests.Auditing;

/// <summary>The configuration hash of a server start changes with the settings that shape behaviour, never with a secret.</summary>
public sealed class ConfigurationHashTests
{
    private static readonly Dictionary<string, string?> Base = new(StringComparer.Ordinal)
    {
        ["urls"] = "https://0.0.0.0:5443",
        ["MuScore:Store:Provider"] = "Postgres",
        ["MuScore:Store:ConnectionString"] = "Host=db;Username=muscore;Password=first",
        ["MuScore:Redis:ConnectionString"] = "redis:6379,password=first",
        ["MuScore:Auth:AllowSelfPublish"] = "false",
        ["Logging:LogLevel:Default"] = "Information",
    };

    [Theory]
    [InlineData("MuScore:Store:ConnectionString", "Host=db;Username=muscore;Password=second")]
    [InlineData("MuScore:Redis:ConnectionString", "redis:6379,password=second")]
    [InlineData("MuScore:Something:ApiToken", "t0ken")]
    [InlineData("MuScore:Something:ClientSecret", "s3cret")]
    [InlineData("Logging:LogLevel:Default", "Debug")]
    public void Of_OnlyASecretOrAnUnrelatedSettingChanged_SameHash(string key, string value) =>
        Assert.Equal(Hash(Base), Hash(With(key, value)));

    [Theory]
    [InlineData("MuScore:Auth:AllowSelfPublish", "true")]
    [InlineData("MuScore:Store:Provider", "Sqlite")]
    [InlineData("urls", "https://0.0.0.0:6443")]
    [InlineData("MuScore:Audit:MaxRefusalsPerMinute", "5")]
    public void Of_ABehaviourSettingChanged_DifferentHash(string key, string value) =>
        Assert.NotEqual(Hash(Base), Hash(With(key, value)));

    private static Dictionary<string, string?> With(string key, string value) => new(Base, StringComparer.Ordinal) { [key] = value };

    private static string Hash(Dictionary<string, string?> values) => ConfigurationHash.Of(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
}

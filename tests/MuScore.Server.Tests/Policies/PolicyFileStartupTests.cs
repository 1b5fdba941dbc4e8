using Microsoft.Extensions.Options;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Policies;

public sealed class PolicyFileStartupTests
{
    [Fact]
    public async Task Start_InvalidPolicyFile_RefusesToStartNamingFileAndJsonPath()
    {
        var directory = Directory.CreateTempSubdirectory("muscore-policy-").FullName;
        try
        {
            var file = Path.Combine(directory, "bad.json");
            await File.WriteAllTextAsync(file, ConfiguredPolicyFixture.PolicyJson.Replace("\"percent\": 100", "\"percent\": 120", StringComparison.Ordinal));

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ServerInstance.StartAsync(new ServerSettings
            {
                Configuration = new Dictionary<string, string?> { ["MuScore:Policies:Files:0"] = file },
            }));

            Assert.Contains("bad.json", error.Message, StringComparison.Ordinal);
            Assert.Contains("tax_reliefs[0].reliefs[0].percent", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Start_MissingPolicyFile_RefusesToStart()
    {
        var missing = Path.Combine(Path.GetTempPath(), "muscore-no-such-policy.json");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ServerInstance.StartAsync(new ServerSettings
        {
            Configuration = new Dictionary<string, string?> { ["MuScore:Policies:Files:0"] = missing },
        }));

        Assert.Contains("muscore-no-such-policy.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
    }
}

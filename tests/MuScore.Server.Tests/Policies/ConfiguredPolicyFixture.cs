using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Policies;

/// <summary>
/// A real server answering from the presets plus a county's own policy file (water surcharges and a
/// land-use tax relief table, which no preset carries), configured as an operator would.
/// </summary>
public sealed class ConfiguredPolicyFixture : IAsyncLifetime
{
    /// <summary>The county the file covers.</summary>
    public const string Region = "331083";

    /// <summary>The file: water surcharges from 2024, land-use tax relief for 2025 only.</summary>
    public const string PolicyJson = """
        {
          "id": "test-county-2024",
          "version": "2024.1",
          "title": "Test county water and land-use tax",
          "source": "测试县〔2024〕1号",
          "regions": ["331083"],
          "tariffs": [
            {
              "clause": "差别化水价",
              "effective_from": "2024-01-01",
              "effective_to": null,
              "utility": "WATER",
              "surcharges": [
                { "class": "C", "yuan_per_unit": 0.5 },
                { "class": "D", "yuan_per_unit": 1.5 }
              ]
            }
          ],
          "tax_reliefs": [
            {
              "clause": "城镇土地使用税减免",
              "effective_from": "2025-01-01",
              "effective_to": "2026-01-01",
              "reliefs": [ { "class": "A", "percent": 100 }, { "class": "B", "percent": 50 } ]
            }
          ]
        }
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("muscore-policy-").FullName;
    private ServerInstance? server;

    public ServerInstance Server => server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var file = Path.Combine(directory, "test-county-2024.json");
        await File.WriteAllTextAsync(file, PolicyJson);
        server = await ServerInstance.StartAsync(new ServerSettings
        {
            Configuration = new Dictionary<string, string?> { ["MuScore:Policies:Files:0"] = file },
        });
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Directory.Delete(directory, recursive: true);
    }
}

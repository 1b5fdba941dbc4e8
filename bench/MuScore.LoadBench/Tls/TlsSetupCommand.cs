using MuScore.LoadBench.Common;
using static MuScore.LoadBench.Setup.SetupCommand;

namespace MuScore.LoadBench.Tls;

/// <summary>
/// Writes what the TLS load needs into one folder: ca.pem, server.pem and server.key.pem (for both
/// servers' <c>MuScore:Tls</c> settings and the checking client's trust), issuer.public.pem (MuScore's
/// <c>MuScore:Auth:Jwt:PublicKeyFile</c>), and one token per RPC under load, each with only the scope
/// that RPC needs: token-ratings.txt (<c>ratings:read</c>, so GetRating answers go through field
/// minimisation as a tariff or reporting system's would) and token-policy.txt (<c>policy:quote</c>).
/// </summary>
internal static class TlsSetupCommand
{
    public static int Run(CommandOptions options)
    {
        var folder = Directory.CreateDirectory(options.Text("out")).FullName;
        var regions = options.Text("regions", "*").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var issuer = options.Text("issuer", "muscore");
        var audience = options.Text("audience", "muscore");
        var lifetime = TimeSpan.FromHours(options.Int("hours", 4, max: 24 * 30));

        LoadPki.Write(folder, lifetime);
        using var tokens = new LoadTokens();
        File.WriteAllText(Path.Combine(folder, "issuer.public.pem"), tokens.PublicKeyPem);
        var ratings = tokens.Issue("loadbench-ratings", "ratings:read", regions, issuer, audience, lifetime);
        var policy = tokens.Issue("loadbench-billing", "policy:quote", regions, issuer, audience, lifetime);
        File.WriteAllText(Path.Combine(folder, "token-ratings.txt"), ratings);
        File.WriteAllText(Path.Combine(folder, "token-policy.txt"), policy);
        Console.WriteLine(Text($"wrote ca.pem, server.pem, server.key.pem, issuer.public.pem, token-ratings.txt ({ratings.Length} chars) and token-policy.txt ({policy.Length} chars) to {folder}; regions {string.Join(',', regions)}, valid {lifetime.TotalHours} h"));
        return ExitCodes.Ok;
    }
}

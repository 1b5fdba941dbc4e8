using Microsoft.Extensions.Options;
using MuScore.Server;
using MuScore.Server.Hosting;

// Starts with no configuration: SQLite file muscore.db in the working directory, http://127.0.0.1:5080 (h2c).
try
{
    await ServerHost.Build(ServerHost.CreateBuilder(args)).RunAsync().ConfigureAwait(false);
    return 0;
}
catch (Exception e) when (e is ServerConfigurationException or OptionsValidationException)
{
    // A bad setting is the operator's to fix: one line naming it, not a stack trace and an abort.
    await Console.Error.WriteLineAsync($"muscore server: {e.Message}").ConfigureAwait(false);
    return 2;
}

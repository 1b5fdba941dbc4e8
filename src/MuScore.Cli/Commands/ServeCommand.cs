using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MuScore.Cli.Arguments;
using MuScore.Cli.Serving;
using MuScore.Server;
using MuScore.Server.Hosting;

namespace MuScore.Cli.Commands;

/// <summary>
/// "muscore serve": runs the real MuScore gRPC server in this process (the same
/// <see cref="ServerHost"/> as src/MuScore.Server) until Ctrl-C, SIGTERM or <c>stop</c>.
/// </summary>
/// <param name="stop">Stops the server like Ctrl-C (tests and hosts that embed the command line).</param>
internal sealed class ServeCommand(CancellationToken stop) : ICommand
{
    private const string HostLogLevelKey = "Logging:LogLevel:Microsoft.Extensions.Hosting.Internal.Host";

    public ServeCommand()
        : this(CancellationToken.None)
    {
    }

    public string Name => "serve";

    public string Summary => "run the MuScore gRPC server (SQLite by default) until Ctrl-C";

    public string Usage => "serve [--urls URLS] [--store sqlite|postgres] [--connection-string TEXT] [--redis CONFIG] [--metrics URL] [--web URL|off] [--policy FILE]...";

    public string Details =>
        "The same server as 'dotnet run --project src/MuScore.Server'. With no options it listens on\n" +
        "http://127.0.0.1:5080 and keeps its data in muscore.db in the working directory. Options not\n" +
        "given leave appsettings.json and environment variables (MuScore__Store__Provider, ...) in\n" +
        "charge; see docs/service.md. Exit codes: 0 stopped, 1 could not start (port in use, store\n" +
        "unreachable), 2 bad arguments or configuration.";

    public IReadOnlyList<OptionSpec> Options => ServeOptions.Specs;

    public int Run(ParsedArguments args, CliConsole console)
    {
        var options = ServeOptions.From(args);

        // The command line is synchronous; nothing here captures a synchronization context.
        return ServeAsync(options, console).GetAwaiter().GetResult();
    }

    private async Task<int> ServeAsync(ServeOptions options, CliConsole console)
    {
        WebApplicationBuilder builder;
        try
        {
            builder = ServerHost.CreateBuilder([], options.Settings);
        }
        catch (ServerConfigurationException exception)
        {
            throw CommandFailure.BadInput($"invalid configuration: {exception.Message}");
        }

        // A failed start is printed as one line below; the host's own error entry would add a stack trace.
        if (builder.Configuration[HostLogLevelKey] is null)
        {
            builder.Configuration.AddInMemoryCollection([new(HostLogLevelKey, "Critical")]);
        }

        var app = ServerHost.Build(builder);
        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(stop).ConfigureAwait(false);
            }
            catch (OptionsValidationException exception)
            {
                throw CommandFailure.BadInput($"invalid configuration: {string.Join("; ", exception.Failures)}");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return ExitCodes.Success;
            }
            catch (Exception exception) when (exception is not (IOException or OutOfMemoryException))
            {
                // IOException (the address is in use) reaches CliApp as a file-system-like failure: exit 1.
                throw new CommandFailure(ExitCodes.IoFailure, $"the server could not start on {ServerDescription.ConfiguredUrls(app)}: {exception.Message}");
            }

            console.Out.Write(ServerDescription.Of(app));
            console.Out.Flush();

            // Returns on Ctrl-C or SIGTERM (the host's console lifetime) or when stop is cancelled; then stops gracefully.
            await app.WaitForShutdownAsync(stop).ConfigureAwait(false);
        }

        console.Out.WriteLine("muscore serve: stopped");
        return ExitCodes.Success;
    }
}

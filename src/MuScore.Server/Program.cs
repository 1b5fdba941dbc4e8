using MuScore.Server;

// Starts with no configuration: SQLite file muscore.db in the working directory, http://127.0.0.1:5080 (h2c).
await ServerHost.Build(ServerHost.CreateBuilder(args)).RunAsync().ConfigureAwait(false);

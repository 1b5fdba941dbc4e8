using MuScore.LoadBench;

// Subcommands: baseline, setup, batch, billing, check, capture, tls-setup, upload-memory, free-port. See docs/load-benchmark.md.
return await LoadBenchApp.RunAsync(args).ConfigureAwait(false);

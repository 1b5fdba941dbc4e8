using MuScore.Drills;

// The operations drills' client (bench/drills/*.sh, docs/operations-drills.md):
//   reads --server URL --region R --year Y --n N [--seed S] [--seconds S] [--stop-file F] [--concurrency C]
//   publish --server URL --region R --year Y --n N [--seed S] [--retry-seconds S]
//   concurrent-publish --server URL1,URL2 --region R --year Y [--runs K] [--n N]
if (args.Length == 0)
{
    await Console.Error.WriteLineAsync("usage: MuScore.Drills reads|publish|concurrent-publish --server URL ... (see Program.cs)").ConfigureAwait(false);
    return 2;
}

var options = DrillOptions.Parse(args[1..]);
return args[0] switch
{
    "reads" => await ReadsCommand.RunAsync(options).ConfigureAwait(false),
    "publish" => await PublishCommand.RunAsync(options).ConfigureAwait(false),
    "concurrent-publish" => await ConcurrentPublishCommand.RunAsync(options).ConfigureAwait(false),
    _ => throw new ArgumentException($"unknown command '{args[0]}'"),
};

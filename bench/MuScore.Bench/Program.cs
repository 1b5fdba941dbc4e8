using BenchmarkDotNet.Running;
using MuScore.Bench;
using MuScore.Bench.Profiling;

// Benchmarks: dotnet run -c Release --project bench/MuScore.Bench --artifacts-path DIR -- --filter '*'
// Profiling:  dotnet MuScore.Bench.dll loop rate|load N PASSES (see docs/benchmarks.md)
if (args.Length > 0 && args[0] == ProfileLoop.Command)
{
    return ProfileLoop.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create());
return 0;

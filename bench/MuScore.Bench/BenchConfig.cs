using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MuScore.Bench.Columns;

namespace MuScore.Bench;

/// <summary>The one configuration every benchmark class runs under.</summary>
internal static class BenchConfig
{
    /// <summary>
    /// A short job (1 warm-up, 5 measured iterations, 1 launch) because a 1M-row case takes seconds
    /// per invocation; the CLI's GC (workstation, non-concurrent, see src/MuScore.Cli/MuScore.Cli.csproj).
    /// In-process, because BenchmarkDotNet's out-of-process toolchain rebuilds the referenced
    /// projects into their own obj/bin folders, outside the --artifacts-path the build ran with.
    /// Results go to the system temp folder unless --artifacts says otherwise.
    /// </summary>
    public static IConfig Create() =>
        DefaultConfig.Instance
            .AddJob(Job.Default
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithLaunchCount(1)
                .WithGcServer(false)
                .WithGcConcurrent(false)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("Short-InProcess"))
            .AddColumn(PerEnterpriseColumn.Throughput, PerEnterpriseColumn.AllocatedPerEnterprise)
            .AddColumn(StatisticColumn.Min, StatisticColumn.Max)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "muscore-bench"));
}

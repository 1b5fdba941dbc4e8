using System.Runtime;
using MuScore.Cli.AnnualRun;

namespace MuScore.Cli.Tests.AnnualRun;

/// <summary>The collector is paused process-wide: these tests run alone, so no other test's rate run starts or ends a pause under them.</summary>
[CollectionDefinition(nameof(CollectionPauseTests), DisableParallelization = true)]
public sealed class CollectionPauseRunAlone;

/// <summary>
/// A rate run holds off garbage collection while it reads, rates and writes; the process (a
/// server hosting the pipeline, the test host) relies on the collector running as usual after it,
/// whether the run stayed within its budget or not.
/// </summary>
[Collection(nameof(CollectionPauseTests))]
public sealed class CollectionPauseTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Start_ThenDispose_PausesCollectionsAndThenResumesThem()
    {
        using (var pause = CollectionPause.Start(inputBytes: 1 << 20))
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void Dispose_AfterTheRunAllocatedPastItsBudget_LeavesNoPauseWithoutThrowing()
    {
        var pause = CollectionPause.Start(inputBytes: 0);
        var kept = new List<byte[]>();
        for (var i = 0; i < 160; i++)
        {
            // 160 MiB against a budget of 64 MiB: the collector ends the pause on its own.
            kept.Add(new byte[1 << 20]);
        }

        pause.Dispose();

        Assert.Equal(160, kept.Count);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Theory]
    [InlineData(189_076_577L, 16L << 30, 823_415_172L)]
    [InlineData(189_076_577L, 768L << 20, null)]
    [InlineData(1_890_722_990L, 6L << 30, null)]
    [InlineData(1_890_722_990L, 32L << 30, 4L << 30)]
    [InlineData(0L, 1L << 30, 64L << 20)]
    public void BudgetFor_AFileAgainstTheMemoryAvailable_IsSizedFromTheFileOrNoneAboveHalfTheMemory(long inputBytes, long availableBytes, long? expected)
    {
        // A 1M-row file (189 MB) in a container whose heap limit is 768 MiB must not pause: asking
        // for more than the limit ends the process with "Out of memory".
        Assert.Equal(expected, CollectionPause.BudgetFor(inputBytes, availableBytes));
    }

    [Fact]
    public void Start_InsideAnotherPause_LeavesTheOuterPauseToItsOwner()
    {
        using var outer = CollectionPause.Start(inputBytes: 1 << 20);
        using (CollectionPause.Start(inputBytes: 1 << 20))
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        outer.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("csv,xlsx")]
    public void Rate_Finished_LeavesTheCollectorRunning(string formats)
    {
        var input = temp.File("county.csv");
        CliRun.Of("sample", "--n", "300", "--seed", "5", "--bad-rate", "0.05", "--out", input).Expect(0);

        CliRun.Of("rate", "--input", input, "--scheme", "zj-standard", "--region", "all", "--year", "2024", "--out", temp.File("out"), "--formats", formats, "--quiet").Expect(0);

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        Assert.True(File.Exists(Path.Combine(temp.File("out"), "ratings.csv")));
    }

    [Fact]
    public void Rate_MissingInput_LeavesTheCollectorRunning()
    {
        CliRun.Of("rate", "--input", temp.File("missing.csv"), "--scheme", "zj-standard", "--region", "all", "--year", "2024", "--out", temp.File("out"), "--formats", "csv").Expect(2);

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}

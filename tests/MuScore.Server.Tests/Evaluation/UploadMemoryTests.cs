using System.Runtime;
using MuScore.Server.Evaluation;

namespace MuScore.Server.Tests.Evaluation;

/// <summary>
/// A large upload's draft is built with the collector held off; whatever happens inside, the
/// draft comes back as built and the process's collector is left as it was.
/// </summary>
public sealed class UploadMemoryTests
{
    [Fact]
    public void WithoutCollections_LargeRun_BuildsInANoCollectionRegionAndEndsIt()
    {
        var modeWhileBuilding = GCLatencyMode.Batch;

        var draft = UploadMemory.WithoutCollections(UploadMemory.LargeRun, () =>
        {
            modeWhileBuilding = GCSettings.LatencyMode;
            return new List<int> { 1, 2, 3 };
        });

        Assert.Equal(GCLatencyMode.NoGCRegion, modeWhileBuilding);
        Assert.Equal([1, 2, 3], draft);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void WithoutCollections_SmallRun_BuildsWithCollections()
    {
        var mode = UploadMemory.WithoutCollections(UploadMemory.LargeRun - 1, () => GCSettings.LatencyMode);

        Assert.NotEqual(GCLatencyMode.NoGCRegion, mode);
    }

    [Fact]
    public void WithoutCollections_BuildAllocatesPastTheBudget_StillReturnsTheDraft()
    {
        // Other calls allocate from the same budget; running out ends the region, not the upload.
        var budget = UploadMemory.LargeRun * UploadMemory.DraftBytesPerRecord;

        var kept = UploadMemory.WithoutCollections(UploadMemory.LargeRun, () =>
        {
            var blocks = new List<byte[]>();
            for (long allocated = 0; allocated < 2 * budget; allocated += 1 << 20)
            {
                blocks.Add(new byte[1 << 20]);
            }

            return blocks.Count;
        });

        Assert.Equal((int)((2 * budget + (1 << 20) - 1) >> 20), kept);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void WithoutCollections_BuildThrows_EndsTheRegionAndTheNextUploadHoldsItAgain()
    {
        Assert.Throws<InvalidDataException>(() =>
            UploadMemory.WithoutCollections<int>(UploadMemory.LargeRun, () => throw new InvalidDataException("bad run")));
        var modeAfter = GCSettings.LatencyMode;
        var modeOfTheNext = UploadMemory.WithoutCollections(UploadMemory.LargeRun, () => GCSettings.LatencyMode);

        Assert.NotEqual(GCLatencyMode.NoGCRegion, modeAfter);
        Assert.Equal(GCLatencyMode.NoGCRegion, modeOfTheNext);
    }

    [Fact]
    public void WithoutCollections_SecondUploadWhileOneHoldsTheRegion_BuildsAsUsual()
    {
        // The runtime holds one region at a time: a second large upload drafting meanwhile must not fail.
        var inner = UploadMemory.WithoutCollections(UploadMemory.LargeRun, () =>
            UploadMemory.WithoutCollections(UploadMemory.LargeRun, () => "second draft"));

        Assert.Equal("second draft", inner);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}

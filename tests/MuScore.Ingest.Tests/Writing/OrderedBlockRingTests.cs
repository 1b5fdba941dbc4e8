using System.Text;
using MuScore.Ingest;

namespace MuScore.Ingest.Tests.Writing;

/// <summary>Blocks come out of the ring in block order, whatever order the workers fill them in; a worker's failure reaches the writer.</summary>
public sealed class OrderedBlockRingTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 8)]
    public async Task Take_WorkersRacing_GivesEveryBlockInOrder(int size, int workers)
    {
        const int blocks = 2_000;
        using var ring = NewRing(size);
        var next = -1;
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(() =>
        {
            var random = new Random(w);
            for (var block = Interlocked.Increment(ref next); block < blocks; block = Interlocked.Increment(ref next))
            {
                // Uneven work, so a later block is often ready first.
                Thread.SpinWait(random.Next(2_000));
                ring.Fill(block, buffer => buffer.Number(block));
            }
        })).ToArray();

        var seen = new List<string>();
        for (var block = 0; block < blocks; block++)
        {
            seen.Add(Encoding.UTF8.GetString(ring.Take(block).Written));
            ring.Release(block);
        }

        await Task.WhenAll(tasks);
        Assert.Equal(Enumerable.Range(0, blocks).Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)), seen);
    }

    [Fact]
    public async Task Take_AWorkerFailed_ThrowsItsException()
    {
        using var ring = NewRing(2);
        var worker = Task.Run(() => ring.Fill(0, _ => throw new InvalidDataException("block 0 broke")));

        var thrown = Assert.Throws<InvalidDataException>(() => ring.Take(0));

        Assert.Equal("block 0 broke", thrown.Message);
        await Assert.ThrowsAsync<InvalidDataException>(() => worker);
    }

    [Fact]
    public async Task Fill_AfterCancel_ThrowsInsteadOfWaitingForever()
    {
        using var ring = NewRing(1);
        ring.Fill(0, buffer => buffer.Empty());
        var waiting = Task.Run(() => ring.Fill(1, buffer => buffer.Empty()));

        ring.Cancel();

        await Assert.ThrowsAsync<OperationCanceledException>(() => waiting);
    }

    private static OrderedBlockRing<CsvRowBuffer> NewRing(int size) => new(size, () => new CsvRowBuffer(64), buffer => buffer.Clear());
}

using MuScore.Store.Sql;

namespace MuScore.Store.Payload;

/// <summary>
/// The payloads of one chunk of a save, encoded on every core but one: the chunk is cut into one
/// range a core, and each range's payloads are appended to one buffer, kept from chunk to chunk. A
/// million-row save thus allocates a few MB of buffers, not a million payload arrays that outlive
/// the young generation and pile up until a full collection. With the key texts, each payload is
/// followed by the UTF-8 of the row's credit code, pool and industry key, so that the database's
/// single writer thread binds bytes instead of encoding text (docs/benchmarks.md, "Publishing a
/// million rows in under ten seconds"). The core left out is the database writer's, the save's
/// bottleneck: on two cores one encoder keeps a chunk ahead of it, the same as two on a quiet
/// machine and a little faster on a busy one (docs/benchmarks.md, "A draft read from the run's columns").
/// </summary>
internal sealed class PayloadChunk
{
    private readonly PayloadWriter[] ranges = [.. Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount - 1)).Select(_ => new PayloadWriter())];
    private IReadOnlyList<StoredRating> ratings = [];
    private int[] order = [];
    private int start;

    // Per rating: where its payload starts and ends, then where its code, pool and industry key end.
    private int[] starts = [];
    private int[] ends = [];
    private int[] codeEnds = [];
    private int[] poolEnds = [];
    private int[] industryEnds = [];

    // Per rating, with the key texts: its indexed numbers (RatingColumns), read here on every core
    // rather than by the writer, whose every first touch of a rating was a cache miss.
    private short[] statuses = [];
    private short[] classes = [];
    private int[] ranks = [];

    // Without the key texts, the ratings encoded, for a writer that reads them (a draft's ratings
    // may be built on each read: RunRatings).
    private StoredRating[] encoded = [];
    private bool keepsRatings;
    private int rangeSize;

    /// <summary>What <see cref="Status"/> gives for a rating that cannot be stored: the writer asks <see cref="RatingColumns.Status"/> again, to fail with its message.</summary>
    public const short UnknownStatus = -1;

    private const short NoRating = -1;

    /// <summary>Payloads encoded by the last <see cref="Encode"/>.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Encodes the ratings at <c>order[start..start + count]</c>, replacing what the chunk held;
    /// with <paramref name="keyTexts"/>, their credit codes, pools and industry keys too.
    /// </summary>
    public void Encode(IReadOnlyList<StoredRating> ratings, int[] order, int start, int count, bool keyTexts = false)
    {
        if (ends.Length < count)
        {
            starts = new int[count];
            ends = new int[count];
            codeEnds = new int[count];
            poolEnds = new int[count];
            industryEnds = new int[count];
            statuses = new short[count];
            classes = new short[count];
            ranks = new int[count];
        }

        keepsRatings = !keyTexts;
        if (keepsRatings && encoded.Length < count)
        {
            encoded = new StoredRating[count];
        }

        this.ratings = ratings;
        this.order = order;
        this.start = start;
        Count = count;
        rangeSize = Math.Max(1, (count + ranges.Length - 1) / ranges.Length);
        Parallel.For(0, ranges.Length, range =>
        {
            var writer = ranges[range];
            writer.Reset();
            for (var i = range * rangeSize; i < Math.Min(count, (range + 1) * rangeSize); i++)
            {
                var stored = ratings[order[start + i]];
                if (keepsRatings)
                {
                    encoded[i] = stored;
                }

                starts[i] = writer.Length;
                RatingPayload.Append(stored, writer);
                ends[i] = writer.Length;
                if (keyTexts)
                {
                    writer.Utf8(stored.CreditCode);
                    codeEnds[i] = writer.Length;
                    writer.Utf8(stored.Rating?.Pool);
                    poolEnds[i] = writer.Length;
                    writer.Utf8(RatingColumns.IndustryKey(stored.Industry.AsSpan()));
                    industryEnds[i] = writer.Length;
                    statuses[i] = RatingColumns.StatusOrNull(stored) ?? UnknownStatus;
                    classes[i] = RatingColumns.Class(stored) ?? NoRating;
                    ranks[i] = RatingColumns.Rank(stored) ?? 0;
                }
            }
        });
    }

    /// <summary>The <see cref="RatingColumns.Status"/> of rating <paramref name="index"/>; <see cref="UnknownStatus"/> when that throws.</summary>
    public short Status(int index) => statuses[index];

    /// <summary>Whether rating <paramref name="index"/> has a rating (so a pool, class and rank).</summary>
    public bool HasRating(int index) => classes[index] != NoRating;

    /// <summary>The <see cref="RatingColumns.Class"/> of rating <paramref name="index"/>, when <see cref="HasRating"/>.</summary>
    public short Class(int index) => classes[index];

    /// <summary>The <see cref="RatingColumns.Rank"/> of rating <paramref name="index"/>, when <see cref="HasRating"/>.</summary>
    public int Rank(int index) => ranks[index];

    /// <summary>The rating <paramref name="index"/> of the chunk is of.</summary>
    public StoredRating Rating(int index) => keepsRatings ? encoded[index] : ratings[order[start + index]];

    /// <summary>Payload <paramref name="index"/> of the chunk, in place: valid until the chunk is encoded again.</summary>
    public ReadOnlyMemory<byte> Payload(int index) => Written(index)[starts[index]..ends[index]];

    /// <summary>The same payload as a span.</summary>
    public ReadOnlySpan<byte> PayloadSpan(int index) => WrittenSpan(index)[starts[index]..ends[index]];

    /// <summary>The UTF-8 of rating <paramref name="index"/>'s credit code (encoded with its key texts only).</summary>
    public ReadOnlySpan<byte> CreditCode(int index) => WrittenSpan(index)[ends[index]..codeEnds[index]];

    /// <summary>The UTF-8 of rating <paramref name="index"/>'s pool, empty when it has no rating.</summary>
    public ReadOnlySpan<byte> Pool(int index) => WrittenSpan(index)[codeEnds[index]..poolEnds[index]];

    /// <summary>The UTF-8 of rating <paramref name="index"/>'s industry key (<see cref="RatingColumns.IndustryKey(string)"/>).</summary>
    public ReadOnlySpan<byte> IndustryKey(int index) => WrittenSpan(index)[poolEnds[index]..industryEnds[index]];

    private ReadOnlyMemory<byte> Written(int index) => ranges[index / rangeSize].Written;

    private ReadOnlySpan<byte> WrittenSpan(int index) => ranges[index / rangeSize].WrittenSpan;
}

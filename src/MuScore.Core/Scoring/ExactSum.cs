namespace MuScore.Core.Scoring;

/// <summary>
/// An order-independent sum of doubles: each term is fixed to 64 fractional bits (truncation is per
/// term, so it cannot depend on order) and added exactly in 128-bit integers. Used for the pool
/// mean of item scores, so that shuffling the input rows cannot change a single bit of a score.
/// </summary>
internal struct ExactSum
{
    private const double Scale = 18446744073709551616.0; // 2^64
    private Int128 total;

    public int Count { get; private set; }

    public void Add(double value)
    {
        total += (Int128)(value * Scale);
        Count++;
    }

    /// <summary>Adds another sum's terms (integer addition, so merging chunks in any order gives the same bits).</summary>
    public void Add(in ExactSum other)
    {
        total += other.total;
        Count += other.Count;
    }

    public readonly double Mean => Count == 0 ? 0.0 : (double)total / Scale / Count;
}

namespace MuScore.Core.Tests.Builders;

/// <summary>Compares scores within <see cref="Expected.Tolerance"/>, for sequences of item scores.</summary>
internal sealed class Close : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= Expected.Tolerance;

    // Sequences are compared element by element; a constant hash keeps near-equal values together.
    public int GetHashCode(double obj) => 0;
}

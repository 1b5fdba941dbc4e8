using System.Globalization;

namespace MuScore.Core.Policies;

/// <summary>When a policy section is in force: from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive; null: open-ended).</summary>
/// <param name="From">First day in force.</param>
/// <param name="To">First day no longer in force; null when no end is set.</param>
public readonly record struct EffectivePeriod(DateOnly From, DateOnly? To)
{
    /// <summary>True when <paramref name="date"/> is on or after <see cref="From"/> and before <see cref="To"/>.</summary>
    public bool Contains(DateOnly date) => date >= From && (To is not { } end || date < end);

    /// <summary>True when some day lies in both periods.</summary>
    public bool Overlaps(EffectivePeriod other) =>
        (To is not { } end || other.From < end) && (other.To is not { } otherEnd || From < otherEnd);

    /// <summary>"2022-07-16 to 2024-01-01 (exclusive)" or "from 2022-01-01".</summary>
    public override string ToString() => To is { } end
        ? $"{Day(From)} to {Day(end)} (exclusive)"
        : $"from {Day(From)}";

    /// <summary>A date as yyyy-MM-dd, invariant.</summary>
    internal static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

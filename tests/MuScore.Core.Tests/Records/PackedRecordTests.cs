using System.Globalization;
using MuScore.Core.Records;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Records;

/// <summary>
/// The figures of <see cref="EnterpriseRecord"/> are packed into 4 bytes each: they must come back
/// exactly (value, scale, sign), wide values included, and equality must still compare values.
/// </summary>
public sealed class PackedRecordTests
{
    public static TheoryData<string> Values => new()
    {
        "0", "-0", "0.000", "1", "-1", "12.50", "-123456.789", "999999999999.9999",
        "72057594037927935", "72057594037927936", "-72057594037927936",
        "0.1234567890123456789012345678", "79228162514264337593543950335", "-79228162514264337593543950335",
        "1E-28",

        // Either side of the 4-byte form's limits: a magnitude of 2^26, a scale of 7.
        "67108863", "67108864", "-67108864", "671088.63", "0.1234567", "0.12345678", "-0.0000001",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Figures_RoundTripExactlyWithScaleAndSign(string text)
    {
        var value = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

        var record = EnterpriseBuilder.Create(1).Build() with { Tax = value, Revenue = value, PenaltyPoints = value };

        Assert.Equal(decimal.GetBits(value), decimal.GetBits(record.Tax));
        Assert.Equal(decimal.GetBits(value), decimal.GetBits(record.Revenue!.Value));
        Assert.Equal(decimal.GetBits(value), decimal.GetBits(record.PenaltyPoints));
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), record.Tax.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ProductionStartAndScale_RoundTripAtTheirEnds()
    {
        var record = EnterpriseBuilder.Create(1).Build();

        Assert.Equal(DateOnly.MinValue, (record with { ProductionStart = DateOnly.MinValue }).ProductionStart);
        Assert.Equal(DateOnly.MaxValue, (record with { ProductionStart = DateOnly.MaxValue }).ProductionStart);
        Assert.Null((record with { ProductionStart = null }).ProductionStart);
        Assert.Equal(Scale.Below, (record with { Scale = Scale.Below }).Scale);
    }

    [Fact]
    public void UnsetFigures_NullableNullPlainZero()
    {
        var record = new EnterpriseRecord { CreditCode = "c", Region = "331082", Industry = "C3670", Division = 36, Scale = Scale.Above, Tax = 1m };

        Assert.Null(record.ValueAdded);
        Assert.Null(record.FixedAssetInvestment);
        Assert.Equal(0m, record.LandLeasedInMu);
        Assert.Equal(0m, record.BonusPoints);
    }

    [Fact]
    public void With_WideValue_LeavesTheOriginalAlone()
    {
        var wide = decimal.MaxValue;
        var original = EnterpriseBuilder.Create(1).Build() with { Water = wide };

        var copy = original with { Water = 5m, Electricity = wide - 1 };

        Assert.Equal(wide, original.Water);
        Assert.Equal(300m, original.Electricity);
        Assert.Equal((5m, wide - 1), (copy.Water, copy.Electricity));
    }

    [Fact]
    public void Equals_SameValuesDifferentScales_EqualWithEqualHashes()
    {
        var a = EnterpriseBuilder.Create(1).Build() with { Tax = 12.5m, Revenue = 2000m };
        var b = a with { Tax = 12.50m, Revenue = 2000.000m };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Revenue = null });
        Assert.NotEqual(a, b with { Tax = 12.51m });
        Assert.NotEqual(a, b with { MajorIncident = true });
    }

    [Fact]
    public void Record_HoldsNoDecimalFields()
    {
        // The point of packing: a million records in memory at once (docs/benchmarks.md).
        var fields = typeof(EnterpriseRecord).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic);

        Assert.DoesNotContain(fields, f => f.FieldType == typeof(decimal) || f.FieldType == typeof(decimal?));
    }
}

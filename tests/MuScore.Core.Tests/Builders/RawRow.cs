using MuScore.Core.Records;

namespace MuScore.Core.Tests.Builders;

/// <summary>An in-test <see cref="IRawRow"/>: a dictionary of cells. <see cref="Valid"/> starts from a row that parses.</summary>
internal sealed class RawRow(int rowNumber) : IRawRow
{
    private readonly Dictionary<Field, string> cells = [];

    public int RowNumber { get; } = rowNumber;

    public bool IsBlank => cells.Values.All(string.IsNullOrWhiteSpace);

    /// <summary>A complete valid row (code 91350100M000100Y43, region 331082, ABOVE, 10 mu).</summary>
    public static RawRow Valid(int rowNumber = 2) => new RawRow(rowNumber)
        .With(Field.CreditCode, "91350100M000100Y43")
        .With(Field.Name, "福州测试机械有限公司")
        .With(Field.Region, "331082")
        .With(Field.Industry, "C3670")
        .With(Field.Scale, "ABOVE")
        .With(Field.LandOwnMu, "10")
        .With(Field.LandLeasedInMu, "2.5")
        .With(Field.LandLeasedOutMu, "0.5")
        .With(Field.Tax, "240.5")
        .With(Field.ValueAdded, "1200")
        .With(Field.Revenue, "5600")
        .With(Field.EnergyTce, "830")
        .With(Field.Electricity, "410")
        .With(Field.Water, "25000")
        .With(Field.Cod, "1.2")
        .With(Field.Nh3n, "0.1")
        .With(Field.So2, "0.6")
        .With(Field.Nox, "0.9")
        .With(Field.Employees, "120")
        .With(Field.Rd, "150")
        .With(Field.FixedAssetInvestment, "0")
        .With(Field.InConstruction, "否")
        .With(Field.ProductionStart, "2015-06-01")
        .With(Field.MajorIncident, "false")
        .With(Field.FailsStandards, "0")
        .With(Field.BonusPoints, "2")
        .With(Field.PenaltyPoints, "1");

    public RawRow With(Field field, string text)
    {
        cells[field] = text;
        return this;
    }

    public RawRow Without(Field field)
    {
        cells.Remove(field);
        return this;
    }

    public ReadOnlySpan<char> Cell(Field field) => cells.TryGetValue(field, out var text) ? text : [];
}

using MuScore.Core.Records;

namespace MuScore.Core.Sampling;

/// <summary>
/// Synthetic enterprise-year rows that look like a county's submission (docs/method.md §2): valid unique
/// credit codes, mostly manufacturing with a few utilities, skewed land and output, missing and
/// zero reports, vetoes, construction projects, new enterprises, and optionally bad rows of every
/// kind. Pure and deterministic: the same <see cref="SampleOptions"/> give the same rows on every
/// machine and runtime (its own SplitMix64 generator, no library transcendental functions).
/// </summary>
public static class SampleGenerator
{
    /// <summary>Relative frequency of the date forms 2019-05-06, 2019/5/6 and 20190506.</summary>
    private static readonly int[] DateStyleWeights = [7, 2, 1];

    /// <summary>The header row in canonical field order: English names, or Chinese names with units.</summary>
    public static IReadOnlyList<string> Headers(bool chinese)
    {
        var headers = new string[FieldCatalog.Count];
        foreach (var info in FieldCatalog.All)
        {
            var unit = chinese ? Unit(info.Field) : null;
            headers[(int)info.Field] = !chinese ? info.Name : unit is null ? info.ChineseName : $"{info.ChineseName}（{unit}）";
        }

        return headers;
    }

    /// <summary>
    /// The data rows as text cells in canonical field order (<see cref="FieldCatalog.All"/>), one array per row,
    /// bad rows mixed in at <see cref="SampleOptions.BadRowRate"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The options fail <see cref="SampleOptions.Validate"/>.</exception>
    public static IEnumerable<string[]> Generate(SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        return GenerateRows(options);
    }

    /// <summary>
    /// The valid records of the same sample with no bad rows and no text round trip: record i equals
    /// what parsing row i of <see cref="Generate"/> gives when <see cref="SampleOptions.BadRowRate"/> is 0.
    /// For benchmarks and tests that rate many enterprises.
    /// </summary>
    /// <exception cref="ArgumentException">The options fail <see cref="SampleOptions.Validate"/>.</exception>
    public static IEnumerable<EnterpriseRecord> GenerateRecords(SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        return GenerateRecordsCore(options);
    }

    /// <summary>The defect of each bad row in order: the j-th bad row has defect j mod 10, in <see cref="SampleDefect"/> order.</summary>
    public static SampleDefect DefectOf(int badRowOrdinal) =>
        (SampleDefect)(badRowOrdinal % Enum.GetValues<SampleDefect>().Length);

    private static IEnumerable<EnterpriseRecord> GenerateRecordsCore(SampleOptions options)
    {
        var codes = new CodeSequence(options.Seed);
        for (var i = 0; i < options.Count; i++)
        {
            yield return SampleFigures.Create(SampleIdentity.Create(options, codes, i), options, i);
        }
    }

    private static IEnumerable<string[]> GenerateRows(SampleOptions options)
    {
        var codes = new CodeSequence(options.Seed);
        (string Code, string Name, string Region)? lastGood = null;
        var badRows = 0;
        for (var i = 0; i < options.Count; i++)
        {
            var record = SampleFigures.Create(SampleIdentity.Create(options, codes, i), options, i);
            var style = SampleRandom.For(options.Seed, i, salt: 3).Pick(DateStyleWeights);
            var cells = SampleCells.From(record, options.ChineseHeaders, style);
            if (!SampleDefects.IsBad(i, options.BadRowRate))
            {
                lastGood = (record.CreditCode, record.Name ?? string.Empty, record.Region);
                yield return cells;
                continue;
            }

            var defect = DefectOf(badRows++);
            if (defect == SampleDefect.DuplicateCreditCode && lastGood is null)
            {
                // Nothing earlier to duplicate: still make the row bad, just differently.
                defect = SampleDefect.BadCheckCharacter;
            }
            else if (defect == SampleDefect.BlankLine && i == options.Count - 1)
            {
                // Readers drop blank lines after the last data row, so a blank last row would vanish.
                defect = SampleDefect.MissingRequired;
            }

            SampleDefects.Apply(cells, defect, options.ChineseHeaders, options.Year, lastGood);
            yield return cells;
        }
    }

    private static string? Unit(Field field) => field switch
    {
        Field.LandOwnMu or Field.LandLeasedInMu or Field.LandLeasedOutMu => "亩",
        Field.Tax or Field.ValueAdded or Field.Revenue or Field.Rd or Field.FixedAssetInvestment => "万元",
        Field.EnergyTce => "吨标准煤",
        Field.Electricity => "万千瓦时",
        Field.Water or Field.Cod or Field.Nh3n or Field.So2 or Field.Nox => "吨",
        Field.Employees => "人",
        Field.BonusPoints or Field.PenaltyPoints => "分",
        _ => null,
    };
}

using System.Globalization;

namespace MuScore.Core.Records;

/// <summary>
/// Validates raw rows into <see cref="EnterpriseRecord"/>s by the rules of docs/method.md §10, listing
/// every problem of a row. Not thread-safe: it keeps a pool of repeated strings (regions,
/// industries) so that a million rows do not hold a million copies of "330603".
/// </summary>
public sealed class RecordParser
{
    // The record's packed figures: the 16 from land own to fixed-asset investment, then bonus and penalty points.
    private const int FigureCount = 18;

    // A blank or refused figure the record reads as 0 holds a packed 0 (not the null word), as the decimal 0 did when it was packed.
    private static readonly uint PackedZero = PackZero();

    // Each field's Required flag by field number: a blank cell is a common sight, and the catalog's list is an interface call away.
    private static readonly bool[] Required = [.. FieldCatalog.All.Select(f => f.Required)];

    private readonly Dictionary<string, string> pool = new(StringComparer.Ordinal);

    // Reused for every row: most rows have no problem, and a fresh list per row is a million garbage lists.
    private readonly List<FieldProblem> problems = [];
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> poolLookup;

    /// <summary>Creates a parser with an empty string pool.</summary>
    public RecordParser() => poolLookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Validates one raw row.</summary>
    public ParsedRow Parse(IRawRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.IsBlank)
        {
            return new ParsedRow
            {
                RowNumber = row.RowNumber,
                Problems = [new FieldProblem(null, ProblemRule.BlankRow, "the row is blank")],
            };
        }

        problems.Clear();
        var code = Text(row, Field.CreditCode, problems);
        var codeValid = false;
        if (code is not null)
        {
            var rule = CreditCode.Validate(code);
            codeValid = rule is null;
            if (rule == ProblemRule.CreditCodeFormat)
            {
                problems.Add(new(Field.CreditCode, rule.Value, $"credit_code '{EchoedValue.Bound(code)}' is not 18 characters of digits and upper-case letters other than I, O, S, V, Z"));
            }
            else if (rule == ProblemRule.CreditCodeCheck)
            {
                problems.Add(new(Field.CreditCode, rule.Value, $"credit_code '{EchoedValue.Bound(code)}' fails the GB 32100-2015 check character (expected '{CreditCode.CheckCharacter(code.AsSpan(0, 17))}')"));
            }
        }

        var name = Text(row, Field.Name, problems);
        var region = Pooled(row, Field.Region, problems);
        var regionValid = region is not null && CellParsers.IsRegion(region);
        if (region is not null && !regionValid)
        {
            problems.Add(new(Field.Region, ProblemRule.RegionFormat, $"region '{EchoedValue.Bound(region)}' is not a 6-digit region code"));
        }

        var industry = Pooled(row, Field.Industry, problems);
        var division = 0;
        if (industry is not null && !CellParsers.TryIndustry(industry, out division))
        {
            problems.Add(new(Field.Industry, ProblemRule.IndustryFormat, $"industry '{EchoedValue.Bound(industry)}' is not a GB/T 4754 code such as C3670 or 3670"));
        }

        var scale = ReadScale(row, problems);

        // The figures are packed as they are read, in the record's order (the order of Field, which
        // is also the order their problems are listed in), so a short one never becomes a decimal.
        Span<uint> figures = stackalloc uint[FigureCount];
        decimal[]? overflow = null;
        figures[0] = Figure(row, Field.LandOwnMu, plain: true, ref overflow, problems);
        figures[1] = Figure(row, Field.LandLeasedInMu, plain: true, ref overflow, problems);
        figures[2] = Figure(row, Field.LandLeasedOutMu, plain: true, ref overflow, problems);
        figures[3] = Figure(row, Field.Tax, plain: true, ref overflow, problems);
        for (var field = Field.ValueAdded; field <= Field.FixedAssetInvestment; field++)
        {
            figures[field - Field.LandOwnMu] = Figure(row, field, plain: false, ref overflow, problems);
        }

        var inConstruction = Boolean(row, Field.InConstruction, problems);
        var productionStart = Date(row, problems);
        var majorIncident = Boolean(row, Field.MajorIncident, problems);
        var failsStandards = Boolean(row, Field.FailsStandards, problems);
        figures[16] = Figure(row, Field.BonusPoints, plain: true, ref overflow, problems);
        figures[17] = Figure(row, Field.PenaltyPoints, plain: true, ref overflow, problems);
        var record = new EnterpriseRecord(code ?? string.Empty, region ?? string.Empty, industry ?? string.Empty, division, scale ?? Scale.Above, figures, overflow)
        {
            Name = name,
            InConstruction = inConstruction,
            ProductionStart = productionStart,
            MajorIncident = majorIncident,
            FailsStandards = failsStandards,
        };

        var landProblem = problems.Count > 0 && problems.Exists(p => p.Field is Field.LandOwnMu or Field.LandLeasedInMu or Field.LandLeasedOutMu);
        if (!landProblem && record.LandMu <= 0m)
        {
            problems.Add(new(Field.LandOwnMu, ProblemRule.LandNotPositive, Invariant($"evaluated land {record.LandOwnMu} + {record.LandLeasedInMu} - {record.LandLeasedOutMu} = {record.LandMu} mu is not above 0")));
        }

        // A valid row keeps only its record: the record's strings are the row's texts.
        return problems.Count == 0
            ? ParsedRow.Valid(row.RowNumber, record)
            : ParsedRow.Invalid(row.RowNumber, code, name, region, codeValid, regionValid, problems.ToArray());
    }

    private static string? Text(IRawRow row, Field field, List<FieldProblem> problems)
    {
        var text = row.Cell(field).Trim();
        if (text.IsEmpty)
        {
            RequireIfNeeded(field, problems);
            return null;
        }

        return text.ToString();
    }

    private string? Pooled(IRawRow row, Field field, List<FieldProblem> problems)
    {
        var text = row.Cell(field).Trim();
        if (text.IsEmpty)
        {
            RequireIfNeeded(field, problems);
            return null;
        }

        if (poolLookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        // Unbounded growth would only follow from hostile input; cap the pool and fall back to copies.
        var copy = text.ToString();
        if (pool.Count < 100_000)
        {
            pool[copy] = copy;
        }

        return copy;
    }

    private static Scale? ReadScale(IRawRow row, List<FieldProblem> problems)
    {
        var text = row.Cell(Field.Scale).Trim();
        if (text.IsEmpty)
        {
            RequireIfNeeded(Field.Scale, problems);
            return null;
        }

        if (CellParsers.TryScale(text, out var scale))
        {
            return scale;
        }

        problems.Add(new(Field.Scale, ProblemRule.ScaleUnknown, $"scale '{EchoedValue.Bound(text)}' is not one of ABOVE, BELOW, 规上, 规下, 规模以上, 规模以下"));
        return null;
    }

    /// <summary>
    /// A figure's packed word (<see cref="PackedDecimal"/>); a blank or refused cell packs as 0 when
    /// the record reads it as 0 (<paramref name="plain"/>), else as null.
    /// </summary>
    private static uint Figure(IRawRow row, Field field, bool plain, ref decimal[]? overflow, List<FieldProblem> problems)
    {
        var text = row.Cell(field).Trim();
        if (text.IsEmpty)
        {
            RequireIfNeeded(field, problems);
            return plain ? PackedZero : 0;
        }

        if (CellParsers.TryShortNumber(text, out var mantissa, out var scale, out var negative))
        {
            // Nearly every figure is short: its sign and range are checked in integers, not as decimals.
            var tooLarge = CellParsers.ShortExceedsMax(mantissa, scale);
            if ((!negative && !tooLarge) || Checked(text, field, negative, tooLarge, problems))
            {
                return PackedDecimal.PackShort(mantissa, scale, negative, ref overflow);
            }

            return plain ? PackedZero : 0;
        }

        var value = Number(text, field, problems);
        return PackedDecimal.Pack(plain ? value ?? 0m : value, ref overflow);
    }

    /// <summary>A figure that is not a short number: any other accepted form, or its problem (then null).</summary>
    private static decimal? Number(ReadOnlySpan<char> text, Field field, List<FieldProblem> problems)
    {
        if (!CellParsers.TryNumber(text, out var value))
        {
            problems.Add(new(field, ProblemRule.NumberFormat, $"{FieldCatalog.NameOf(field)} '{EchoedValue.Bound(text)}' is not a plain number (no thousands separators or units)"));
            return null;
        }

        return Checked(text, field, value < 0m, Math.Abs(value) > CellParsers.MaxMagnitude, problems) ? value : null;
    }

    /// <summary>Adds the problem of a negative or too large number; true when it has neither.</summary>
    private static bool Checked(ReadOnlySpan<char> text, Field field, bool negative, bool tooLarge, List<FieldProblem> problems)
    {
        if (negative && field != Field.ValueAdded)
        {
            problems.Add(new(field, ProblemRule.Negative, $"{FieldCatalog.NameOf(field)} '{EchoedValue.Bound(text)}' is negative; only value_added may be"));
            return false;
        }

        if (tooLarge)
        {
            problems.Add(new(field, ProblemRule.OutOfRange, $"{FieldCatalog.NameOf(field)} '{EchoedValue.Bound(text)}' exceeds 10^12"));
            return false;
        }

        return true;
    }

    private static bool Boolean(IRawRow row, Field field, List<FieldProblem> problems)
    {
        var text = row.Cell(field).Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        if (CellParsers.TryBoolean(text, out var value))
        {
            return value;
        }

        problems.Add(new(field, ProblemRule.BooleanUnknown, $"{FieldCatalog.NameOf(field)} '{EchoedValue.Bound(text)}' is not one of true/false, 1/0, yes/no, y/n, 是/否"));
        return false;
    }

    private static DateOnly? Date(IRawRow row, List<FieldProblem> problems)
    {
        var text = row.Cell(Field.ProductionStart).Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        if (CellParsers.TryDate(text, out var date))
        {
            return date;
        }

        problems.Add(new(Field.ProductionStart, ProblemRule.DateInvalid, $"production_start '{EchoedValue.Bound(text)}' is not an existing date written 2025-01-31, 2025/01/31, 2025.01.31 or 20250131"));
        return null;
    }

    private static void RequireIfNeeded(Field field, List<FieldProblem> problems)
    {
        if (Required[(int)field])
        {
            problems.Add(new(field, ProblemRule.Required, $"{FieldCatalog.NameOf(field)} is required"));
        }
    }

    private static uint PackZero()
    {
        decimal[]? none = null;
        return PackedDecimal.Pack(0m, ref none);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

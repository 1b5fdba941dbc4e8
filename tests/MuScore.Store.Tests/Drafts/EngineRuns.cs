using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Drafts;

/// <summary>Real engine runs over records built in code (zj-standard), rows numbered from 2.</summary>
internal static class EngineRuns
{
    public const string InputHash = "0f1e2d3c";

    public static EnterpriseRecord Record(int serial, string region = TestRuns.Region, string industry = "C3670", Scale scale = Scale.Above) => new()
    {
        CreditCode = TestRuns.Code(serial, region),
        Name = $"企业{serial}",
        Region = region,
        Industry = industry,
        Division = int.Parse(industry.TrimStart('C', 'D')[..2], System.Globalization.CultureInfo.InvariantCulture),
        Scale = scale,
        LandOwnMu = 10m + serial,
        LandLeasedInMu = 0.25m,
        Tax = 100m + (serial * 37 % 101),
        ValueAdded = 400m + (serial * 13 % 97),
        Revenue = 2_000m + serial,
        EnergyTce = serial % 5 == 0 ? null : 50m + serial,
        Electricity = 30m + serial,
        Water = 1_000m,
        Cod = 1.5m,
        Nh3n = 0.2m,
        So2 = 0.7m,
        Nox = 0.9m,
        Employees = 50m + serial,
        Rd = 10m + serial,
    };

    public static RatingRun Rate(IReadOnlyList<ParsedRow> rows, string? region = TestRuns.Region) =>
        RatingEngine.Rate(new RatingRequest
        {
            Scheme = SchemePresets.Get("zj-standard"),
            Year = TestRuns.Year,
            Region = region,
            Rows = rows,
            InputHash = InputHash,
        });

    public static ParsedRow Valid(int rowNumber, EnterpriseRecord record) => ParsedRow.Valid(rowNumber, record);

    public static ParsedRow Invalid(int rowNumber, string creditCode, params FieldProblem[] problems) => new()
    {
        RowNumber = rowNumber,
        CreditCodeText = creditCode,
        RegionText = TestRuns.Region,
        RegionValid = true,
        Problems = problems,
    };
}

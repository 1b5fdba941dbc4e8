using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MuScore.Bench.Columns;

/// <summary>
/// Per-enterprise figures derived from a case's Mean and Allocated: every benchmark here handles
/// <c>N</c> enterprises (one row each) per operation, read from its <c>N</c> parameter.
/// </summary>
internal sealed class PerEnterpriseColumn : IColumn
{
    /// <summary>The benchmark parameter that holds the number of enterprises per operation.</summary>
    public const string CountParameter = "N";

    private readonly Func<Summary, BenchmarkCase, double?> value;
    private readonly string format;

    private PerEnterpriseColumn(string name, string legend, string format, Func<Summary, BenchmarkCase, double?> value)
    {
        ColumnName = name;
        Legend = legend;
        this.format = format;
        this.value = value;
    }

    /// <summary>N divided by the mean time of one operation.</summary>
    public static PerEnterpriseColumn Throughput { get; } = new(
        "Enterprises/s",
        "Enterprises handled per second: N / Mean",
        "#,0",
        (summary, benchmark) => Count(benchmark) is { } n && summary[benchmark]?.ResultStatistics?.Mean is { } ns && ns > 0
            ? n / (ns / 1e9)
            : null);

    /// <summary>Bytes allocated per operation divided by N.</summary>
    public static PerEnterpriseColumn AllocatedPerEnterprise { get; } = new(
        "B/enterprise",
        "Managed bytes allocated per enterprise: Allocated / N",
        "#,0.0",
        (summary, benchmark) => Count(benchmark) is { } n && summary[benchmark] is { } report
            && report.GcStats.GetBytesAllocatedPerOperation(benchmark) is { } bytes
            ? (double)bytes / n
            : null);

    public string Id => nameof(PerEnterpriseColumn) + "." + ColumnName;

    public string ColumnName { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend { get; }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        value(summary, benchmarkCase) is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "NA";

    public override string ToString() => ColumnName;

    private static double? Count(BenchmarkCase benchmark)
    {
        var n = benchmark.Parameters[CountParameter];
        return n is null ? null : Convert.ToDouble(n, CultureInfo.InvariantCulture);
    }
}

using System.ComponentModel.DataAnnotations;

namespace MuScore.Server.Options;

/// <summary>Request size limits (section <c>MuScore:Limits</c>).</summary>
public sealed class LimitsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "MuScore:Limits";

    /// <summary>Most records one SubmitRun may send (default 2,000,000, a province and then some).</summary>
    [Range(1, 20_000_000)]
    public int MaxRecordsPerRun { get; set; } = 2_000_000;

    /// <summary>Most credit codes in one BatchGetRatings (default 1,000, as the contract documents).</summary>
    [Range(1, 100_000)]
    public int MaxBatchCodes { get; set; } = 1_000;
}

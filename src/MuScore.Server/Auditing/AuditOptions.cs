using System.ComponentModel.DataAnnotations;

namespace MuScore.Server.Auditing;

/// <summary>Audit settings (section <c>MuScore:Audit</c>, docs/audit.md).</summary>
public sealed class AuditOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "MuScore:Audit";

    /// <summary>
    /// How often the read counts gathered in memory are appended to the log (default 300 s). A
    /// crash loses at most this much counting; the changes themselves are written as they happen.
    /// </summary>
    [Range(1, 3600)]
    public int ReadCountFlushSeconds { get; set; } = 300;

    /// <summary>
    /// Most refusals written to the log per minute (default 120): a flood of refused calls must
    /// not bury the chain. Refusals over the budget are counted and the count is written with the
    /// next refusal that fits.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxRefusalsPerMinute { get; set; } = 120;
}

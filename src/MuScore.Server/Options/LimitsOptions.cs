using System.ComponentModel.DataAnnotations;

namespace MuScore.Server.Options;

/// <summary>Request size and concurrency limits (section <c>MuScore:Limits</c>, docs/service.md "Limits").</summary>
public sealed class LimitsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "MuScore:Limits";

    /// <summary>The full key of <see cref="MaxRecordsPerRun"/>, named in the errors it causes.</summary>
    public const string MaxRecordsPerRunKey = Section + ":" + nameof(MaxRecordsPerRun);

    /// <summary>The full key of <see cref="MaxRunBytes"/>.</summary>
    public const string MaxRunBytesKey = Section + ":" + nameof(MaxRunBytes);

    /// <summary>The full key of <see cref="MaxConcurrentUploadsPerCaller"/>.</summary>
    public const string MaxConcurrentUploadsPerCallerKey = Section + ":" + nameof(MaxConcurrentUploadsPerCaller);

    /// <summary>The full key of <see cref="MaxConcurrentUploads"/>.</summary>
    public const string MaxConcurrentUploadsKey = Section + ":" + nameof(MaxConcurrentUploads);

    /// <summary>Most records one SubmitRun may send (default 2,000,000, a province and then some).</summary>
    [Range(1, 20_000_000)]
    public int MaxRecordsPerRun { get; set; } = 2_000_000;

    /// <summary>
    /// Most bytes one SubmitRun may send, the serialized sizes of all its messages added up
    /// (default 512 MiB: a 1,000,000-record run is about 200 MB).
    /// </summary>
    [Range(1, 16L * 1024 * 1024 * 1024)]
    public long MaxRunBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Most SubmitRun calls one caller may have running at once (default 2); more are refused, not queued.</summary>
    [Range(1, 1_000)]
    public int MaxConcurrentUploadsPerCaller { get; set; } = 2;

    /// <summary>Most SubmitRun calls the server runs at once, all callers together (default 4): each may hold a run's records in memory.</summary>
    [Range(1, 1_000)]
    public int MaxConcurrentUploads { get; set; } = 4;

    /// <summary>Most credit codes in one BatchGetRatings (default 1,000, as the contract documents).</summary>
    [Range(1, 100_000)]
    public int MaxBatchCodes { get; set; } = 1_000;
}

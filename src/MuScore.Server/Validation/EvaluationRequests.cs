using System.Globalization;
using MuScore.Contracts.V1;

namespace MuScore.Server.Validation;

/// <summary>Validation of the EvaluationService requests other than the record stream.</summary>
internal static class EvaluationRequests
{
    /// <summary>Default ListRuns page size.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Largest ListRuns page size.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Region, year and the presence of a scheme; the scheme itself is checked by <see cref="Evaluation.SchemeResolver"/>.</summary>
    public static void ValidateHeader(Violations violations, RunHeader header)
    {
        FieldRules.Region(violations, "header.region", header.Region);
        FieldRules.Year(violations, "header.year", header.Year);
    }

    public static void Validate(GetRunRequest request)
    {
        var violations = new Violations();
        FieldRules.RunId(violations, "run_id", request.RunId);
        violations.ThrowIfAny();
    }

    /// <summary>Most characters of a publication's reason (what the audit log keeps).</summary>
    public const int MaxReasonLength = 1024;

    public static void Validate(PublishRunRequest request)
    {
        var violations = new Violations();
        FieldRules.RunId(violations, "run_id", request.RunId);
        if (request.Reason.Length > MaxReasonLength)
        {
            violations.Add("reason", FieldRules.TooLong, string.Create(CultureInfo.InvariantCulture, $"a reason holds at most {MaxReasonLength} characters; this one has {request.Reason.Length}"));
        }
        else if (request.Reason.Contains('\0', StringComparison.Ordinal))
        {
            // The audit log (and PostgreSQL text) cannot hold NUL; the store would refuse it as a defect.
            violations.Add("reason", FieldRules.Format, "a reason must not hold a NUL character");
        }

        violations.ThrowIfAny();
    }

    public static void Validate(ListRunsRequest request)
    {
        var violations = new Violations();
        if (request.Region.Length > 0)
        {
            FieldRules.Region(violations, "region", request.Region);
        }

        if (request.HasYear)
        {
            FieldRules.Year(violations, "year", request.Year);
        }

        if (request.PageSize is < 0 or > MaxPageSize)
        {
            violations.Add("page_size", "page_size_range", string.Create(CultureInfo.InvariantCulture, $"page size {request.PageSize} is outside 0..{MaxPageSize} (0 means {DefaultPageSize})"));
        }

        violations.ThrowIfAny();
    }
}

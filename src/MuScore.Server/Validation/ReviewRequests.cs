using System.Globalization;
using MuScore.Contracts.V1;
using MuScore.Core.Review;
using MuScore.Server.Errors;

namespace MuScore.Server.Validation;

/// <summary>Validation of the ReviewService requests: every violation named by field and rule, values echoed bounded.</summary>
internal static class ReviewRequests
{
    public const int MaxReason = 1024;
    public const int MaxObjectionText = 4000;
    public const int MaxFiledBy = 200;
    public const int MaxAttachments = 20;
    public const int MaxAttachmentName = 200;
    public const long MaxAttachmentBytes = 1L << 30;
    public const int MaxCorrectedRecords = 1000;
    public const int MaxId = 64;

    public static void Validate(StartNoticeRequest request)
    {
        var v = new Violations();
        FieldRules.RunId(v, "run_id", request.RunId);
        if (request.StartDate.Length > 0 && ParseDate(request.StartDate) is null)
        {
            v.Add("start_date", FieldRules.Format, $"'{EchoText.Bound(request.StartDate)}' is not a date written yyyy-MM-dd");
        }

        if (request.WorkingDays is < 0 or > WorkingDayCalendar.MaxNoticeDays)
        {
            v.Add("working_days", "working_days_range", Text($"{request.WorkingDays} working days is outside 1..{WorkingDayCalendar.MaxNoticeDays} (0 means {WorkingDayCalendar.DefaultNoticeDays})"));
        }

        v.ThrowIfAny();
    }

    public static void Validate(string region, int year)
    {
        var v = new Violations();
        FieldRules.Region(v, "region", region);
        FieldRules.Year(v, "year", year);
        v.ThrowIfAny();
    }

    public static void Validate(FileObjectionRequest request)
    {
        var v = new Violations();
        FieldRules.Region(v, "region", request.Region);
        FieldRules.Year(v, "year", request.Year);
        FieldRules.CreditCode(v, "credit_code", request.CreditCode);
        Required(v, "filed_by", request.FiledBy, MaxFiledBy);
        Required(v, "text", request.Text, MaxObjectionText);
        if (request.Attachments.Count > MaxAttachments)
        {
            v.Add("attachments", FieldRules.TooMany, Text($"{request.Attachments.Count} attachments; an objection names at most {MaxAttachments}"));
        }

        for (var i = 0; i < Math.Min(request.Attachments.Count, MaxAttachments); i++)
        {
            var a = request.Attachments[i];
            Required(v, Text($"attachments[{i}].name"), a.Name, MaxAttachmentName);
            if (!IsSha256(a.Sha256))
            {
                v.Add(Text($"attachments[{i}].sha256"), FieldRules.Format, $"'{EchoText.Bound(a.Sha256)}' is not a SHA-256: 64 lowercase hex digits");
            }

            if (a.SizeBytes is < 0 or > MaxAttachmentBytes)
            {
                v.Add(Text($"attachments[{i}].size_bytes"), "size_range", Text($"{a.SizeBytes} bytes is outside 0..{MaxAttachmentBytes}"));
            }
        }

        v.ThrowIfAny();
    }

    public static void Validate(ListObjectionsRequest request)
    {
        var v = new Violations();
        FieldRules.Region(v, "region", request.Region);
        FieldRules.Year(v, "year", request.Year);
        if (request.CreditCode.Length > 0)
        {
            FieldRules.CreditCode(v, "credit_code", request.CreditCode);
        }

        v.ThrowIfAny();
    }

    public static void Validate(DecideObjectionRequest request)
    {
        var v = new Violations();
        Id(v, "objection_id", request.ObjectionId);
        if (request.Decision is not (ObjectionDecision.Upheld or ObjectionDecision.Rejected))
        {
            v.Add("decision", FieldRules.Required, "a decision is UPHELD or REJECTED");
        }

        Required(v, "reason", request.Reason, MaxReason);
        v.ThrowIfAny();
    }

    public static void Validate(ProposeAdjustmentRequest request)
    {
        var v = new Violations();
        FieldRules.Region(v, "region", request.Region);
        FieldRules.Year(v, "year", request.Year);
        FieldRules.CreditCode(v, "credit_code", request.CreditCode);
        if (request.RatingClass is not (RatingClass.A or RatingClass.B or RatingClass.C or RatingClass.D))
        {
            v.Add("rating_class", FieldRules.Required, "the class set by hand is A, B, C or D");
        }

        Required(v, "reason", request.Reason, MaxReason);
        v.ThrowIfAny();
    }

    public static void Validate(ApproveAdjustmentRequest request)
    {
        var v = new Violations();
        Id(v, "adjustment_id", request.AdjustmentId);
        v.ThrowIfAny();
    }

    public static void Validate(FinalizeRunRequest request)
    {
        var v = new Violations();
        FieldRules.RunId(v, "run_id", request.RunId);
        Optional(v, "reason", request.Reason, MaxReason);
        v.ThrowIfAny();
    }

    public static void Validate(CorrectRunRequest request)
    {
        var v = new Violations();
        FieldRules.RunId(v, "base_run_id", request.BaseRunId);
        Required(v, "reason", request.Reason, MaxReason);
        if (request.Records.Count is 0 or > MaxCorrectedRecords)
        {
            v.Add("records", request.Records.Count == 0 ? FieldRules.Required : FieldRules.TooMany, Text($"a correction sends 1..{MaxCorrectedRecords} records; this one sends {request.Records.Count}"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(request.Records.Count, MaxCorrectedRecords); i++)
        {
            var code = request.Records[i].CreditCode.Trim();
            if (code.Length > 0 && !seen.Add(code))
            {
                v.Add(Text($"records[{i}].credit_code"), "duplicate", $"'{EchoText.Bound(code)}' is corrected twice in this request");
            }
        }

        v.ThrowIfAny();
    }

    /// <summary>A yyyy-MM-dd date; null when it is not one.</summary>
    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static bool IsSha256(string value) => value.Length == 64 && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    private static void Id(Violations v, string field, string value)
    {
        if (value.Length == 0)
        {
            v.Add(field, FieldRules.Required, "an id is required");
        }
        else if (value.Length > MaxId)
        {
            v.Add(field, FieldRules.Format, Text($"an id has at most {MaxId} characters"));
        }
    }

    private static void Required(Violations v, string field, string value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            v.Add(field, FieldRules.Required, Text($"{field} is required (1..{max} characters)"));
            return;
        }

        Optional(v, field, value, max);
    }

    private static void Optional(Violations v, string field, string value, int max)
    {
        if (value.Length > max)
        {
            v.Add(field, FieldRules.TooLong, Text($"{field} holds at most {max} characters; this one has {value.Length}"));
        }
        else if (value.Contains('\0', StringComparison.Ordinal))
        {
            // The audit log (and PostgreSQL text) cannot hold NUL.
            v.Add(field, FieldRules.Format, $"{field} must not hold a NUL character");
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

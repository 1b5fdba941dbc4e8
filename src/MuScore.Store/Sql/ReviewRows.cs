using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MuScore.Core.Rating;
using MuScore.Store.Review;

namespace MuScore.Store.Sql;

/// <summary>Maps the review tables' rows to the models, and writes the review's audit details.</summary>
internal static class ReviewRows
{
    public const string NoticeColumns = "region, year, run_id, start_date, end_date, working_days, started_by, started_at, final_version";
    public const string DraftColumns = "region, year, draft_version, run_id, base_run_id, created_by, created_at, reason";
    public const string ObjectionColumns = "objection_id, region, year, credit_code, run_id, filed_by, filed_by_caller, filed_at, body, attachments, decision, decision_reason, decided_by, decided_at";
    public const string AdjustmentColumns = "adjustment_id, region, year, credit_code, class, reason, proposed_by, proposed_at, approved_by, approved_at";

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Notice ReadNotice(DbDataReader r) =>
        new(r.GetString(0), r.GetInt32(1), r.GetString(2), ParseDate(r.GetString(3)), ParseDate(r.GetString(4)), r.GetInt32(5), r.GetString(6), RunRows.FromTicks(r.GetInt64(7)))
        {
            FinalVersion = r.IsDBNull(8) ? null : r.GetInt32(8),
        };

    public static ReviewDraft ReadDraft(DbDataReader r) =>
        new(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3), NullableString(r, 4), r.GetString(5), RunRows.FromTicks(r.GetInt64(6)), NullableString(r, 7));

    public static Objection ReadObjection(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), RunRows.FromTicks(r.GetInt64(7)), r.GetString(8), ReadAttachments(r.GetString(9)))
        {
            Decision = (ObjectionDecision)r.GetInt32(10),
            DecisionReason = NullableString(r, 11),
            DecidedBy = NullableString(r, 12),
            DecidedAt = r.IsDBNull(13) ? null : RunRows.FromTicks(r.GetInt64(13)),
        };

    public static Adjustment ReadAdjustment(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), (RatingClass)r.GetInt32(4), r.GetString(5), r.GetString(6), RunRows.FromTicks(r.GetInt64(7)))
        {
            ApprovedBy = NullableString(r, 8),
            ApprovedAt = r.IsDBNull(9) ? null : RunRows.FromTicks(r.GetInt64(9)),
        };

    /// <summary>The attachments as a JSON array of {"name","sha256","size"}.</summary>
    public static string WriteAttachments(IReadOnlyList<ObjectionAttachment> attachments) => Json(writer =>
    {
        writer.WriteStartArray();
        foreach (var a in attachments)
        {
            writer.WriteStartObject();
            writer.WriteString("name", a.Name);
            writer.WriteString("sha256", a.Sha256);
            writer.WriteNumber("size", a.SizeBytes);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static string NoticeDetail(Notice n) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("start_date", Date(n.StartDate));
        w.WriteString("end_date", Date(n.EndDate));
        w.WriteNumber("working_days", n.WorkingDays);
        w.WriteEndObject();
    });

    public static string ObjectionDetail(Objection o) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("objection_id", o.ObjectionId);
        w.WriteString("credit_code", o.CreditCode);
        if (o.Decision == ObjectionDecision.Open)
        {
            w.WriteString("filed_by", o.FiledBy);
            w.WriteStartArray("attachment_sha256");
            foreach (var a in o.Attachments)
            {
                w.WriteStringValue(a.Sha256);
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteString("decision", o.Decision == ObjectionDecision.Upheld ? "upheld" : "rejected");
        }

        w.WriteEndObject();
    });

    public static string AdjustmentDetail(Adjustment a) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("adjustment_id", a.AdjustmentId);
        w.WriteString("credit_code", a.CreditCode);
        w.WriteString("class", a.Class.ToString());
        if (a.IsApproved)
        {
            w.WriteString("proposed_by", a.ProposedBy);
        }

        w.WriteEndObject();
    });

    public static string CorrectionDetail(ReviewDraft d) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("draft_version", d.DraftVersion);
        w.WriteString("base_run_id", d.BaseRunId);
        w.WriteEndObject();
    });

    public static string FinalizedDetail(string draftRunId, int draftVersion) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("draft_run_id", draftRunId);
        w.WriteNumber("draft_version", draftVersion);
        w.WriteEndObject();
    });

    private static List<ObjectionAttachment> ReadAttachments(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => new ObjectionAttachment(e.GetProperty("name").GetString()!, e.GetProperty("sha256").GetString()!, e.GetProperty("size").GetInt64()))];
    }

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static string Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

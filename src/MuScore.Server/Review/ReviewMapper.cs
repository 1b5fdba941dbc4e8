using Google.Protobuf.WellKnownTypes;
using MuScore.Server.Mapping;
using MuScore.Store.Review;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Review;

/// <summary>The review's stored records as wire messages.</summary>
internal static class ReviewMapper
{
    public static Proto.Objection ToProto(Objection o)
    {
        var proto = new Proto.Objection
        {
            ObjectionId = o.ObjectionId,
            Region = o.Region,
            Year = o.Year,
            CreditCode = o.CreditCode,
            FiledBy = o.FiledBy,
            FiledByCaller = o.FiledByCaller,
            FiledAt = Timestamp.FromDateTimeOffset(o.FiledAt),
            Text = o.Text,
            RunId = o.RunId,
            Decision = o.Decision switch
            {
                ObjectionDecision.Upheld => Proto.ObjectionDecision.Upheld,
                ObjectionDecision.Rejected => Proto.ObjectionDecision.Rejected,
                _ => Proto.ObjectionDecision.Unspecified,
            },
            DecisionReason = o.DecisionReason ?? string.Empty,
            DecidedBy = o.DecidedBy ?? string.Empty,
        };
        if (o.DecidedAt is { } at)
        {
            proto.DecidedAt = Timestamp.FromDateTimeOffset(at);
        }

        proto.Attachments.AddRange(o.Attachments.Select(a => new Proto.Attachment { Name = a.Name, Sha256 = a.Sha256, SizeBytes = a.SizeBytes }));
        return proto;
    }

    public static Proto.Adjustment ToProto(Adjustment a)
    {
        var proto = new Proto.Adjustment
        {
            AdjustmentId = a.AdjustmentId,
            Region = a.Region,
            Year = a.Year,
            CreditCode = a.CreditCode,
            RatingClass = RatingMapper.ToProto(a.Class),
            Reason = a.Reason,
            State = a.IsApproved ? Proto.AdjustmentState.Approved : Proto.AdjustmentState.Proposed,
            ProposedBy = a.ProposedBy,
            ProposedAt = Timestamp.FromDateTimeOffset(a.ProposedAt),
            ApprovedBy = a.ApprovedBy ?? string.Empty,
        };
        if (a.ApprovedAt is { } at)
        {
            proto.ApprovedAt = Timestamp.FromDateTimeOffset(at);
        }

        return proto;
    }

    public static Proto.DraftVersion ToProto(ReviewDraft d) => new()
    {
        DraftVersion_ = d.DraftVersion,
        RunId = d.RunId,
        BaseRunId = d.BaseRunId ?? string.Empty,
        CreatedBy = d.CreatedBy,
        CreatedAt = Timestamp.FromDateTimeOffset(d.CreatedAt),
        Reason = d.Reason ?? string.Empty,
    };

    public static Proto.ReviewState State(Notice notice) => notice.FinalVersion is null ? Proto.ReviewState.OnNotice : Proto.ReviewState.Final;

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

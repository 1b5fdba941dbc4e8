using Google.Protobuf.Reflection;
using MuScore.Core.Rating;
using MuScore.Server.Mapping;
using MuScore.Store;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Review;

/// <summary>What a correction changed, per enterprise: status, class and score before and after, and which fields were corrected.</summary>
internal static class RatingChanges
{
    private static readonly FieldDescriptor[] RecordFields = [.. Proto.EnterpriseRecord.Descriptor.Fields.InFieldNumberOrder()];

    /// <summary>
    /// The enterprises whose inputs or results differ, by credit code: every corrected one, and every
    /// other whose class, score or status moved because the pool changed.
    /// </summary>
    public static IEnumerable<Proto.RatingChange> Between(
        IReadOnlyList<StoredRating> before,
        IReadOnlyList<RejectedRecord> rejectedBefore,
        IReadOnlyList<StoredRating> after,
        IReadOnlyList<RejectedRecord> rejectedAfter,
        IReadOnlyList<Proto.EnterpriseRecord> baseRecords,
        IReadOnlyList<Proto.EnterpriseRecord> corrected)
    {
        var old = before.ToDictionary(r => r.CreditCode, StringComparer.Ordinal);
        var now = after.ToDictionary(r => r.CreditCode, StringComparer.Ordinal);
        var oldRejected = Codes(rejectedBefore);
        var newRejected = Codes(rejectedAfter);
        var baseByCode = new Dictionary<string, Proto.EnterpriseRecord>(StringComparer.Ordinal);
        foreach (var record in baseRecords)
        {
            baseByCode.TryAdd(record.CreditCode.Trim(), record);
        }

        var correctedByCode = corrected.ToDictionary(r => r.CreditCode.Trim(), StringComparer.Ordinal);
        var codes = old.Keys.Concat(now.Keys).Concat(correctedByCode.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            old.TryGetValue(code, out var was);
            now.TryGetValue(code, out var @is);
            var change = new Proto.RatingChange
            {
                CreditCode = code,
                Name = @is?.Name ?? was?.Name ?? string.Empty,
                ClassBefore = Class(was),
                ClassAfter = Class(@is),
                ScoreBefore = was?.Rating?.Total ?? 0,
                ScoreAfter = @is?.Rating?.Total ?? 0,
                StatusBefore = Status(was, oldRejected.Contains(code)),
                StatusAfter = Status(@is, newRejected.Contains(code)),
            };
            if (correctedByCode.TryGetValue(code, out var fixedRecord))
            {
                baseByCode.TryGetValue(code, out var baseRecord);
                change.ChangedFields.AddRange(RecordFields.Where(f => !Equals(Cell(baseRecord, f), Cell(fixedRecord, f))).Select(f => f.Name));
            }

            var moved = change.ClassBefore != change.ClassAfter || !change.ScoreBefore.Equals(change.ScoreAfter) || change.StatusBefore != change.StatusAfter;
            if (moved || change.ChangedFields.Count > 0)
            {
                yield return change;
            }
        }
    }

    private static HashSet<string> Codes(IReadOnlyList<RejectedRecord> rejected) =>
        [.. rejected.Where(r => r.CreditCode is not null).Select(r => r.CreditCode!.Trim())];

    private static string Cell(Proto.EnterpriseRecord? record, FieldDescriptor field) =>
        record is null ? string.Empty : (string)field.Accessor.GetValue(record);

    private static Proto.RatingClass Class(StoredRating? stored) =>
        stored?.Rating is { } rating ? RatingMapper.ToProto(rating.Class) : Proto.RatingClass.Unspecified;

    private static string Status(StoredRating? stored, bool rejected) => stored switch
    {
        { Status: RowStatus.Rated } => "RATED",
        { Status: RowStatus.Excluded } => "EXCLUDED",
        _ => rejected ? "REJECTED" : "ABSENT",
    };
}

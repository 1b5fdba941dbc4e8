using Google.Protobuf.WellKnownTypes;
using MuScore.Server.Errors;
using MuScore.Store;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Mapping;

/// <summary>Stored runs and publications as wire messages.</summary>
internal static class RunMapper
{
    public static Proto.Run ToProto(RunInfo run)
    {
        var proto = new Proto.Run
        {
            RunId = run.RunId,
            Region = run.Region,
            Year = run.Year,
            SchemeId = run.SchemeId,
            SchemeVersion = run.SchemeVersion,
            SchemeHash = run.SchemeHash,
            InputHash = run.InputHash,
            State = run.Publications.Count > 0 ? Proto.RunState.Published : Proto.RunState.Draft,
            CreatedAt = Timestamp.FromDateTimeOffset(run.CreatedAt),
            RecordCount = run.RecordCount,
            RatedCount = run.RatedCount,
            ExcludedCount = run.ExcludedCount,
            RejectedCount = run.RejectedCount,
            SubmittedBy = run.SubmittedBy,
        };
        foreach (var pool in run.Pools)
        {
            proto.Pools.Add(new Proto.PoolCounts { Pool = pool.Pool, Size = pool.Size, A = pool.A, B = pool.B, C = pool.C, D = pool.D });
        }

        foreach (var rejected in run.Rejected)
        {
            proto.Rejected.Add(ToProto(rejected));
        }

        foreach (var publication in run.Publications)
        {
            proto.Publications.Add(ToProto(publication));
        }

        return proto;
    }

    public static Proto.Publication ToProto(Publication publication) => new()
    {
        Region = publication.Region,
        Year = publication.Year,
        Version = publication.Version,
        RunId = publication.RunId,
        PublishedAt = Timestamp.FromDateTimeOffset(publication.PublishedAt),
        PublishedBy = publication.PublishedBy,
        Reason = publication.Reason ?? string.Empty,
        Rollback = publication.IsRollback,
    };

    // A rejected record repeats what the uploader sent: the code as sent (bounded like every echo)
    // and descriptions that bound the values they quote; runs stored before that are bounded here.
    private static Proto.RejectedRecord ToProto(RejectedRecord rejected)
    {
        var proto = new Proto.RejectedRecord { RecordNumber = rejected.RecordNumber, CreditCode = EchoText.Bound(rejected.CreditCode) };
        foreach (var violation in rejected.Violations)
        {
            proto.Violations.Add(new Proto.RecordViolation
            {
                Field = violation.Field,
                Rule = violation.Rule,
                Description = EchoText.Bound(violation.Description, ErrorBudget.MaxDescription),
            });
        }

        return proto;
    }
}

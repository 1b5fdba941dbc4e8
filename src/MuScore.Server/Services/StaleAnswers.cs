using Grpc.Core;
using MuScore.Server.Reading;

namespace MuScore.Server.Services;

/// <summary>
/// How a read served from the last known publication while the database is down says so: the
/// response field, and a trailer that clients can check without knowing the message type (a
/// response header of the same name for HTTP/JSON callers).
/// </summary>
internal static class StaleAnswers
{
    /// <summary>Trailer set to "1" on a possibly stale answer (documented in rating_service.proto and docs/caching.md).</summary>
    public const string Trailer = "muscore-stale";

    public static bool Any(IReadOnlyList<RatingLookup> lookups)
    {
        foreach (var lookup in lookups)
        {
            if (lookup.PossiblyStale)
            {
                return true;
            }
        }

        return false;
    }

    public static void MarkIf(bool possiblyStale, ServerCallContext context)
    {
        if (possiblyStale)
        {
            // Trailers also reach the client on an error answer (e.g. a code missing from the cached publication).
            context.ResponseTrailers.Add(Trailer, "1");
            Web.StaleHeader.SetIfJson(context);
        }
    }
}

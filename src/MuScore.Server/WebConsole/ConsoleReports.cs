using MuScore.Reports;
using MuScore.Server.Mapping;
using MuScore.Server.Reading;
using MuScore.Server.Security;
using MuScore.Store;
using V1 = MuScore.Contracts.V1;

namespace MuScore.Server.WebConsole;

/// <summary>A run's ratings as a report's rating set, and the year before it when one is published.</summary>
public sealed record RunReport(RatingSet? Current, RatingSet? Previous, string? Problem);

/// <summary>
/// Turns a run's stored ratings into MuScore.Reports' rating set, through the same mapping and
/// field minimisation as RatingService, so the charts and cards a person sees hold only what
/// the API would give them (no figures without ratings:figures).
/// </summary>
internal sealed class ConsoleReports(IRatingStore store, ConsoleRuns runs)
{
    public async Task<RunReport> ForRunAsync(Caller caller, RunInfo run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(run);
        var stored = await runs.RatingsAsync(run, cancellationToken).ConfigureAwait(false);
        RatingSet current;
        try
        {
            current = RatingSets.FromPublication(AsProto(stored, run, caller), null, "run " + run.RunId);
        }
        catch (ReportInputException problem)
        {
            return new RunReport(null, null, problem.Message);
        }

        RatingSet? previous = null;
        var last = await store.GetLatestPublicationAsync(run.Region, run.Year - 1, cancellationToken).ConfigureAwait(false);
        if (last is not null && await store.GetRunAsync(last.RunId, cancellationToken).ConfigureAwait(false) is { } lastRun)
        {
            try
            {
                previous = RatingSets.FromPublication(AsProto(await runs.RatingsAsync(lastRun, cancellationToken).ConfigureAwait(false), lastRun, caller), null, "run " + lastRun.RunId);
            }
            catch (ReportInputException)
            {
                // Last year's run under a scheme that is not a preset: no comparison, the rest stands.
            }
        }

        return new RunReport(current, previous, null);
    }

    /// <summary>The report language for the console's language.</summary>
    public static ReportLanguage Language(ConsoleText text) => text.English ? ReportLanguage.English : ReportLanguage.Chinese;

    private static IEnumerable<V1.Rating> AsProto(IReadOnlyList<StoredRating> stored, RunInfo run, Caller caller)
    {
        var asRun = new Publication(run.Region, run.Year, 0, run.RunId, run.CreatedAt);
        var stamp = RunStamp.Of(run);
        return stored.Select(s => FieldMinimisation.ForCaller(RatingMapper.ToProto(s, asRun, stamp), caller));
    }
}

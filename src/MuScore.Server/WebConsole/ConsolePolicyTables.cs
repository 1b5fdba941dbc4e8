using Grpc.Core;
using MuScore.Core.Policies;
using MuScore.Server.Policies;
using MuScore.Server.Security;
using MuScore.Store;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.WebConsole;

/// <summary>The low-efficiency lists, or why there are none for this run.</summary>
internal sealed record ConsoleLists(Proto.LowEfficiencyHeader? Header, IReadOnlyList<Proto.ListedEnterprise> Entries, string? Problem);

/// <summary>The region summary, or why there is none for this run.</summary>
internal sealed record ConsoleSummary(Proto.RegionSummary? Summary, string? Problem);

/// <summary>
/// What PolicyService's ListLowEfficiency and SummarizeRegion answer for a run's region and year,
/// computed in-process the same way (the same policy set, publication facts, core engine, mapping
/// and field minimisation), so <c>muscore lists</c> / <c>muscore summary</c> and the console's
/// files agree. Only for the run that is the region-year's publication in force: the lists are
/// drawn from that publication, never from a draft or a superseded version.
/// </summary>
internal sealed class ConsolePolicyTables(PolicySet policies, PublishedRegionFacts regions, IRatingStore store)
{
    public async Task<ConsoleLists> ListsAsync(Caller caller, RunInfo run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(run);
        var (rules, problem) = await InForceAsync(run, cancellationToken).ConfigureAwait(false);
        if (rules is null)
        {
            return new ConsoleLists(null, [], problem);
        }

        try
        {
            var current = await regions.ReadAsync(run.Region, run.Year, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return new ConsoleLists(null, [], NotPublished(run));
            }

            var previous = await regions.ReadAsync(run.Region, run.Year - 1, cancellationToken).ConfigureAwait(false);
            Proto.LowEfficiencyHeader? header = null;
            var entries = new List<Proto.ListedEnterprise>();
            foreach (var chunk in ListMapper.ToChunks(PolicyEngine.FindLowEfficiency(current, previous, rules)))
            {
                if (chunk.PartCase == Proto.LowEfficiencyChunk.PartOneofCase.Header)
                {
                    header = chunk.Header;
                }
                else
                {
                    entries.Add(FieldMinimisation.ForCaller(chunk.Entry, caller));
                }
            }

            return new ConsoleLists(header, entries, header is null ? "the lists came without a header" : null);
        }
        catch (RpcException refused)
        {
            // A publication stored without its reported figures: the same refusal as the API's.
            return new ConsoleLists(null, [], refused.Status.Detail);
        }
    }

    public async Task<ConsoleSummary> SummaryAsync(RunInfo run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (rules, problem) = await InForceAsync(run, cancellationToken).ConfigureAwait(false);
        if (rules is null)
        {
            return new ConsoleSummary(null, problem);
        }

        try
        {
            var facts = await regions.ReadAsync(run.Region, run.Year, cancellationToken).ConfigureAwait(false);
            return facts is null ? new ConsoleSummary(null, NotPublished(run)) : new ConsoleSummary(ListMapper.ToProto(PolicyEngine.SummarizeRegion(facts, rules)), null);
        }
        catch (RpcException refused)
        {
            return new ConsoleSummary(null, refused.Status.Detail);
        }
    }

    /// <summary>The list rules when the run is its region-year's publication in force; else why not.</summary>
    private async Task<(ListRules? Rules, string? Problem)> InForceAsync(RunInfo run, CancellationToken cancellationToken)
    {
        var latest = await store.GetLatestPublicationAsync(run.Region, run.Year, cancellationToken).ConfigureAwait(false);
        if (latest is null || latest.Year != run.Year || !string.Equals(latest.RunId, run.RunId, StringComparison.Ordinal))
        {
            return (null, NotPublished(run));
        }

        var rules = policies.ListRulesInForce(run.Region, run.Year);
        return rules is null
            ? (null, FormattableString.Invariant($"no list rules are in force for region {run.Region} in {run.Year}"))
            : (rules, null);
    }

    private static string NotPublished(RunInfo run) =>
        FormattableString.Invariant($"run {run.RunId} is not the publication in force for region {run.Region}, year {run.Year}: the lists and the summary are drawn from a final publication only");
}

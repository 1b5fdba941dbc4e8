using Grpc.Core;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Lists;

/// <summary>The low-efficiency lists as the server streamed them: the header, then every entry.</summary>
/// <param name="Header">Publications, policy, counts and note.</param>
/// <param name="Entries">LARGE_LOW_TAX entries, then LOW_TAX entries, each by credit code.</param>
internal sealed record LowEfficiencyLists(LowEfficiencyHeader Header, IReadOnlyList<ListedEnterprise> Entries);

/// <summary>Reads ListLowEfficiency to the end and checks the stream against its own header before anything is written.</summary>
internal static class LowEfficiencyReader
{
    public const string Step = "ListLowEfficiency";

    public static Task<LowEfficiencyLists> ReadAsync(ReportOptions options, CancellationToken cancellationToken) =>
        PolicyCall.RunAsync(options, Step, async client =>
        {
            var request = new ListLowEfficiencyRequest { Region = options.Region, Year = options.Year };
            using var call = client.ListLowEfficiency(request, cancellationToken: cancellationToken);
            LowEfficiencyHeader? header = null;
            var entries = new List<ListedEnterprise>();
            await foreach (var chunk in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (chunk.PartCase == LowEfficiencyChunk.PartOneofCase.Header && header is null && entries.Count == 0)
                {
                    header = chunk.Header;
                }
                else if (chunk.PartCase == LowEfficiencyChunk.PartOneofCase.Entry && header is not null)
                {
                    entries.Add(chunk.Entry);
                }
                else
                {
                    throw PolicyCall.Broken(options, Step, "a stream that does not start with exactly one header");
                }
            }

            return Check(options, header, entries);
        });

    /// <summary>
    /// A list file an office acts on must be complete: the entries must match the header's counts
    /// and name a list, or nothing is written.
    /// </summary>
    internal static LowEfficiencyLists Check(ReportOptions options, LowEfficiencyHeader? header, List<ListedEnterprise> entries)
    {
        if (header?.Current is null || header.Policy is null)
        {
            throw PolicyCall.Broken(options, Step, "no header naming the publication and policy used");
        }

        var large = entries.Count(e => e.List == LowEfficiencyList.LargeLowTax);
        var low = entries.Count(e => e.List == LowEfficiencyList.LowTax);
        if (large + low != entries.Count)
        {
            throw PolicyCall.Broken(options, Step, "an entry on no known list");
        }

        if (large != header.LargeLowTaxCount || low != header.LowTaxCount)
        {
            throw PolicyCall.Broken(options, Step, FormattableString.Invariant(
                $"{large} LARGE_LOW_TAX and {low} LOW_TAX entries where its header announced {header.LargeLowTaxCount} and {header.LowTaxCount}; nothing was written"));
        }

        return new LowEfficiencyLists(header, entries);
    }
}

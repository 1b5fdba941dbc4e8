using MuScore.Contracts.V1;

namespace MuScore.Cli.Lists;

/// <summary>Calls SummarizeRegion and checks that the answer names its publication and policy and has all three indicators.</summary>
internal static class RegionSummaryReader
{
    public const string Step = "SummarizeRegion";

    public static Task<RegionSummary> ReadAsync(ReportOptions options, CancellationToken cancellationToken) =>
        PolicyCall.RunAsync(options, Step, async client =>
        {
            var request = new SummarizeRegionRequest { Region = options.Region, Year = options.Year };
            var summary = await client.SummarizeRegionAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (summary.Publication is null || summary.Policy is null)
            {
                throw PolicyCall.Broken(options, Step, "a summary that does not name the publication and policy used");
            }

            if (summary.TaxPerMu is null || summary.VaPerMu is null || summary.LabourProductivity is null)
            {
                throw PolicyCall.Broken(options, Step, "a summary without tax_per_mu, va_per_mu and labour_productivity");
            }

            return summary;
        });
}

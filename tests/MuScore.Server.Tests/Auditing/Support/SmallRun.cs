using System.Globalization;
using MuScore.Contracts.V1;

namespace MuScore.Server.Tests.Auditing.Support;

/// <summary>A few enterprises of one region: enough for a run, quick to rate and store.</summary>
internal static class SmallRun
{
    /// <summary>
    /// Enterprises 1..<paramref name="count"/> of <paramref name="region"/>; <paramref name="tag"/>
    /// in their names makes a run of the same region and year distinct (run ids are content hashes),
    /// <paramref name="tax"/> sets their standing.
    /// </summary>
    public static List<EnterpriseRecord> Records(string region, int count = 3, string tag = "", decimal tax = 100m) =>
        [.. Enumerable.Range(1, count).Select(i =>
        {
            var record = Tests.Support.Records.Enterprise(i, region, tax);
            record.Name = string.Create(CultureInfo.InvariantCulture, $"Test enterprise {i} {tag}").TrimEnd();
            return record;
        })];
}

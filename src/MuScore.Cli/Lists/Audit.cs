using System.Globalization;
using System.Text;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Lists;

/// <summary>How the reports name what they were drawn from: publications and policy, on stdout and in the files.</summary>
internal static class Audit
{
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"region 331082, year 2023, version 1, run 9f…" in full: an auditor compares it with GetRun.</summary>
    public static string Publication(PublicationUsed publication) =>
        string.Create(CultureInfo.InvariantCulture, $"region {publication.Region}, year {publication.Year}, version {publication.Version}, run {publication.RunId}");

    /// <summary>"linhai-2022 version 1 (sha256 …)".</summary>
    public static string Policy(PolicyRef policy) => $"{policy.Id} version {policy.Version} (sha256 {policy.Hash})";

    /// <summary>One "label      value" line, labels padded as <c>muscore publish</c> pads them.</summary>
    public static void Line(StringBuilder text, string label, string value) =>
        text.Append(label.PadRight(11)).Append(value).Append('\n');
}

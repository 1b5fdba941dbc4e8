using System.Globalization;

namespace MuScore.Server.Tests.Support;

/// <summary>A fresh six-digit region per test, so tests sharing a server never see each other's publications.</summary>
internal static class Regions
{
    private static int next = 100_000;

    public static string Next() => Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
}

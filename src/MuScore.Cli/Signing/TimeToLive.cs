using System.Globalization;
using System.Text.RegularExpressions;

namespace MuScore.Cli.Signing;

/// <summary>A token's lifetime as --ttl writes it: a whole number and a unit, d, h, m or s (30d, 12h, 15m, 3600s).</summary>
internal static partial class TimeToLive
{
    /// <summary>
    /// The longest lifetime 'token issue' signs: a year and a little, so that a yearly token can
    /// be renewed with overlap. A token cannot be revoked short of rotating the key, so longer is refused.
    /// </summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(400);

    /// <exception cref="CommandFailure">Not such a duration, zero, or longer than <see cref="Longest"/> (exit code 2).</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Duration().Match(text);

        // More than 10 digits is past 400 days in any unit; the cap also keeps the arithmetic in range.
        if (!match.Success || match.Groups[1].Value.Length > 10)
        {
            throw CommandFailure.Usage($"--ttl '{text}' is not a duration such as 30d, 12h, 15m or 3600s");
        }

        var amount = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var seconds = match.Groups[2].Value switch
        {
            "d" => amount * 86_400,
            "h" => amount * 3_600,
            "m" => amount * 60,
            _ => amount,
        };
        if (seconds <= 0)
        {
            throw CommandFailure.Usage($"--ttl '{text}' must be longer than zero");
        }

        if (seconds > Longest.TotalSeconds)
        {
            throw CommandFailure.Usage($"--ttl '{text}' is longer than 400 days; issue a new token before the old one expires instead");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    [GeneratedRegex("^([0-9]+)([dhms])$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}

using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace MuScore.Store.Sql;

/// <summary>
/// The continuation of a run listing: the creation time and id of the last run of a page, as
/// base64url text. Listing resumes strictly after it, so runs stored meanwhile never shift a page.
/// </summary>
internal static class PageToken
{
    public static string Encode(long createdAtTicks, string runId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{createdAtTicks}\n{runId}")));

    /// <exception cref="ArgumentException">The token was not issued by <see cref="Encode"/>.</exception>
    public static (long CreatedAtTicks, string RunId) Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            if (newline > 0 && long.TryParse(text.AsSpan(0, newline), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return (ticks, text[(newline + 1)..]);
            }
        }
        catch (FormatException)
        {
            // Not base64url: reported below like any other foreign token.
        }

        throw new ArgumentException($"page token '{token}' was not issued by a run listing", nameof(token));
    }
}

using System.Globalization;
using MuScore.Store;

namespace MuScore.Server.Caching;

/// <summary>
/// Which publication a region and year currently means: just enough to name its ratings. Versions
/// only grow, so of two pointers for the same key the greater one is the newer.
/// </summary>
/// <param name="Year">The evaluated year of the publication (0 when nothing is published).</param>
/// <param name="Version">The publication version (0 when nothing is published).</param>
internal readonly record struct PublicationPointer(int Year, int Version)
{
    /// <summary>Nothing is published.</summary>
    public static PublicationPointer None => default;

    public bool IsNone => Version == 0;

    public static PublicationPointer From(Publication? publication) =>
        publication is null ? None : new PublicationPointer(publication.Year, publication.Version);

    /// <summary>"year:version", the form kept in Redis and compared by the max-write script.</summary>
    public string Encode() => string.Create(CultureInfo.InvariantCulture, $"{Year}:{Version}");

    public static bool TryDecode(string? text, out PublicationPointer pointer)
    {
        pointer = None;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon < 0
            || !int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        pointer = new PublicationPointer(year, version);
        return true;
    }
}

/// <summary>A region and a requested year; year 0 stands for "the latest published year".</summary>
internal readonly record struct PointerKey(string Region, int Year)
{
    public static PointerKey For(string region, int? year) => new(region, year ?? 0);

    public int? RequestedYear => Year == 0 ? null : Year;
}

/// <summary>One enterprise in one publication: the key of a rating that can never change.</summary>
internal readonly record struct RatingKey(string Region, int Year, int Version, string CreditCode)
{
    public static RatingKey For(string region, PublicationPointer pointer, string creditCode) =>
        new(region, pointer.Year, pointer.Version, creditCode);
}

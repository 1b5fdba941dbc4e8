using MuScore.Core.Schemes;

namespace MuScore.Reports;

/// <summary>Finds the scheme a set of ratings names, and refuses one whose text differs from it.</summary>
internal static class SchemeMatch
{
    /// <summary>
    /// <paramref name="given"/> when supplied, else the preset of that id; either way its hash must
    /// be the one the ratings record, so weights and cut-offs are the ones that were rated with.
    /// </summary>
    public static Scheme Resolve(string source, string id, string version, string hash, Scheme? given)
    {
        var scheme = given;
        if (scheme is null && !SchemePresets.TryGet(id, out scheme))
        {
            throw new ReportInputException($"{source}: the ratings were rated under scheme '{id}' version {version}, which is not a preset ({string.Join(", ", SchemePresets.Names)}); give its scheme file");
        }

        var actual = SchemeJson.Hash(scheme);
        if (!string.Equals(actual, hash, StringComparison.OrdinalIgnoreCase))
        {
            throw new ReportInputException($"{source}: the ratings were rated under scheme '{id}' version {version} with hash {hash}, but the scheme given ('{scheme.Id}' version {scheme.Version}) has hash {actual}; give the scheme file they were rated with");
        }

        return scheme;
    }
}

using MuScore.Core.Schemes;

namespace MuScore.Reports;

/// <summary>Finds the scheme a set of ratings names, and refuses one whose text differs from it.</summary>
internal static class SchemeMatch
{
    /// <summary>
    /// The scheme whose hash is the one the ratings record, so weights and cut-offs are the ones
    /// they were rated with: <paramref name="given"/> when it matches, else the preset of that id.
    /// A given scheme that does not match is passed over, so one --scheme can serve a report whose
    /// previous year used a preset.
    /// </summary>
    public static Scheme Resolve(string source, string id, string version, string hash, Scheme? given)
    {
        if (given is not null && Matches(given, hash))
        {
            return given;
        }

        if (SchemePresets.TryGet(id, out var preset) && Matches(preset, hash))
        {
            return preset;
        }

        var tried = given is null ? string.Empty : $"; the scheme given ('{given.Id}' version {given.Version}) has hash {SchemeJson.Hash(given)}";
        throw new ReportInputException($"{source}: the ratings were rated under scheme '{id}' version {version} (hash {hash}), which is not a preset of this release{tried}; give the scheme file they were rated with");
    }

    private static bool Matches(Scheme scheme, string hash) =>
        string.Equals(SchemeJson.Hash(scheme), hash, StringComparison.OrdinalIgnoreCase);
}

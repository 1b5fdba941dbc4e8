using MuScore.Store;

namespace MuScore.Server.Reading;

/// <summary>What every rating of a run carries about the run: its scheme and input hash. Immutable once the run is stored.</summary>
internal sealed record RunStamp(string SchemeId, string SchemeVersion, string SchemeHash, string InputHash)
{
    public static RunStamp Of(RunInfo run) => new(run.SchemeId, run.SchemeVersion, run.SchemeHash, run.InputHash);
}

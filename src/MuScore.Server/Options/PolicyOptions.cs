namespace MuScore.Server.Options;

/// <summary>
/// Policy files a region adds to the shipped presets (section <c>MuScore:Policies</c>), e.g. its
/// water tariffs or land-use tax relief tables, which no preset carries (docs/policies.md).
/// </summary>
public sealed class PolicyOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "MuScore:Policies";

    /// <summary>Paths of policy JSON files (<c>MuScore:Policies:Files:0</c>, …); relative paths are from the working directory. Empty by default.</summary>
    public IList<string> Files { get; } = [];
}

namespace MuScore.Core.Policies;

/// <summary>Names the policy file an answer was computed from, so a consumer can audit it.</summary>
/// <param name="Id">Policy id, e.g. <c>linhai-2022</c>.</param>
/// <param name="Version">Version label of the policy file.</param>
/// <param name="Hash">Lower-case hex SHA-256 of the policy's canonical JSON (<see cref="PolicyJson.Hash"/>).</param>
/// <param name="Source">The document the policy transcribes, e.g. <c>临政发〔2022〕22号</c>.</param>
public sealed record PolicyRef(string Id, string Version, string Hash, string Source)
{
    /// <summary>"source clause", e.g. <c>临政发〔2022〕22号 (七)</c>: the citation a rule trace shows.</summary>
    public string Cite(string clause) => $"{Source} {clause}";
}

namespace MuScore.Core.Records;

/// <summary>How a field's text is read.</summary>
public enum FieldKind
{
    Text,
    Number,
    Boolean,
    Date,
}

/// <summary>One input column: its canonical English name, Chinese name and accepted aliases.</summary>
/// <param name="Field">The field.</param>
/// <param name="Name">Canonical English column name (snake_case), used in every output.</param>
/// <param name="ChineseName">Canonical Chinese column name.</param>
/// <param name="Kind">How the text is read.</param>
/// <param name="Required">Whether the column must be present in a file and the cell non-blank.</param>
/// <param name="Aliases">Other header spellings accepted on input (matched after normalisation).</param>
public sealed record FieldInfo(
    Field Field,
    string Name,
    string ChineseName,
    FieldKind Kind,
    bool Required,
    IReadOnlyList<string> Aliases);

using System.Text;
using MuScore.Store.Audit;

namespace MuScore.Store.Tests.Audit;

/// <summary>
/// The canonical form and hash pinned to values computed outside .NET, with the Python verifier
/// that docs/audit.md prints: if the code and the document ever disagree, this fails.
/// </summary>
public sealed class AuditHashTests
{
    private static readonly DateTimeOffset At = new(638764146151234567, TimeSpan.Zero);

    private static readonly AuditRecord First = new(AuditKinds.RunPublished, At, "张三", "331082", 2024, "abc", 2, "line1\nline2", null);

    private static readonly AuditRecord Second = new(AuditKinds.CallRefused, At, string.Empty, string.Empty, null, null, null, null, string.Empty);

    private const string FirstHash = "d3c9951c75c5e039b2c7166dccef3a5812ba84a866d3943e8376361f5c573721";

    [Fact]
    public void Compute_KnownEntries_MatchTheHashesThePythonVerifierComputes()
    {
        Assert.Equal(FirstHash, AuditHash.Compute(1, First, new string('0', 64)));
        Assert.Equal("2bec4afb87520a3b91f850f1a8ed48b84bd64b4dc40941ee3139ff10f553b425", AuditHash.Compute(2, Second, FirstHash));
    }

    [Fact]
    public void Canonical_EmptyAndNullFields_SpelledOutAsDocumented()
    {
        var text = Encoding.UTF8.GetString(AuditHash.Canonical(2, Second, FirstHash));

        Assert.Equal($"muscore-audit-1\n+1:2\n+12:call.refused\n+28:2025-03-01T08:30:15.1234567Z\n+0:\n+0:\n-\n-\n-\n-\n+0:\n+64:{FirstHash}", text);
    }

    [Fact]
    public void Canonical_MultiByteTextAndNewlines_LengthsInUtf8Bytes()
    {
        var text = Encoding.UTF8.GetString(AuditHash.Canonical(1, First, new string('0', 64)));

        Assert.Contains("\n+6:张三\n", text, StringComparison.Ordinal);
        Assert.Contains("\n+11:line1\nline2\n-\n", text, StringComparison.Ordinal);
        Assert.Contains("\n+4:2024\n+3:abc\n+1:2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_SameInstantInAnotherOffset_SameHash() =>
        Assert.Equal(AuditHash.Compute(1, First, FirstHash), AuditHash.Compute(1, First with { At = At.ToOffset(TimeSpan.FromHours(8)) }, FirstHash));
}

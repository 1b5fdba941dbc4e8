using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MuScore.Server.Auditing;

namespace MuScore.Server.Tests.Auditing;

/// <summary>
/// What the server does to a value before the log takes it: a detail too long for the log becomes
/// valid JSON saying so (never JSON cut in half), and text the log cannot hold (NUL, a lone
/// surrogate, as a token's sub may carry) is made storable instead of losing the entry.
/// </summary>
public sealed class AuditTrailTests
{
    [Fact]
    public void BoundDetail_WithinTheLogsBound_Unchanged()
    {
        var detail = "{\"note\":\"" + new string('x', AuditTrail.MaxDetailBytes - 11) + "\"}";

        Assert.Same(detail, AuditTrail.BoundDetail(detail));
    }

    [Fact]
    public void BoundDetail_OverTheBound_ValidJsonNamingItsSizeAndHash()
    {
        // Three UTF-8 bytes a character: 6,000 characters are 18,000 bytes, more than the 16,384 the log holds.
        var detail = "{\"note\":\"" + new string('亩', 6000) + "\"}";
        var bytes = Encoding.UTF8.GetBytes(detail);

        var bounded = AuditTrail.BoundDetail(detail);

        using var json = JsonDocument.Parse(bounded);
        Assert.True(json.RootElement.GetProperty("oversized").GetBoolean());
        Assert.Equal(bytes.Length, json.RootElement.GetProperty("utf8_bytes").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), json.RootElement.GetProperty("sha256").GetString());
    }

    // The bad character goes in as a number: xUnit would turn a lone surrogate in a string argument into U+FFFD before the test ran.
    [Theory]
    [InlineData("clerk", 0x0000, "li")]
    [InlineData("clerk", 0xD800, "li")]
    [InlineData("li", 0xDC00, "")]
    [InlineData("lone high surrogate at the end ", 0xD83D, "")]
    public void Clean_TextTheLogCannotHold_TheBadCharacterBecomesAReplacementCharacter(string before, int bad, string after) =>
        Assert.Equal(before + "\uFFFD" + after, AuditTrail.Clean(before + (char)bad + after));

    [Fact]
    public void Clean_ValidSurrogatePairs_Unchanged()
    {
        const string Value = "张三 🏭 office";

        Assert.Same(Value, AuditTrail.Clean(Value));
    }
}

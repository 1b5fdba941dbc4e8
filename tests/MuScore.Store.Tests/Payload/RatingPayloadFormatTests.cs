using System.Text;
using MuScore.Core.Rating;
using MuScore.Store.Payload;
using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Payload;

/// <summary>The byte layouts of docs/storage.md "Payload format", written out by hand.</summary>
public sealed class RatingPayloadFormatTests
{
    private static readonly string Code = TestRuns.Code(4);

    [Fact]
    public void Encode_ExcludedRowWithFigures_WritesTheFormatThreeLayout()
    {
        var excluded = TestRuns.Excluded(4) with
        {
            Name = "企业",
            ExclusionReasons = ["utility"],
            Division = 44,
            Figures = new ReportedFigures(0.50m, null, -3.2m, null),
        };

        var bytes = RatingPayload.Encode(excluded, new PayloadWriter());

        byte[] expected =
        [
            3, .. Head(),
            44, 0, 0, 0,
            1, .. Dec(50, 2), 0, 1, .. Dec(32, 1, negative: true), 0,
            0,

            // Format 3: no adjustment.
            0,
        ];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Decode_FormatOneExcludedRow_DivisionZeroAndNoFigures()
    {
        byte[] formatOne = [1, .. Head(), 0];

        var decoded = RatingPayload.Decode(formatOne);

        Assert.Equal((Code, "企业", "331082", 2024, "D4411", "BELOW"), (decoded.CreditCode, decoded.Name, decoded.Region, decoded.Year, decoded.Industry, decoded.Scale));
        Assert.Equal((RowStatus.Excluded, "0.97"), (decoded.Status, decoded.LandMu.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["utility"], decoded.ExclusionReasons);
        Assert.Equal((0, null, null), (decoded.Division, decoded.Figures, decoded.Rating));
    }

    [Fact]
    public void Decode_FormatOneRatedRow_RatingReadAfterTheLand()
    {
        // Format 1 is format 2 without "i32 division · bool has_figures" after the land: cut them out
        // (and format 3's "bool has_adjustment" at the end).
        var rated = TestRuns.Rated(4, "ABOVE", 9, RatingClass.D) with { Division = 0, Figures = null };
        var writer = new PayloadWriter();
        var full = RatingPayload.Encode(rated, writer);
        var head = RatingPayload.Encode(rated with { Rating = null }, writer);
        byte[] formatOne = [1, .. head[1..^7], .. full[(head.Length - 2)..^1]];

        var decoded = RatingPayload.Decode(formatOne);

        Assert.Equal(full.Length - 6, formatOne.Length);
        RatingAssert.Identical(rated, decoded);
    }

    /// <summary>The fields every format shares, up to and including the land: an EXCLUDED row of code 4.</summary>
    private static byte[] Head() =>
    [
        .. Str(Code), 7, .. Encoding.UTF8.GetBytes("企业"), .. Str("331082"), 0xE8, 0x07, 0, 0,
        .. Str("D4411"), .. Str("BELOW"), 1,
        1, 0, 0, 0, .. Str("utility"),
        .. Dec(97, 2),
    ];

    private static byte[] Str(string ascii) => [(byte)ascii.Length, .. Encoding.ASCII.GetBytes(ascii)];

    /// <summary>decimal.GetBits of a small decimal, little-endian: lo, mid, hi, then flags (scale in bits 16–23, sign in bit 31).</summary>
    private static byte[] Dec(byte lo, byte scale, bool negative = false) =>
        [lo, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, scale, negative ? (byte)0x80 : (byte)0];
}

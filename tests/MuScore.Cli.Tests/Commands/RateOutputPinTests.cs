using System.Security.Cryptography;

namespace MuScore.Cli.Tests.Commands;

/// <summary>
/// The bytes of a small run's outputs, pinned: the SHA-256 of each file as the hand-written CSV
/// writer and the one-thread output writer gave them. A faster reader, writer or output order
/// must leave every byte as it was. ratings.xlsx is pinned as the parallel workbook writer
/// (WorkbookWriter) writes it: its cells show what SpreadCheetah's did, but its bytes differ
/// (shared strings, no empty cells, no cell references where none is needed, its own zip). The
/// sheet's deflate moved from zlib to MarkupDeflater in session 7, and in session 8 the cells the
/// same on every row (year, scheme, input) went into the deflater as markup rather than values:
/// each time every part unzips to the same bytes as before, only the compressed bytes (and so
/// these two hashes) changed.
/// </summary>
public sealed class RateOutputPinTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(false, "ratings.csv", "c5b338c51c0c7815e8334a1abf9c84c7648340930acaa9738a4d0cca0569f14d")]
    [InlineData(false, "errors.csv", "18ea9a7376a0a0bfb8cac26f45470e4a1e8eac958216e61825a490ee1cd69148")]
    [InlineData(false, "summary.json", "bda502cce6b949796865dd6950c8b841bc0e0e45317136ed183435bccf6cfaa9")]
    [InlineData(false, "ratings.xlsx", "f80635e8a92df94450a1de6f7d6950c01fc7cd5b09c44f7fbe3d8ac1363ab650")]
    [InlineData(true, "ratings.csv", "6225208de0bd1ce0ea0be0d5d37fb7433f9a11903286e8edb075b75e31199226")]
    [InlineData(true, "errors.csv", "062fbbd38bd952b5f54244cecf9ceb0110fccf332b403647c3b2721ba378b8aa")]
    [InlineData(true, "summary.json", "2d4635e4bca7f6befd5fc7f6c7610ec3b9b017812c275e0625d181e332eb3002")]
    [InlineData(true, "ratings.xlsx", "2d4bfb2f14a3bfc8be5096b5a3b4ba6ee55039e58958936d80732b2d4b108595")]
    public void Rate_PinnedSample_WritesTheSameBytesAsBefore(bool chineseHeaders, string file, string sha256)
    {
        var output = RunPinnedSample(chineseHeaders, "csv,xlsx");

        Assert.Equal(sha256, Hash(Path.Combine(output, file)));
    }

    [Fact]
    public void Rate_FormatsCsv_WritesTheSameCsvFilesAndNoWorkbook()
    {
        var everything = RunPinnedSample(chineseHeaders: false, "csv,xlsx");
        var csvOnly = RunPinnedSample(chineseHeaders: false, "csv");

        Assert.Equal(["errors.csv", "ratings.csv", "summary.json"], Directory.GetFiles(csvOnly).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(everything, "ratings.xlsx")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(everything, "ratings.csv")), File.ReadAllBytes(Path.Combine(csvOnly, "ratings.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(everything, "errors.csv")), File.ReadAllBytes(Path.Combine(csvOnly, "errors.csv")));
        Assert.DoesNotContain("ratings.xlsx", File.ReadAllText(Path.Combine(csvOnly, "summary.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_UnknownFormat_IsAUsageErrorNamingIt()
    {
        var input = temp.File("pin.csv");
        CliRun.Of("sample", "--n", "20", "--seed", "11", "--out", input).Expect(0);

        var run = CliRun.Of("rate", "--input", input, "--scheme", "zj-standard", "--region", "all", "--year", "2025", "--out", temp.File("out"), "--formats", "csv,pdf").Expect(2);

        Assert.Contains("--formats: 'pdf' is not csv or xlsx", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void Rate_RedirectedStandardError_PrintsNoProgress()
    {
        var input = temp.File("pin.csv");
        CliRun.Of("sample", "--n", "100000", "--seed", "11", "--out", input).Expect(0);

        var run = CliRun.Of("rate", "--input", input, "--scheme", "zj-standard", "--region", "all", "--year", "2025", "--out", temp.File("out"), "--formats", "csv").Expect(0);

        Assert.Equal(string.Empty, run.Error);
    }

    private static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private string RunPinnedSample(bool chineseHeaders, string formats)
    {
        // The file name is part of summary.json; the pinned hashes were taken with these names.
        var directory = temp.File(Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var input = Path.Combine(directory, chineseHeaders ? "pinzh.csv" : "pin.csv");
        string[] sample = ["sample", "--n", "500", "--seed", "11", "--out", input, "--bad-rate", "0.05"];
        CliRun.Of(chineseHeaders ? [.. sample, "--chinese-headers"] : sample).Expect(0);
        var output = Path.Combine(directory, "out");
        CliRun.Of("rate", "--input", input, "--scheme", "zj-standard", "--region", "331082", "--year", "2025", "--out", output, "--formats", formats, "--quiet").Expect(0);
        return output;
    }
}

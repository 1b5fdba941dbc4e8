using System.Collections.Concurrent;
using System.Text;
using MuScore.Core.Sampling;
using MuScore.Ingest;

namespace MuScore.Bench.Ingest;

/// <summary>Text encodings the CSV benchmarks read.</summary>
public enum CsvFileEncoding
{
    /// <summary>UTF-8 with a byte-order mark, as <see cref="CsvTableWriter"/> and "muscore sample" write it.</summary>
    Utf8,

    /// <summary>The same text in GB18030 without a byte-order mark, as Chinese government exports come.</summary>
    Gb18030,
}

/// <summary>
/// Generated sample CSV files (seed 42, year 2024, region 331082, English headers, no bad rows),
/// written once per process into a private temp folder that is deleted when the process exits.
/// </summary>
internal static class SampleCsvFiles
{
    private static readonly ConcurrentDictionary<(int Count, CsvFileEncoding Encoding), string> Files = new();
    private static readonly Lazy<string> Folder = new(CreateFolder);

    /// <summary>The path of the sample file with <paramref name="count"/> data rows in <paramref name="encoding"/>.</summary>
    public static string Get(int count, CsvFileEncoding encoding) =>
        Files.GetOrAdd((count, encoding), key => Write(key.Count, key.Encoding));

    private static string Write(int count, CsvFileEncoding encoding)
    {
        var utf8 = Path.Combine(Folder.Value, $"sample-{count}-utf8.csv");
        if (!File.Exists(utf8))
        {
            var options = new SampleOptions { Count = count, Seed = 42, Year = 2024, Regions = ["331082"] };
            using var writer = new CsvTableWriter(utf8, SampleGenerator.Headers(chinese: false));
            foreach (var cells in SampleGenerator.Generate(options))
            {
                writer.WriteRow(new ReadOnlySpan<string?>(cells));
            }
        }

        return encoding == CsvFileEncoding.Utf8 ? utf8 : Transcode(utf8, count);
    }

    // Same text, other bytes: the reader drops the UTF-8 byte-order mark, GB18030 writes none.
    private static string Transcode(string utf8, int count)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Path.Combine(Folder.Value, $"sample-{count}-gb18030.csv");
        using var reader = new StreamReader(utf8, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var writer = new StreamWriter(path, append: false, Encoding.GetEncoding("GB18030"));
        var buffer = new char[64 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            writer.Write(buffer, 0, read);
        }

        return path;
    }

    private static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"muscore-bench-csv-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    }
}

using System.IO.Compression;

namespace MuScore.Cli.Tests.Lists;

/// <summary>Reads the one sheet of a workbook the commands wrote, as XML text.</summary>
internal static class Workbook
{
    public static string SheetXml(string path)
    {
        using var archive = ZipFile.OpenRead(path);
        var entry = archive.GetEntry("xl/worksheets/sheet1.xml");
        Assert.NotNull(entry);
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}

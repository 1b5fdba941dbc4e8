using System.Text;
using MuScore.Core.History;
using MuScore.Core.Rating;

namespace MuScore.Ingest.Tests.History;

public class HistoryReaderTests
{
    private const string Header = "year,region,credit_code,name,status,class,total_score\n";

    [Fact]
    public void Load_CsvAndXlsxFiles_FillTheHistoryForConsecutiveDYears()
    {
        using var files = new TempFiles();
        var csv = files.Csv(Header
            + $"2022,331082,{Samples.Code(1)},甲,RATED,D,12.5\n"
            + $"2022,331082,{Samples.Code(2)},乙,EXCLUDED,,\n"
            + "2022,331082,91330603BAD,丙,INVALID,,\n"
            + $"2022,331082,{Samples.Code(3)},丁,invalid,,\n");
        var xlsx = files.Path(".xlsx");
        using (var writer = new XlsxTableWriter(xlsx, ["year", "region", "credit_code", "status", "class"], [XlsxColumnKind.Number, .. Enumerable.Repeat(XlsxColumnKind.Text, 4)]))
        {
            writer.WriteRow(["2023", "331082", Samples.Code(1), "RATED", "D"]);
            writer.WriteRow(["2023", "331082", Samples.Code(2), "RATED", "b"]);
        }

        var history = HistoryReader.Load([csv, xlsx]);

        Assert.Equal(5, history.Count);
        Assert.Equal(new HistoryEntry(RowStatus.Excluded, null), history.Find("331082", Samples.Code(2), 2022));
        Assert.Equal(new HistoryEntry(RowStatus.Rated, RatingClass.B), history.Find("331082", Samples.Code(2), 2023));
        Assert.Equal(new HistoryEntry(RowStatus.Invalid, null), history.Find("331082", Samples.Code(3), 2022));
        Assert.Equal(3, RatingHistory.ConsecutiveDYears(history, "331082", Samples.Code(1), 2024, RatingClass.D));
    }

    [Theory]
    [InlineData("2023,331082,{0},x,RATED,E,", "row 2, 'class' (column 6): class 'E' of a RATED row is not A, B, C or D")]
    [InlineData("2023,331082,{0},x,RATED,,", "row 2, 'class' (column 6): class '' of a RATED row is not A, B, C or D")]
    [InlineData("2023,331082,{0},x,EXCLUDED,C,", "row 2, 'class' (column 6): class 'C' is given for a row that is EXCLUDED, not RATED")]
    [InlineData("2023,331082,{0},x,DONE,A,", "row 2, 'status' (column 5): status 'DONE' is not RATED, EXCLUDED or INVALID")]
    [InlineData("23年,331082,{0},x,RATED,A,", "row 2, 'year' (column 1): year '23年' is not a year such as 2024")]
    [InlineData("2023,33108,{0},x,RATED,A,", "row 2, 'region' (column 2): region '33108' is not a 6-digit region code")]
    [InlineData("2023,331082,91330603000000001,x,EXCLUDED,,", "row 2, 'credit_code' (column 3): credit_code '91330603000000001' is not a valid unified social credit code")]
    public void Load_BadRow_ThrowsNamingFileRowAndColumn(string line, string problem)
    {
        using var files = new TempFiles();
        var path = files.Csv(Header + string.Format(System.Globalization.CultureInfo.InvariantCulture, line, Samples.Code(1)) + "\n");

        var error = Assert.Throws<TableFormatException>(() => HistoryReader.Load([path]));

        Assert.Equal($"{path}: {problem}", error.Message);
    }

    [Fact]
    public void Load_MissingColumn_SaysItIsNoHistoryFile()
    {
        using var files = new TempFiles();
        var path = files.Csv("year,region,credit_code,status\n");

        var error = Assert.Throws<TableFormatException>(() => HistoryReader.Load([path]));

        Assert.Equal($"{path}: is not a ratings history file: the header row (row 1) lacks class; headers found: 'year', 'region', 'credit_code', 'status'", error.Message);
    }

    [Fact]
    public void Load_SameKeyWithDifferentOutcomes_NamesBothPlaces()
    {
        using var files = new TempFiles();
        var first = files.Csv(Header + $"2023,331082,{Samples.Code(1)},x,RATED,D,\n");
        var second = files.Csv(Header + $"2023,331082,{Samples.Code(1)},x,RATED,D,\n2023,331082,{Samples.Code(1)},x,RATED,C,\n");

        var error = Assert.Throws<TableFormatException>(() => HistoryReader.Load([first, second]));

        Assert.Equal($"{second}: row 3: credit_code {Samples.Code(1)} in region 331082 for 2023 is RATED C here but RATED D in {first} row 2", error.Message);
    }

    [Fact]
    public void Load_BlankRowInside_IsAnErrorButTrailingBlankLinesAreNot()
    {
        using var files = new TempFiles();
        var trailing = files.Csv(Header + $"2023,331082,{Samples.Code(1)},x,RATED,D,\n\n\n");
        var inside = files.Csv(Header + $"2023,331082,{Samples.Code(1)},x,RATED,D,\n\n2023,331082,{Samples.Code(2)},x,RATED,D,\n");

        Assert.Equal(1, HistoryReader.Load([trailing]).Count);
        var error = Assert.Throws<TableFormatException>(() => HistoryReader.Load([inside]));
        Assert.Equal($"{inside}: row 3 is blank; a history file may not have blank rows", error.Message);
    }

    private sealed class TempFiles : IDisposable
    {
        private readonly List<string> paths = [];

        public string Path(string extension)
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"muscore-history-{Guid.NewGuid():N}{extension}");
            paths.Add(path);
            return path;
        }

        public string Csv(string text)
        {
            var path = Path(".csv");
            File.WriteAllText(path, text, new UTF8Encoding(true));
            return path;
        }

        public void Dispose() => paths.ForEach(File.Delete);
    }
}

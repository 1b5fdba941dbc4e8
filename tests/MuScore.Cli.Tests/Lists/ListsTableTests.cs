using MuScore.Cli.Connection;
using MuScore.Cli.Lists;
using MuScore.Contracts.V1;
using MuScore.Reports.Lists;

namespace MuScore.Cli.Tests.Lists;

/// <summary>The lists file's rows and the checks on the stream, without a server.</summary>
public sealed class ListsTableTests
{
    private static readonly ReportOptions Options = new(new ConnectionOptions(new Uri("http://127.0.0.1:5080"), null, null, null, null), "331082", 2023, "lists.csv", ReportFormat.Csv);

    [Fact]
    public void Rows_EntriesOutOfOrder_LargeListFirstThenByCreditCodeOrdinal()
    {
        var lists = new LowEfficiencyLists(Header(large: 1, low: 2), [Entry(LowEfficiencyList.LowTax, "B"), Entry(LowEfficiencyList.LowTax, "A"), Entry(LowEfficiencyList.LargeLowTax, "C")]);

        var rows = ListsTable.Rows(lists.Header, lists.Entries).ToList();

        Assert.Equal(["LARGE_LOW_TAX C", "LOW_TAX A", "LOW_TAX B"], rows.Select(r => $"{r[0]} {r[1]}"));
    }

    [Fact]
    public void Rows_LowTaxEntry_NamesNoPreviousPublication()
    {
        var lists = new LowEfficiencyLists(Header(large: 1, low: 1), [Entry(LowEfficiencyList.LargeLowTax, "A"), Entry(LowEfficiencyList.LowTax, "A")]);
        var previousVersion = ListsTable.Columns.Headers.ToList().IndexOf("previous_version");
        var previousRun = ListsTable.Columns.Headers.ToList().IndexOf("previous_run_id");

        var rows = ListsTable.Rows(lists.Header, lists.Entries).ToList();

        Assert.Equal("1", rows[0][previousVersion]);
        Assert.Equal("run-2022", rows[0][previousRun]);
        Assert.Null(rows[1][previousVersion]);
        Assert.Null(rows[1][previousRun]);
        Assert.All(rows, row => Assert.Equal(ListsTable.Columns.Headers.Count, row.Length));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(1, 0)]
    public void Check_EntriesDisagreeWithTheHeaderCounts_ServerErrorAndNothingWritten(int large, int low)
    {
        List<ListedEnterprise> entries = [Entry(LowEfficiencyList.LargeLowTax, "A"), Entry(LowEfficiencyList.LowTax, "A")];

        var failure = Assert.Throws<CommandFailure>(() => LowEfficiencyReader.Check(Options, Header(large, low), entries));

        Assert.Equal(ExitCodes.ServerError, failure.ExitCode);
        Assert.Contains("1 LARGE_LOW_TAX and 1 LOW_TAX entries where its header announced", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoHeader_ServerError()
    {
        var failure = Assert.Throws<CommandFailure>(() => LowEfficiencyReader.Check(Options, null, []));

        Assert.Equal(ExitCodes.ServerError, failure.ExitCode);
        Assert.Contains("no header naming the publication and policy used", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Csv_NameLikeAFormulaWrittenAsText_NumbersUntouched()
    {
        var path = Path.Combine(Path.GetTempPath(), $"muscore-lists-{Guid.NewGuid():N}.csv");
        var entry = Entry(LowEfficiencyList.LowTax, "A");
        entry.Name = "=HYPERLINK(\"http://x\",\"y\")";
        entry.TaxPerMuWan = "0.5";
        var lists = new LowEfficiencyLists(Header(large: 0, low: 1), [entry]);
        try
        {
            ReportTable.Write(Options with { Output = path }, ListsTable.Columns, ListsTable.Rows(lists.Header, lists.Entries));

            var file = CsvFile.Read(path);
            Assert.Equal("'=HYPERLINK(\"http://x\",\"y\")", Assert.Single(file.Values("name")));
            Assert.Equal("0.5", Assert.Single(file.Values("tax_per_mu_wan")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static LowEfficiencyHeader Header(int large, int low) => new()
    {
        Current = new PublicationUsed { Region = "331082", Year = 2023, Version = 2, RunId = "run-2023" },
        Previous = new PublicationUsed { Region = "331082", Year = 2022, Version = 1, RunId = "run-2022" },
        Policy = new PolicyRef { Id = "linhai-2022", Version = "1", Hash = "abc", Source = "临政发〔2022〕22号" },
        Citation = "临政发〔2022〕22号 附件 二、主要目标",
        LargeLowTaxCount = large,
        LowTaxCount = low,
        Note = "note",
    };

    private static ListedEnterprise Entry(LowEfficiencyList list, string code) =>
        new() { List = list, CreditCode = code, TaxWan = "1", LandMu = "1", TaxPerMuWan = "1" };
}

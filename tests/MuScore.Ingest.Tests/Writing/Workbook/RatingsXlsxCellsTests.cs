using MuScore.Core.Rating;

namespace MuScore.Ingest.Tests.Writing.Workbook;

public class RatingsXlsxCellsTests
{
    [Fact]
    public void Fill_SampleRunWithBadRows_ShowsWhatTheStringLayoutShows()
    {
        var (scheme, run) = RatingRuns.Sample(3_000);
        var layout = new RatingsTableLayout(scheme, run);
        var typed = new RatingsXlsxCells(layout, run);

        Assert.Contains(run.Rows, r => r.Status == RowStatus.Invalid);
        Assert.Contains(run.Rows, r => r.Status == RowStatus.Excluded);
        for (var row = 0; row < run.Rows.Count; row++)
        {
            var outcome = run.Rows[row];
            var strings = layout.Fill(outcome);
            var cells = typed.Fill(row);
            Assert.Equal(strings.Length, cells.Length);
            for (var i = 0; i < strings.Length; i++)
            {
                Assert.True(Expected(strings[i], layout.Kinds[i]) == Shown(cells[i]), $"row {outcome.RowNumber}, column {layout.Headers[i]}: '{strings[i]}'");
            }
        }
    }

    [Fact]
    public void FillShared_SampleRunWithBadRows_GivesFillsSharedTextsInColumnOrder()
    {
        // The parallel writer numbers the shared strings from FillShared: any difference would renumber them.
        var (scheme, run) = RatingRuns.Sample(3_000);
        var layout = new RatingsTableLayout(scheme, run);
        var typed = new RatingsXlsxCells(layout, run);

        for (var row = 0; row < run.Rows.Count; row++)
        {
            var expected = SharedTexts(typed.Fill(row));
            Assert.Equal(expected, SharedTexts(typed.FillShared(row)));
            Assert.Contains(run.SchemeHash, expected);
        }
    }

    private static List<string> SharedTexts(ReadOnlySpan<XlsxCell> cells)
    {
        var texts = new List<string>();
        foreach (var cell in cells)
        {
            if (cell.Kind == XlsxCellKind.SharedText)
            {
                texts.Add(cell.Text);
            }
        }

        return texts;
    }

    /// <summary>What the string writer shows for a cell: nothing, a number when it reads back as the same text, else the text.</summary>
    private static ShownCell? Expected(string text, XlsxColumnKind kind) =>
        text.Length == 0 ? null : new ShownCell(text, kind == XlsxColumnKind.Number && XlsxTableWriter.TryExactNumber(text, out _));

    private static ShownCell? Shown(XlsxCell cell) => cell.Kind switch
    {
        XlsxCellKind.Empty => null,
        XlsxCellKind.Text or XlsxCellKind.SharedText => new ShownCell(cell.Text, false),
        _ => new ShownCell(XlsxNumbers.Format(cell), true),
    };
}

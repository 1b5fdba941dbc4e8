using System.Globalization;
using MuScore.Core.Rating;
using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>One validated history row.</summary>
internal readonly record struct HistoryRow(int Year, string Region, string Code, RowStatus Status, RatingClass? Class);

/// <summary>Validates the current record of a history source; columns are year, region, credit_code, status, class.</summary>
internal sealed class HistoryRowReader(ITableSource source, string[] headers, int[] columns, string displayName)
{
    private const int Year = 0;
    private const int Region = 1;
    private const int Code = 2;
    private const int Status = 3;
    private const int Class = 4;

    /// <summary>The row, or null for an INVALID row whose code or region cannot identify anyone.</summary>
    public HistoryRow? Read()
    {
        var yearText = Cell(Year);
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 9999)
        {
            throw Bad(Year, $"year '{yearText}' is not a year such as 2024");
        }

        var statusText = Cell(Status);
        RowStatus status;
        if (statusText.Equals("RATED", StringComparison.OrdinalIgnoreCase))
        {
            status = RowStatus.Rated;
        }
        else if (statusText.Equals("EXCLUDED", StringComparison.OrdinalIgnoreCase))
        {
            status = RowStatus.Excluded;
        }
        else if (statusText.Equals("INVALID", StringComparison.OrdinalIgnoreCase))
        {
            status = RowStatus.Invalid;
        }
        else
        {
            throw Bad(Status, $"status '{statusText}' is not RATED, EXCLUDED or INVALID");
        }

        var classText = Cell(Class);
        RatingClass? ratingClass = classText.Length == 1 && "ABCD".Contains(char.ToUpperInvariant(classText[0]), StringComparison.Ordinal)
            ? (RatingClass)("ABCD".IndexOf(char.ToUpperInvariant(classText[0]), StringComparison.Ordinal))
            : null;
        if (status == RowStatus.Rated && ratingClass is null)
        {
            throw Bad(Class, $"class '{classText}' of a RATED row is not A, B, C or D");
        }

        if (status != RowStatus.Rated && classText.Length > 0)
        {
            throw Bad(Class, $"class '{classText}' is given for a row that is {statusText.ToUpperInvariant()}, not RATED");
        }

        var region = Cell(Region);
        var code = Cell(Code);
        var regionValid = CellParsers.IsRegion(region);
        var codeValid = CreditCode.Validate(code) is null;
        if (status == RowStatus.Invalid && !(regionValid && codeValid))
        {
            return null;
        }

        if (!regionValid)
        {
            throw Bad(Region, $"region '{region}' is not a 6-digit region code");
        }

        return codeValid
            ? new HistoryRow(year, region, code, status, ratingClass)
            : throw Bad(Code, $"credit_code '{code}' is not a valid unified social credit code");
    }

    private string Cell(int index) => source.Cell(columns[index]).Trim().ToString();

    private TableFormatException Bad(int index, string problem) =>
        TableFormatException.For(
            displayName,
            string.Create(CultureInfo.InvariantCulture, $"row {source.RowNumber}, {HeaderRow.Describe(source, headers, columns[index])}: {problem}"));
}

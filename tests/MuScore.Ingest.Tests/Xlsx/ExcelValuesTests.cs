namespace MuScore.Ingest.Tests.Xlsx;

public class ExcelValuesTests
{
    [Theory]
    [InlineData("1", false, "1900-01-01")]
    [InlineData("59", false, "1900-02-28")]
    [InlineData("61", false, "1900-03-01")]
    [InlineData("45366.99", false, "2024-03-15")]
    [InlineData("2958465", false, "9999-12-31")]
    [InlineData("0", true, "1904-01-01")]
    public void TryFormatDate_Serial_GivesTheDateExcelShows(string serial, bool date1904, string expected)
    {
        Assert.True(ExcelValues.TryFormatDate(serial, date1904, out var date));
        Assert.Equal(expected, date);
    }

    [Theory]
    [InlineData("60")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("2958466")]
    [InlineData("abc")]
    public void TryFormatDate_NoSuchDay_IsRejected(string serial)
    {
        Assert.False(ExcelValues.TryFormatDate(serial, false, out _));
    }

    [Theory]
    [InlineData(14, null, true)]
    [InlineData(22, null, true)]
    [InlineData(31, null, true)]
    [InlineData(20, null, false)]
    [InlineData(2, null, false)]
    [InlineData(164, "yyyy/m/d", true)]
    [InlineData(164, "mmm-yy", true)]
    [InlineData(164, "[$-804]yyyy\"年\"m\"月\";@", true)]
    [InlineData(164, "h:mm", false)]
    [InlineData(164, "mm:ss", false)]
    [InlineData(164, "0.00\"d\"", false)]
    [InlineData(164, "[Red]0.00;[Blue]d", false)]
    [InlineData(164, "General", false)]
    public void IsDateFormat_FormatCode_TellsDatesFromNumbersAndTimes(int id, string? code, bool expected)
    {
        Assert.Equal(expected, ExcelValues.IsDateFormat(id, code));
    }

    [Theory]
    [InlineData("12.5", "12.5")]
    [InlineData("0.30000000000000004", "0.3")]
    [InlineData("2.2999999999999998", "2.3")]
    [InlineData("1.2345678901234567E-5", "1.23456789012346E-05")]
    [InlineData("123456789012345", "123456789012345")]
    public void NormaliseNumber_StoredText_KeepsWhatExcelShows(string stored, string expected)
    {
        Assert.Equal(expected, ExcelValues.NormaliseNumber(stored));
    }

    [Theory]
    [InlineData("A1", 0)]
    [InlineData("Z9", 25)]
    [InlineData("AA10", 26)]
    [InlineData("XFD1", 16383)]
    [InlineData("XFE1", -1)]
    [InlineData("12", -1)]
    public void ParseColumn_Reference_GivesZeroBasedColumn(string reference, int expected)
    {
        Assert.Equal(expected, CellReference.ParseColumn(reference));
        if (expected >= 0)
        {
            Assert.Equal(reference.TrimEnd("0123456789".ToCharArray()), CellReference.ColumnLetters(expected));
        }
    }

    [Fact]
    public void DecodeEscapes_ExcelEscapes_BecomeCharacters()
    {
        Assert.Equal("a\r\nb_x00", XlsxXml.DecodeEscapes("a_x000D__x000A_b_x00"));
    }
}

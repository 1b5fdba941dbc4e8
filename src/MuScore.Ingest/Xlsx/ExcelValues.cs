using System.Globalization;

namespace MuScore.Ingest;

/// <summary>How a stored numeric cell value becomes the text a clerk sees.</summary>
internal static class ExcelValues
{
    /// <summary>Excel shows at most 15 significant digits; more is binary floating-point noise.</summary>
    private const int ShownDigits = 15;

    private static readonly DateOnly Epoch1900 = new(1899, 12, 31);
    private static readonly DateOnly Epoch1900AfterLeapBug = new(1899, 12, 30);
    private static readonly DateOnly Epoch1904 = new(1904, 1, 1);

    /// <summary>
    /// A date serial as yyyy-MM-dd (time of day dropped). 1900 system: 1 = 1900-01-01, 60 is the
    /// non-existent 1900-02-29 of Excel's leap-year bug (invalid), later serials are one day off.
    /// 1904 system: 0 = 1904-01-01. Serials before the epoch or after 9999-12-31 are invalid.
    /// </summary>
    public static bool TryFormatDate(string serialText, bool date1904, out string date)
    {
        date = string.Empty;
        if (!double.TryParse(serialText, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            || !double.IsFinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2_958_466)
        {
            return false;
        }

        var days = (int)Math.Floor(serial);
        if (!date1904 && days == 60)
        {
            return false;
        }

        var day = date1904 ? Epoch1904.AddDays(days) : days < 60 ? Epoch1900.AddDays(days) : Epoch1900AfterLeapBug.AddDays(days);
        if (day.Year > 9999)
        {
            return false;
        }

        date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// A stored number as written, unless it carries more than 15 significant digits (such as
    /// 0.30000000000000004): then rounded to the 15 digits Excel displays.
    /// </summary>
    public static string NormaliseNumber(string text)
    {
        if (SignificantDigits(text) <= ShownDigits
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return text;
        }

        return value.ToString("G15", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Whether a number format shows a date: built-in 14–17 and 22 (date, date-time) and the
    /// zh-CN date ids 27–31, 36, 50–54, 57, 58; a custom code whose first section, literals and
    /// [..] blocks removed, holds y or d, or m without h or s. Time-only formats are not dates.
    /// </summary>
    public static bool IsDateFormat(int id, string? customCode)
    {
        if (customCode is null)
        {
            return id is (>= 14 and <= 17) or 22 or (>= 27 and <= 31) or 36 or (>= 50 and <= 54) or 57 or 58;
        }

        bool year = false, day = false, month = false, hour = false, second = false;
        for (var i = 0; i < customCode.Length; i++)
        {
            var c = customCode[i];
            switch (c)
            {
                case ';':
                    i = customCode.Length;
                    break;
                case '"':
                    i = SkipTo(customCode, i, '"');
                    break;
                case '[':
                    i = SkipTo(customCode, i, ']');
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                default:
                    var lower = char.ToLowerInvariant(c);
                    year |= lower == 'y';
                    day |= lower == 'd';
                    month |= lower == 'm';
                    hour |= lower == 'h';
                    second |= lower == 's';
                    break;
            }
        }

        return year || day || (month && !hour && !second);
    }

    private static int SkipTo(string text, int from, char close)
    {
        var end = text.IndexOf(close, from + 1);
        return end < 0 ? text.Length : end;
    }

    private static int SignificantDigits(string text)
    {
        var digits = 0;
        var started = false;
        foreach (var c in text)
        {
            if (c is 'e' or 'E')
            {
                break;
            }

            if (char.IsAsciiDigit(c))
            {
                started |= c != '0';
                digits += started ? 1 : 0;
            }
        }

        return digits;
    }
}

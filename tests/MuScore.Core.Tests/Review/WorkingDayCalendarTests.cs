using MuScore.Core.Review;

namespace MuScore.Core.Tests.Review;

/// <summary>Notice periods counted in working days over the shipped 2025/2026 calendar: weekends, holidays and make-up days (调休).</summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.ChinaPublicHolidays;

    [Theory]
    [InlineData("2026-03-02", 5, "2026-03-06")] // an ordinary week
    [InlineData("2026-03-07", 5, "2026-03-13")] // starts on a Saturday: counting begins Monday
    [InlineData("2025-09-29", 5, "2025-10-11")] // National Day: 1-8 October off, Saturday 11 October worked
    [InlineData("2026-02-12", 5, "2026-02-25")] // Spring Festival: Saturday 14 February worked, 15-23 off
    [InlineData("2025-12-31", 2, "2026-01-04")] // New Year 2026: 1-3 January off, Sunday 4 January worked
    public void NoticeEnd_FromStartDate_CountsWorkingDaysOnly(string start, int days, string end)
    {
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), China.NoticeEnd(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));
    }

    [Fact]
    public void NoticeEnd_RunsIntoAYearNotCovered_RefusedNamingTheYear()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => China.NoticeEnd(new DateOnly(2026, 12, 28), 10));

        Assert.Contains("does not cover 2027", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CalendarFile_HolidaysAndWorkdaysApplied()
    {
        var calendar = WorkingDayCalendar.Parse("""{"years": [2030], "holidays": ["2030-01-01"], "workdays": ["2030-01-05"]}""");

        Assert.False(calendar.IsWorkingDay(new DateOnly(2030, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2030, 1, 5)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2030, 1, 6)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2030, 1, 2)));
    }

    [Theory]
    [InlineData("""{"years": [2030], "holidays": ["2031-01-01"], "workdays": []}""", "outside the calendar's years")]
    [InlineData("""{"years": [2030], "holidays": ["2030-13-01"], "workdays": []}""", "not a yyyy-MM-dd date")]
    [InlineData("""{"years": [2030], "holidays": ["2030-01-05"], "workdays": ["2030-01-05"]}""", "both a holiday and a working day")]
    [InlineData("""{"years": [], "holidays": [], "workdays": []}""", "one or more years")]
    public void Parse_BadFile_FormatExceptionSayingWhy(string json, string message)
    {
        var error = Assert.Throws<FormatException>(() => WorkingDayCalendar.Parse(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}

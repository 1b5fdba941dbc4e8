using System.Globalization;
using System.Text.Json;

namespace MuScore.Core.Review;

/// <summary>
/// Which days are working days (docs/review.md, "Calendar"): Monday to Friday, except listed
/// public holidays, plus listed make-up working days (调休) that fall on a weekend. Covers only
/// the years it lists: counting into a year it does not know is refused rather than guessed, since
/// a notice period that ends a day early cuts off an enterprise's right to object.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>The notice length when a request gives none (5 working days, the usual 公示 period).</summary>
    public const int DefaultNoticeDays = 5;

    /// <summary>The longest notice a request may ask for, in working days.</summary>
    public const int MaxNoticeDays = 30;

    private readonly HashSet<DateOnly> holidays;
    private readonly HashSet<DateOnly> workdays;
    private readonly HashSet<int> years;

    /// <summary>Creates a calendar; every listed date must fall in a listed year.</summary>
    /// <exception cref="ArgumentException">A date outside the years, or a date both holiday and workday.</exception>
    public WorkingDayCalendar(IEnumerable<int> years, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays)
    {
        this.years = [.. years];
        this.holidays = [.. holidays];
        this.workdays = [.. workdays];
        foreach (var day in this.holidays.Concat(this.workdays))
        {
            if (!this.years.Contains(day.Year))
            {
                throw new ArgumentException($"{Text(day)} is outside the calendar's years", nameof(holidays));
            }
        }

        if (this.holidays.Overlaps(this.workdays))
        {
            throw new ArgumentException($"{Text(this.holidays.Intersect(this.workdays).Min())} is listed as both a holiday and a working day", nameof(workdays));
        }
    }

    /// <summary>The years covered, ascending.</summary>
    public IReadOnlyList<int> Years => [.. years.Order()];

    /// <summary>The calendar shipped with MuScore: Chinese public holidays and make-up days of 2025 and 2026.</summary>
    public static WorkingDayCalendar ChinaPublicHolidays { get; } = Parse(EmbeddedPresetFiles.Read("MuScore.Core.Review.Calendars.").Single(f => f.Name == "cn-public-holidays").Json);

    /// <summary>Whether <paramref name="day"/> is a working day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The day's year is not covered.</exception>
    public bool IsWorkingDay(DateOnly day)
    {
        if (!years.Contains(day.Year))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"the holiday calendar does not cover {day.Year} (it covers {string.Join(", ", Years)})");
        }

        if (workdays.Contains(day))
        {
            return true;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);
    }

    /// <summary>
    /// The last day of a notice that starts on <paramref name="start"/> and lasts
    /// <paramref name="workingDays"/> working days: the start counts when it is a working day,
    /// otherwise counting begins with the next one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Days out of 1..<see cref="MaxNoticeDays"/>, or the count runs into a year not covered.</exception>
    public DateOnly NoticeEnd(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workingDays, MaxNoticeDays);
        var day = start;
        var counted = 0;
        while (true)
        {
            if (IsWorkingDay(day) && ++counted == workingDays)
            {
                return day;
            }

            day = day.AddDays(1);
        }
    }

    /// <summary>
    /// Reads a calendar file: <c>{"years": [2025], "holidays": ["2025-01-01", ...], "workdays": ["2025-01-26", ...]}</c>.
    /// </summary>
    /// <exception cref="FormatException">The text is not such a file; the message names the problem.</exception>
    public static WorkingDayCalendar Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var years = root.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();
            if (years.Count == 0 || years.Any(y => y is < 1990 or > 2100))
            {
                throw new FormatException("calendar: \"years\" must list one or more years in 1990..2100");
            }

            return new WorkingDayCalendar(years, Dates(root, "holidays"), Dates(root, "workdays"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"calendar: {e.Message}", e);
        }
    }

    private static List<DateOnly> Dates(JsonElement root, string name)
    {
        var dates = new List<DateOnly>();
        foreach (var item in root.GetProperty(name).EnumerateArray())
        {
            var text = item.GetString() ?? string.Empty;
            dates.Add(DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new FormatException($"calendar: \"{name}\" holds '{text}', not a yyyy-MM-dd date"));
        }

        return dates;
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

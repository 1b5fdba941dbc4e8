using Microsoft.Extensions.Options;
using MuScore.Core.Review;
using MuScore.Server.Hosting;
using MuScore.Server.Options;

namespace MuScore.Server.Review;

/// <summary>
/// The working-day calendar the notices count in (MuScore:Review:Calendar, or the built-in one),
/// and "today" where the notices are held: China Standard Time, UTC+8 all year (no daylight saving).
/// </summary>
internal sealed class ReviewCalendar(IOptions<ReviewOptions> options, TimeProvider time)
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private readonly Lazy<WorkingDayCalendar> calendar = new(() => Load(options.Value.Calendar));

    public WorkingDayCalendar Calendar => calendar.Value;

    /// <summary>Today's date in China Standard Time.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);

    /// <summary>Reads the configured file; a bad one stops the server at start with the setting named.</summary>
    public static WorkingDayCalendar Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return WorkingDayCalendar.ChinaPublicHolidays;
        }

        try
        {
            return WorkingDayCalendar.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new ServerConfigurationException($"{ReviewOptions.Section}:Calendar: cannot use '{path}': {e.Message}", e);
        }
    }
}

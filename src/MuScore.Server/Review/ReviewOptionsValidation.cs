using Microsoft.Extensions.Options;
using MuScore.Server.Hosting;
using MuScore.Server.Options;

namespace MuScore.Server.Review;

/// <summary>Reads the configured holiday calendar when the server starts, so a bad file stops it then, not at the first notice.</summary>
internal sealed class ReviewOptionsValidation : IValidateOptions<ReviewOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            ReviewCalendar.Load(options.Calendar);
            return ValidateOptionsResult.Success;
        }
        catch (ServerConfigurationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}

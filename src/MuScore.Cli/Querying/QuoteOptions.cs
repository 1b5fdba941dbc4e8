using System.Globalization;
using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Querying;

/// <summary>The checked options of "muscore quote CODE".</summary>
internal sealed record QuoteOptions(ConnectionOptions Connection, QuoteTariffRequest Request, bool Json)
{
    public static IReadOnlyList<OptionSpec> Specs { get; } = QueryOptions.WithConnection(
        OptionSpec.Value("region", "CODE", "the 6-digit region of the enterprise", required: true),
        OptionSpec.Value("utility", "electricity|water|gas", "the utility billed", required: true),
        OptionSpec.Value("date", "YYYY-MM-DD", "the billing date: the rating and policy in force on it are used", required: true),
        OptionSpec.Value("quantity", "Q", "units billed (kWh, m³ or t, as the tariff's unit); with it the answer has an amount"));

    /// <exception cref="CommandFailure">A value is malformed (exit code 2).</exception>
    public static QuoteOptions From(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var code = QueryOptions.CreditCodeOf(QueryOptions.OneWord(args, "CODE (the enterprise's credit code)"));
        var connection = ConnectionOptions.From(args);
        var region = ServerArguments.Region(args);
        var utilityText = args.Value("utility")!;
        var utility = utilityText.ToUpperInvariant() switch
        {
            "ELECTRICITY" => Utility.Electricity,
            "WATER" => Utility.Water,
            "GAS" => Utility.Gas,
            _ => throw CommandFailure.Usage($"--utility '{QueryOptions.Bounded(utilityText)}' is not electricity, water or gas"),
        };
        var date = args.Value("date")!;
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw CommandFailure.Usage($"--date '{QueryOptions.Bounded(date)}' is not a date YYYY-MM-DD");
        }

        var request = new QuoteTariffRequest { CreditCode = code, Region = region, Utility = utility, BillingDate = date };
        if (args.Value("quantity") is { } quantity)
        {
            // The server parses decimal text exactly; only the shape is checked here.
            if (!decimal.TryParse(quantity, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
            {
                throw CommandFailure.Usage($"--quantity '{QueryOptions.Bounded(quantity)}' is not a plain non-negative number such as 12500 or 830.5");
            }

            request.Quantity = quantity;
        }

        return new QuoteOptions(connection, request, args.Has("json"));
    }
}

using System.Globalization;

namespace MuScore.LoadBench.Common;

/// <summary><c>--name value</c> or <c>--name=value</c> options of one subcommand.</summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, string> values;

    private CommandOptions(Dictionary<string, string> values) => this.values = values;

    public static CommandOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new OptionException($"'{arg}' is not an option (--name value)");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[arg[2..equals]] = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                values[arg[2..]] = args[++i];
            }
            else
            {
                throw new OptionException($"option {arg} needs a value");
            }
        }

        return new CommandOptions(values);
    }

    public string Text(string name, string? fallback = null) =>
        values.TryGetValue(name, out var value) ? value
        : fallback ?? throw new OptionException($"option --{name} is required");

    public int Int(string name, int? fallback = null, int min = 1, int max = int.MaxValue)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback ?? throw new OptionException($"option --{name} is required");
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new OptionException($"option --{name} must be a whole number from {min} to {max}, not '{text}'");
        }

        return value;
    }

    /// <summary>A <c>true</c>/<c>false</c> option, false when absent.</summary>
    public bool Flag(string name) => Text(name, "false") switch
    {
        "true" => true,
        "false" => false,
        var text => throw new OptionException($"option --{name} must be true or false, not '{text}'"),
    };

    /// <summary>The <c>--server</c> URL: http:// (h2c), or https:// where <paramref name="tls"/> allows it (commands that take --ca).</summary>
    public Uri Server(bool tls = false)
    {
        var text = Text("server");
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || (tls && uri.Scheme == Uri.UriSchemeHttps))
            ? uri
            : throw new OptionException($"option --server must be an {(tls ? "http:// or https://" : "http://")} URL, not '{text}'");
    }
}

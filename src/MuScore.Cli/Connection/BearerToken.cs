namespace MuScore.Cli.Connection;

/// <summary>
/// A bearer token, held so that it cannot be printed by accident: <see cref="ToString"/> never
/// shows it (records and interpolations that include it print "(token hidden)"), and only
/// <see cref="AuthorizationHeader"/>, which goes on the wire, contains it.
/// </summary>
internal sealed class BearerToken
{
    private readonly string value;

    private BearerToken(string value) => this.value = value;

    /// <summary>The "authorization" metadata value: "Bearer " and the token.</summary>
    public string AuthorizationHeader => "Bearer " + value;

    /// <summary>
    /// The token of <c>--token</c> (or MUSCORE_TOKEN, named by <paramref name="source"/>): the text
    /// itself, or with a leading '@' the trimmed content of that file, which keeps the token out of
    /// shell history and process lists.
    /// </summary>
    /// <exception cref="CommandFailure">The file is missing or empty, or the token is not one word of printable ASCII (exit code 2; the token is never quoted).</exception>
    public static BearerToken From(string argument, string source)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var text = argument;
        if (argument.StartsWith('@'))
        {
            var path = argument[1..];
            if (!File.Exists(path))
            {
                throw CommandFailure.BadInput($"token file '{path}' does not exist");
            }

            source = $"token file '{path}'";
            text = File.ReadAllText(path);
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            throw CommandFailure.BadInput($"{source} is empty");
        }

        // A JWT is base64url parts joined by dots; anything else (a space, a line break, a
        // non-ASCII letter) would break the header or is not a token at all.
        if (text.Any(c => c is < '!' or > '~'))
        {
            throw CommandFailure.BadInput($"{source} is not a token: it holds spaces, line breaks or characters outside printable ASCII");
        }

        return new BearerToken(text);
    }

    /// <summary>Never the token.</summary>
    public override string ToString() => "(token hidden)";
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace MuScore.Cli.CommandLine;

/// <summary>
/// What a command line that does not parse prints: each problem in the words the old parser used
/// ("unknown option '--x'", "--year needs a value (YYYY)"), then System.CommandLine's typo
/// suggestions ("did you mean").
/// </summary>
internal static class ParseErrorText
{
    /// <summary>One problem as a sentence.</summary>
    public static string Describe(ParseError error, ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(result);
        if (error.SymbolResult is OptionResult { Tokens.Count: 0 } option && option.Option.Arity.MinimumNumberOfValues > 0)
        {
            return $"{option.Option.Name} needs a value ({option.Option.HelpName})";
        }

        if (error.SymbolResult is OptionResult { Tokens.Count: > 1 } repeated && repeated.Option.Arity.MaximumNumberOfValues == 1)
        {
            return $"{repeated.Option.Name} is given more than once";
        }

        var unmatched = result.UnmatchedTokens.FirstOrDefault(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal));
        if (unmatched is not null)
        {
            return unmatched.Length > 1 && unmatched[0] == '-' ? $"unknown option '{unmatched}'" : $"unexpected argument '{unmatched}'";
        }

        return error.Message;
    }

    /// <summary>
    /// System.CommandLine's typo suggestions for the unmatched words, one line each ("'--regoin': did
    /// you mean --region?"); only for words that look like options, or for any word at the root
    /// (a mistyped verb). Empty when there are none.
    /// </summary>
    public static string TypoSuggestions(ParseResult result, bool atRoot)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Action is not ParseErrorAction action || result.UnmatchedTokens.Count == 0)
        {
            return string.Empty;
        }

        action.ShowHelp = false;
        action.ShowTypoCorrections = true;
        using var captured = new StringWriter();
        result.Invoke(new InvocationConfiguration { Output = captured, Error = captured, EnableDefaultExceptionHandler = false });

        // The action prints "'WORD' was not matched. Did you mean one of the following?" and the
        // candidates one a line, then the errors themselves (already said in our words above).
        var messages = result.Errors.Select(e => e.Message).ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder();
        string? word = null;
        var candidates = new List<string>();
        foreach (var line in captured.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Append(string.Empty))
        {
            var header = result.UnmatchedTokens.FirstOrDefault(t => line.StartsWith($"'{t}' ", StringComparison.Ordinal));
            if (header is not null || line.Length == 0 || messages.Contains(line))
            {
                if (word is not null && candidates.Count > 0 && (atRoot || word.StartsWith('-')))
                {
                    text.Append(CultureInfo.InvariantCulture, $"'{word}': did you mean {string.Join(" or ", candidates)}?\n");
                }

                (word, candidates) = (header, []);
                continue;
            }

            if (word is not null)
            {
                candidates.Add(line.Trim());
            }
        }

        return text.ToString();
    }
}

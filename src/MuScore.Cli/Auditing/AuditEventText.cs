using System.Globalization;
using System.Text;
using MuScore.Contracts.V1;
using MuScore.Store.Audit;

namespace MuScore.Cli.Auditing;

/// <summary>
/// One audit event as one line a rating-office clerk can read without a legend:
/// <code>
/// 17  2025-03-01T08:30:15Z  run.published   by head-li  region 331082  year 2024  run 3f2a9c1b5d7e  version 2  reason "annual publication"
/// </code>
/// Sequence, time (UTC, to the second), kind, then only the facts the event has. Callers and
/// reasons come from clients: control and format characters are written as <c>\uXXXX</c>, so a
/// line stays one line and cannot move the terminal's cursor or reverse the text after it.
/// </summary>
internal static class AuditEventText
{
    /// <summary>Characters of a run id shown: enough to tell runs apart, short enough for a line.</summary>
    public const int RunIdShown = 12;

    /// <summary>The longest kind, so that the facts after it line up.</summary>
    private static readonly int KindWidth = AuditListOptions.Kinds.Max(k => k.Length);

    public static string Line(AuditEvent e, bool detail)
    {
        ArgumentNullException.ThrowIfNull(e);
        var line = new StringBuilder();
        line.Append(e.Sequence.ToString(CultureInfo.InvariantCulture));
        line.Append("  ").Append(e.At is null ? "(no time)" : e.At.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        line.Append("  ").Append(Printable(e.Kind).PadRight(KindWidth));
        line.Append("  by ").Append(Caller(e));
        if (e.Region.Length > 0)
        {
            line.Append("  region ").Append(Printable(e.Region));
        }

        if (e.Year != 0)
        {
            line.Append("  year ").Append(e.Year.ToString(CultureInfo.InvariantCulture));
        }

        if (e.RunId.Length > 0)
        {
            line.Append("  run ").Append(Printable(e.RunId.Length > RunIdShown ? e.RunId[..RunIdShown] : e.RunId));
        }

        if (e.Version != 0)
        {
            line.Append("  version ").Append(e.Version.ToString(CultureInfo.InvariantCulture));
        }

        if (e.Reason.Length > 0)
        {
            line.Append("  reason \"").Append(Printable(e.Reason, quoted: true)).Append('"');
        }

        if (detail && e.Detail.Length > 0)
        {
            line.Append("  detail ").Append(Printable(e.Detail));
        }

        return line.Append('\n').ToString();
    }

    /// <summary>Who: the caller id, or what an empty one means for the kind.</summary>
    private static string Caller(AuditEvent e) =>
        e.Caller.Length > 0 ? Printable(e.Caller)
        : e.Kind == AuditKinds.ServerStarted ? "(server)"
        : "(unauthenticated)";

    /// <summary>The text with control and format characters escaped; inside quotes also '"' and '\'.</summary>
    public static string Printable(string text, bool quoted = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var escape = char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            if (escape || (quoted && c is '"' or '\\'))
            {
                escaped ??= new StringBuilder(text, 0, i, text.Length + 16);
                escaped.Append(escape ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : $"\\{c}");
            }
            else
            {
                escaped?.Append(c);
            }
        }

        return escaped?.ToString() ?? text;
    }
}

using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Globalization;
using System.Text;
using MuScore.Cli.Arguments;
using MuScore.Store;
using MuScore.Store.Audit;

namespace MuScore.Cli.Auditing;

/// <summary>
/// "muscore audit verify": opens the store directly (no server, nothing created or migrated),
/// walks the audit chain and prints one line per fact. Exit 0 intact, 5 broken (naming the first
/// bad entry and what happened to it), 4 the store could not be opened or read.
/// </summary>
internal sealed class AuditVerifyAction : IAuditAction
{
    public string Name => "verify";

    public string Usage => "audit verify --store sqlite|postgres --connection-string TEXT";

    public string Details =>
        "verify: recomputes every entry's hash and link and compares the end with the stored head;\n" +
        "prints the entries checked, the head's sequence and hash (keep them: a later head must\n" +
        "continue the chain, see docs/audit.md) and \"chain intact\", or the first bad entry and\n" +
        "whether it was edited, deleted or reordered. Reads only; a missing SQLite file is not created.\n" +
        "Exit codes: 0 intact, 2 bad arguments, 4 the store could not be opened or read, 5 broken.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Value("store", "sqlite|postgres", "the database kind (required)"),
        OptionSpec.Value("connection-string", "TEXT", "the store's connection string, as the server's (required)"),
    ];

    public int Run(ParsedArguments args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var options = StoreArguments.Existing(args);

        // The command line is synchronous; nothing here captures a synchronization context.
        var verification = VerifyAsync(options).GetAwaiter().GetResult();
        console.Out.Write(Text(verification));
        if (verification.Intact)
        {
            return ExitCodes.Success;
        }

        console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"muscore audit verify: the audit chain is broken: {verification.Problem}\n"));
        return ExitCodes.AuditBroken;
    }

    /// <summary>The facts, one per line: "chain intact" last, or the first bad entry and the damage.</summary>
    public static string Text(AuditVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        var text = new StringBuilder();
        Line(text, "entries checked", verification.EntriesChecked.ToString(CultureInfo.InvariantCulture));
        Line(text, "head sequence", verification.HeadSequence < 0 ? "(no head row)" : verification.HeadSequence.ToString(CultureInfo.InvariantCulture));
        Line(text, "head hash", verification.HeadHash.Length == 0 ? "(no head row)" : verification.HeadHash);
        if (verification.Intact)
        {
            return text.Append("chain intact\n").ToString();
        }

        Line(text, "first bad entry", verification.FirstBadSequence?.ToString(CultureInfo.InvariantCulture) ?? "(the head row)");
        Line(text, "damage", verification.Damage?.ToString().ToLowerInvariant() ?? "unknown");
        return text.Append("chain BROKEN: ").Append(verification.Problem).Append('\n').ToString();
    }

    private static async Task<AuditVerification> VerifyAsync(RatingStoreOptions options)
    {
        IRatingStore store;
        try
        {
            store = RatingStoreFactory.Create(options);
        }
        catch (Exception e) when (e is ValidationException or ArgumentException)
        {
            throw CommandFailure.Usage($"--connection-string: {e.Message}");
        }

        await using var disposable = ((IAsyncDisposable)store).ConfigureAwait(false);
        try
        {
            return await RatingStoreFactory.AuditLogOf(store).VerifyAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbException e)
        {
            // One line: unreachable server, wrong password, a file that is not a MuScore store (no audit tables before schema version 2).
            throw new CommandFailure(ExitCodes.ServerError, $"cannot read the audit log ({options.Provider}): {OneLine(e.Message)}");
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    private static void Line(StringBuilder text, string label, string value) =>
        text.Append(label.PadRight(17)).Append(value).Append('\n');
}

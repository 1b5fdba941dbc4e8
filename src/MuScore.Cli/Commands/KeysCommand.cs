using System.Text;
using MuScore.Cli.Arguments;
using MuScore.Cli.Signing;

namespace MuScore.Cli.Commands;

/// <summary>"muscore keys new": makes the key pair that signs access tokens.</summary>
internal sealed class KeysCommand : ICommand
{
    private const string DefaultName = "muscore";

    public string Name => "keys";

    public string Summary => "make a key pair for signing access tokens (keys new)";

    public string Usage => "keys new --out DIR [--alg es256|rs256] [--name NAME]";

    public string Details =>
        "Writes DIR/NAME.private.pem (PKCS#8, file mode 0600: it signs tokens for any scope and region,\n" +
        "keep it secret) and DIR/NAME.public.pem (SubjectPublicKeyInfo: the server's\n" +
        "MuScore:Auth:Jwt:PublicKeyFile, which may hold several public keys during a rotation), and prints\n" +
        "both paths and the key id (RFC 7638 thumbprint) that tokens signed with the key carry as 'kid'.\n" +
        "Existing files are never overwritten. Exit codes: 0 written, 1 the files could not be written,\n" +
        "2 bad arguments or a file already exists.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Value("out", "DIR", "directory for the two files (created if missing)", required: true),
        OptionSpec.Value("alg", "es256|rs256", "ES256: ECDSA P-256 (default); RS256: RSA 3072 bits"),
        OptionSpec.Value("name", "NAME", $"file name stem (default {DefaultName})"),
    ];

    public string Words => "ACTION";

    public IReadOnlyList<string> WordChoices => ["new"];

    public int Run(ParsedArguments args, CliConsole console)
    {
        var words = args.Positionals;
        if (words.Count != 1 || words[0] != "new")
        {
            throw CommandFailure.Usage(words.Count == 0 ? "keys needs an action: new" : $"unknown keys action '{string.Join(' ', words)}' (expected 'new')");
        }

        var name = args.Value("name") ?? DefaultName;
        if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name.StartsWith('.') || name.Any(char.IsControl))
        {
            throw CommandFailure.Usage($"--name '{name}' is not a plain file name stem such as muscore or signer-2027");
        }

        var algorithm = SigningAlgorithms.Parse(args.Value("alg"));
        var pair = KeyPairFiles.Write(args.Value("out")!, name, algorithm);
        var text = new StringBuilder();
        text.Append("private key  ").Append(pair.PrivateKeyPath).Append(" (mode 0600; signs tokens: keep it secret)\n");
        text.Append("public key   ").Append(pair.PublicKeyPath).Append(" (for the server: MuScore:Auth:Jwt:PublicKeyFile)\n");
        text.Append("algorithm    ").Append(algorithm.JwsName()).Append('\n');
        text.Append("key id       ").Append(pair.KeyId).Append('\n');
        console.Out.Write(text.ToString());
        return ExitCodes.Success;
    }
}

using MuScore.Core.Schemes;

namespace MuScore.Cli.Commands;

/// <summary>Resolves a --scheme argument: a preset name, else a path to a scheme JSON file.</summary>
internal static class SchemeSource
{
    /// <exception cref="CommandFailure">Neither a preset nor a readable file, or the file's errors with their JSON paths (exit code 2).</exception>
    public static Scheme Load(string nameOrPath)
    {
        if (SchemePresets.TryGet(nameOrPath, out var preset))
        {
            return preset;
        }

        if (!File.Exists(nameOrPath))
        {
            throw CommandFailure.BadInput(
                $"scheme '{nameOrPath}' is neither a preset ({string.Join(", ", SchemePresets.Names)}) nor an existing file");
        }

        var result = SchemeJson.Parse(File.ReadAllText(nameOrPath));
        if (result.Scheme is { } scheme && result.IsValid)
        {
            return scheme;
        }

        var lines = result.Errors.Select(e => $"  {e.Path}: {e.Message}");
        throw CommandFailure.BadInput(
            $"scheme file '{nameOrPath}' is invalid ({result.Errors.Count} error(s)):\n{string.Join('\n', lines)}");
    }
}

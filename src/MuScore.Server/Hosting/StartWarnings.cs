namespace MuScore.Server.Hosting;

/// <summary>What <see cref="ListenPolicy"/> found worth saying at start, logged before anything else.</summary>
internal sealed record StartWarnings(IReadOnlyList<string> Lines);

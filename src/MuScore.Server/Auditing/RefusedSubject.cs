namespace MuScore.Server.Auditing;

/// <summary>What a refused call was about, when the handler knows it (the run it named) and the refusal's ErrorInfo does not say.</summary>
internal sealed record RefusedSubject(string? Region, int? Year, string? RunId);

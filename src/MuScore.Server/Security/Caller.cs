namespace MuScore.Server.Security;

/// <summary>How a caller proved who it is.</summary>
public enum CallerKind
{
    /// <summary>No credential: allowed only on loopback, or where <c>MuScore:Auth:AllowAnonymous</c> is set.</summary>
    Anonymous,

    /// <summary>A signed bearer token (JWT).</summary>
    Token,

    /// <summary>A client certificate mapped by <c>MuScore:Auth:Clients</c>.</summary>
    Certificate,
}

/// <summary>
/// An authenticated caller: its id (<c>sub</c>, or the mapped certificate's id), the scopes it
/// holds and the region-code prefixes it may act on (<c>"33"</c> is Zhejiang, <c>"*"</c> is every
/// region). Immutable; one per call.
/// </summary>
public sealed class Caller
{
    /// <summary>The region prefix that covers every region.</summary>
    public const string EveryRegion = "*";

    private readonly HashSet<string> scopes;
    private readonly string[] regions;

    /// <summary>Creates a caller; blank scopes and regions are ignored.</summary>
    public Caller(string id, CallerKind kind, IEnumerable<string> scopes, IEnumerable<string> regions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(regions);
        Id = id;
        Kind = kind;
        this.scopes = new HashSet<string>(scopes.Where(s => !string.IsNullOrWhiteSpace(s)), StringComparer.Ordinal);
        this.regions = [.. regions.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The anonymous loopback caller of a server without authentication: every scope, every region.</summary>
    public static Caller Anonymous { get; } = new("anonymous", CallerKind.Anonymous, Scopes.All, [EveryRegion]);

    /// <summary>The caller id recorded in the audit log and compared for four eyes.</summary>
    public string Id { get; }

    /// <summary>How the caller authenticated.</summary>
    public CallerKind Kind { get; }

    /// <summary>The scopes held, sorted.</summary>
    public IReadOnlyList<string> ScopeList => [.. scopes.Order(StringComparer.Ordinal)];

    /// <summary>The region prefixes, sorted.</summary>
    public IReadOnlyList<string> Regions => regions;

    /// <summary>True when every region is allowed.</summary>
    public bool AllRegions => regions.Contains(EveryRegion);

    /// <summary>True when the caller holds the scope.</summary>
    public bool Has(string scope) => scopes.Contains(scope);

    /// <summary>True when the region code starts with one of the caller's prefixes (or the caller has <c>*</c>).</summary>
    public bool MayActOn(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        foreach (var prefix in regions)
        {
            if (prefix == EveryRegion || region.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

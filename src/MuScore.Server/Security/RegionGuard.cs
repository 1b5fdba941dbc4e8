using Grpc.Core;
using MuScore.Server.Errors;

namespace MuScore.Server.Security;

/// <summary>
/// Object-level authorisation (OWASP API1): a caller acts only on regions under its prefixes.
/// Handlers call it with the region a request names before reading or writing anything of it.
/// </summary>
internal static class RegionGuard
{
    /// <summary>PERMISSION_DENIED naming the region and the request field, unless the caller may act on it.</summary>
    public static void Check(ServerCallContext context, string field, string region)
    {
        var caller = CallerAccess.Current(context);
        if (!caller.MayActOn(region))
        {
            throw RpcErrors.RegionDenied(caller.Id, field, region);
        }
    }
}

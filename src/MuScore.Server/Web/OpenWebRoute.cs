namespace MuScore.Server.Web;

/// <summary>
/// Endpoint metadata marking an HTTP endpoint that is not a gRPC method and is served without a
/// credential, with the reason. Deny by default: a test fails for an endpoint that is neither a
/// gRPC method with a rule in RpcPermissions, nor marked with this, nor under an authorization
/// policy (WebRouteTableTests).
/// </summary>
public sealed record OpenWebRoute(string Reason);

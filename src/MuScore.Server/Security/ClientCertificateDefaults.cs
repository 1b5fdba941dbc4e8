namespace MuScore.Server.Security;

/// <summary>Names of the client-certificate authentication scheme.</summary>
internal static class ClientCertificateDefaults
{
    /// <summary>The scheme name, also the <c>AuthenticationType</c> of the identities it makes.</summary>
    public const string Scheme = "ClientCertificate";
}

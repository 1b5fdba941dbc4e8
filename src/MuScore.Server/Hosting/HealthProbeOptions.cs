using System.ComponentModel.DataAnnotations;

namespace MuScore.Server.Hosting;

/// <summary>
/// A plaintext port answering grpc.health.v1 only (section <c>MuScore:Health</c>), for probes that
/// cannot speak TLS: the Kubernetes kubelet's built-in <c>grpc:</c> probe is plaintext. Every other
/// path on that port is refused, so no token or rating ever crosses it (deploy/README.md).
/// </summary>
public sealed class HealthProbeOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "MuScore:Health";

    /// <summary>The probe port, on every interface (h2c); unset (default): no probe listener.</summary>
    [Range(1, 65535)]
    public int? ProbePort { get; set; }
}

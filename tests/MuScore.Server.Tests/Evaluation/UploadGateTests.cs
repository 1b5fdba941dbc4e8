using Grpc.Core;
using MuScore.Server.Evaluation;
using MuScore.Server.Options;

namespace MuScore.Server.Tests.Evaluation;

public sealed class UploadGateTests
{
    private static UploadGate Gate(int perCaller, int total) =>
        new(Microsoft.Extensions.Options.Options.Create(new LimitsOptions { MaxConcurrentUploadsPerCaller = perCaller, MaxConcurrentUploads = total }));

    [Fact]
    public void Enter_CallerAtItsLimit_OtherCallersStillAdmitted()
    {
        var gate = Gate(perCaller: 1, total: 3);
        using var a = gate.Enter("office-a");

        var refused = Assert.Throws<RpcException>(() => gate.Enter("office-a"));
        using var b = gate.Enter("office-b");

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Equal(2, gate.Running);
    }

    [Fact]
    public void Dispose_Twice_ReleasesOnce()
    {
        var gate = Gate(perCaller: 2, total: 2);
        var a = gate.Enter("office-a");
        using var b = gate.Enter("office-a");

        a.Dispose();
        a.Dispose();

        Assert.Equal(1, gate.Running);
        using var c = gate.Enter("office-a");
        Assert.Equal(2, gate.Running);
    }
}

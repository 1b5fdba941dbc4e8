using Google.Rpc;
using Grpc.Core;

namespace MuScore.Server.Tests.Support;

/// <summary>Reading a RESOURCE_EXHAUSTED answer that names a configured limit.</summary>
internal static class Limits
{
    /// <summary>Awaits a call that must fail with RESOURCE_EXHAUSTED; returns its ErrorInfo and QuotaFailure.</summary>
    public static async Task<(ErrorInfo Info, QuotaFailure Quota)> Exhausted(Func<Task> call)
    {
        var status = await RpcAssert.FailsWith(StatusCode.ResourceExhausted, call);
        var info = status.GetDetail<ErrorInfo>();
        var quota = status.GetDetail<QuotaFailure>();
        Assert.NotNull(info);
        Assert.NotNull(quota);
        Assert.Equal("muscore", info.Domain);
        return (info, quota);
    }

    /// <summary>Asserts the ErrorInfo names <paramref name="reason"/>, the setting and its configured value.</summary>
    public static void Names((ErrorInfo Info, QuotaFailure Quota) error, string reason, string setting, string value)
    {
        Assert.Equal(reason, error.Info.Reason);
        Assert.Equal(setting, error.Info.Metadata["limit"]);
        Assert.Equal(value, error.Info.Metadata["value"]);
        var violation = Assert.Single(error.Quota.Violations);
        Assert.Contains(setting, violation.Description, StringComparison.Ordinal);
        Assert.Contains(value, violation.Description, StringComparison.Ordinal);
    }
}

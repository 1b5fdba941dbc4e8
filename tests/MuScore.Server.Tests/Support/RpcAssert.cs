using Google.Rpc;
using Grpc.Core;

namespace MuScore.Server.Tests.Support;

/// <summary>Reading the rich error model from the trailers, as a client would.</summary>
internal static class RpcAssert
{
    /// <summary>Awaits a call that must fail with <paramref name="code"/>; returns the google.rpc.Status of its trailers.</summary>
    public static async Task<Google.Rpc.Status> FailsWith(StatusCode code, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, exception.StatusCode);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)code, status.Code);
        return status;
    }

    /// <summary>Awaits a call that must fail with INVALID_ARGUMENT; returns its field violations.</summary>
    public static async Task<IReadOnlyList<BadRequest.Types.FieldViolation>> InvalidArgument(Func<Task> call)
    {
        var status = await FailsWith(StatusCode.InvalidArgument, call);
        var badRequest = status.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.NotEmpty(badRequest.FieldViolations);
        return badRequest.FieldViolations;
    }

    /// <summary>Awaits a call that must fail with NOT_FOUND; returns the ErrorInfo reason.</summary>
    public static async Task<string> NotFound(Func<Task> call)
    {
        var status = await FailsWith(StatusCode.NotFound, call);
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        return info.Reason;
    }

    /// <summary>Asserts that exactly one violation names <paramref name="field"/>, with <paramref name="rule"/>.</summary>
    public static void HasViolation(IReadOnlyList<BadRequest.Types.FieldViolation> violations, string field, string rule)
    {
        var violation = Assert.Single(violations, v => v.Field == field);
        Assert.Equal(rule, violation.Reason);
        Assert.False(string.IsNullOrWhiteSpace(violation.Description));
    }
}

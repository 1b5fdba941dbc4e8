using Google.Rpc;
using Grpc.Core;
using MuScore.Server.Errors;

namespace MuScore.Server.Validation;

/// <summary>Collects every field violation of a request, then throws them together as one INVALID_ARGUMENT.</summary>
internal sealed class Violations
{
    private readonly List<BadRequest.Types.FieldViolation> items = [];

    /// <summary>Whether nothing was found.</summary>
    public bool IsEmpty => items.Count == 0;

    /// <summary>The violations found so far.</summary>
    public IReadOnlyList<BadRequest.Types.FieldViolation> Items => items;

    /// <summary>Records one violation: the request field path, the stable rule code, and a sentence.</summary>
    public Violations Add(string field, string rule, string description)
    {
        items.Add(new BadRequest.Types.FieldViolation { Field = field, Reason = rule, Description = description });
        return this;
    }

    /// <summary>Throws INVALID_ARGUMENT with every violation when there is any.</summary>
    public void ThrowIfAny()
    {
        if (items.Count > 0)
        {
            throw RpcErrors.InvalidArgument(items);
        }
    }

    /// <summary>INVALID_ARGUMENT for a single violation, to throw.</summary>
    public static RpcException One(string field, string rule, string description) =>
        RpcErrors.InvalidArgument([new BadRequest.Types.FieldViolation { Field = field, Reason = rule, Description = description }]);
}

using MuScore.Server.Tests.Security;

namespace MuScore.Server.Tests.Http;

/// <summary>The HTTP/JSON test classes share one secured server with publications (starting one costs more than the tests).</summary>
[CollectionDefinition(Name)]
public sealed class HttpApiServerGroup : ICollectionFixture<PublishedSecuredServerFixture>
{
    public const string Name = "HTTP/JSON API";
}

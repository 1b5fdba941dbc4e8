using Microsoft.Extensions.DependencyInjection;
using MuScore.Core.Policies;

namespace MuScore.Server.Policies;

/// <summary>Registers the PolicyService: the shipped policy presets (one immutable set), the rating reader, the handler.</summary>
internal static class PolicyServiceCollectionExtensions
{
    public static IServiceCollection AddMuScorePolicies(this IServiceCollection services)
    {
        // Built once from the embedded presets; PolicySet is immutable and thread-safe.
        services.AddSingleton(_ => PolicyPresets.All);
        services.AddSingleton<PublishedRatingFacts>();
        services.AddSingleton<PolicyGrpcService>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MuScore.Server.Options;

namespace MuScore.Server.Policies;

/// <summary>Registers the PolicyService: the policies (presets plus configured files, one immutable set), the rating readers, the handler.</summary>
internal static class PolicyServiceCollectionExtensions
{
    public static IServiceCollection AddMuScorePolicies(this IServiceCollection services, IConfiguration configuration)
    {
        // The files are checked at start (ValidateOnStart), so a bad file stops the server before it answers.
        services.AddOptions<PolicyOptions>().Bind(configuration.GetSection(PolicyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PolicyOptions>, PolicyFiles>();

        // Built once; PolicySet is immutable and thread-safe.
        services.AddSingleton(sp => PolicyFiles.Build(sp.GetRequiredService<IOptions<PolicyOptions>>().Value));
        services.AddSingleton<EarlierVersion>();
        services.AddSingleton<PublishedRatingFacts>();
        services.AddSingleton<PublishedRegionFacts>();
        services.AddSingleton<PolicyGrpcService>();
        return services;
    }
}

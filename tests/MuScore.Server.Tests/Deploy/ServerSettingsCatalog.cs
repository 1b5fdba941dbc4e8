using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MuScore.Store;

namespace MuScore.Server.Tests.Deploy;

/// <summary>
/// The settings the real server binds: every options type registered in the server's service
/// collection (by <see cref="ServerHost.CreateBuilder"/>) that declares its configuration section
/// as a constant, and whether a key with a value binds to one of them without an unknown name or
/// an unconvertible value (<see cref="BinderOptions.ErrorOnUnknownConfiguration"/>).
/// </summary>
internal static class ServerSettingsCatalog
{
    /// <summary>Keys the server reads outside option classes (ASP.NET Core's own).</summary>
    private static readonly string[] HostKeys = ["urls"];

    public static IReadOnlyList<(string Section, Type Options)> Bound { get; } = Discover();

    /// <summary>Null when <paramref name="key"/> (with <paramref name="value"/>, or a sample when null) binds; else why not.</summary>
    public static string? Problem(string key, string? value)
    {
        if (HostKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var candidates = Bound.Where(b => key.StartsWith(b.Section + ":", StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0)
        {
            return $"no options type of the server binds a section that {key} is in (sections: {string.Join(", ", Bound.Select(b => b.Section).Distinct())})";
        }

        var reasons = new List<string>();
        foreach (var (section, type) in candidates)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection([new KeyValuePair<string, string?>(key, value ?? Sample(type, key[(section.Length + 1)..]))])
                .Build();
            try
            {
                configuration.GetSection(section).Get(type, binder => binder.ErrorOnUnknownConfiguration = true);
                return null;
            }
            catch (InvalidOperationException exception)
            {
                reasons.Add($"{type.Name}: {exception.Message}");
            }
        }

        return string.Join("; ", reasons);
    }

    /// <summary>A value of the right type for a key whose file gives none (a secret reference): the property's type decides.</summary>
    private static string? Sample(Type type, string path)
    {
        foreach (var part in path.Split(':'))
        {
            if (int.TryParse(part, out _))
            {
                type = type.IsGenericType ? type.GetGenericArguments()[0] : type;
                continue;
            }

            var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return "x";
            }

            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        }

        return type == typeof(string) ? "x" : null;
    }

    private static List<(string Section, Type Options)> Discover()
    {
        var services = ServerHost.CreateBuilder([]).Services;
        var registered = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .ToHashSet();
        var bound = new List<(string, Type)>();
        foreach (var type in registered)
        {
            var field = type.GetField("Section", BindingFlags.Public | BindingFlags.Static) ?? type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static);
            if (field is { IsLiteral: true } && field.GetRawConstantValue() is string section && section.StartsWith("MuScore:", StringComparison.Ordinal))
            {
                bound.Add((section, type));
            }
        }

        return bound;
    }
}

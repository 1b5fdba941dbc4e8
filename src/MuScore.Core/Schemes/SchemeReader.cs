using System.Text.Json;
using System.Text.RegularExpressions;

namespace MuScore.Core.Schemes;

/// <summary>
/// Builds a <see cref="Scheme"/> from a parsed scheme document, applying every rule of
/// docs/schemes.md and collecting all errors. Pools are read by <see cref="PoolReader"/>.
/// </summary>
internal static partial class SchemeReader
{
    private static readonly string[] RootNames =
        ["id", "version", "title", "description", "method", "cap", "floor", "exclusions", "pools", "classification", "overrides"];

    private static readonly string[] ExclusionNames = ["utility_divisions", "min_years_in_production", "below_scale_min_land_mu"];

    private static readonly string[] ClassificationNames =
        ["mode", "quota_a", "quota_b", "quota_d", "threshold_a", "threshold_b", "threshold_c"];

    private static readonly string[] OverrideNames = ["veto", "investment_a_min", "protection_min"];

    private static readonly int[] DefaultUtilityDivisions = [44, 45, 46];

    /// <summary>Reads the whole scheme.</summary>
    public static SchemeLoadResult Read(JsonElement root)
    {
        var errors = new List<SchemeError>();
        var scheme = ReadScheme(root, errors);
        return errors.Count == 0 && scheme is not null ? new(scheme, []) : new(null, errors);
    }

    private static Scheme? ReadScheme(JsonElement root, List<SchemeError> errors)
    {
        var reader = JsonObjectReader.Open(root, string.Empty, errors, RootNames);
        if (reader is null)
        {
            return null;
        }

        var id = reader.Text("id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            reader.Error("id", $"id '{EchoedValue.Bound(id)}' must match ^[a-z0-9][a-z0-9.-]{{0,63}}$ (lower-case letters, digits, '.' and '-', at most 64 characters)");
        }

        var version = reader.Text("version");
        var title = reader.Text("title");
        var description = reader.String("description", required: false);
        var methodKnown = reader.TryToken("method", ScoringMethod.Ratio, SchemeJsonTokens.Methods, out var method);
        var capKnown = reader.TryDouble("cap", 3.0, out var cap);
        if (capKnown && cap <= 0)
        {
            reader.Error("cap", "cap must be greater than 0");
            capKnown = false;
        }

        if (reader.TryDouble("floor", 0.0, out var floor))
        {
            if (floor < 0)
            {
                reader.Error("floor", "floor must not be negative");
            }
            else if (capKnown && floor >= cap)
            {
                reader.Error("floor", "floor must be less than cap");
            }
        }

        var exclusions = ReadExclusions(reader.Object("exclusions", ExclusionNames), errors);
        var benchmarkRequired = methodKnown && method == ScoringMethod.Ratio;
        var pools = PoolReader.ReadPools(reader, benchmarkRequired, errors);
        var classification = ReadClassification(reader.Object("classification", ClassificationNames));
        var overrides = ReadOverrides(reader.Object("overrides", OverrideNames));
        if (id is null || version is null || title is null || exclusions is null || classification is null || overrides is null)
        {
            return null;
        }

        return new Scheme
        {
            Id = id,
            Version = version,
            Title = title,
            Description = description,
            Method = method,
            Cap = cap,
            Floor = floor,
            Exclusions = exclusions,
            Pools = pools,
            Classification = classification,
            Overrides = overrides,
        };
    }

    private static ExclusionRules? ReadExclusions(JsonObjectReader? reader, List<SchemeError> errors)
    {
        if (reader is null)
        {
            return null;
        }

        IReadOnlyList<int> utilities = DefaultUtilityDivisions;
        if (reader.TryArray("utility_divisions", allowNull: false, out var array) && array is { } list)
        {
            utilities = Divisions.Read(list, reader.PathOf("utility_divisions"), errors);
        }

        if (reader.TryInt("min_years_in_production", 1, out var years) && years is < 0 or > 10)
        {
            reader.Error("min_years_in_production", "min_years_in_production must be between 0 and 10");
        }

        if (reader.TryNullableDecimal("below_scale_min_land_mu", 3m, out var minLand) && minLand <= 0m)
        {
            reader.Error("below_scale_min_land_mu", "below_scale_min_land_mu must be greater than 0 (null disables the rule)");
        }

        return new ExclusionRules(utilities, years, minLand);
    }

    private static ClassificationRules? ReadClassification(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var modeKnown = reader.TryToken("mode", ClassificationMode.Quota, SchemeJsonTokens.Modes, out var mode);
        var quotasKnown = Quota(reader, "quota_a", 20m, out var a) & Quota(reader, "quota_b", 40m, out var b) & Quota(reader, "quota_d", 5m, out var d);
        if (quotasKnown && a + b + d > 100m)
        {
            reader.ObjectError($"quota_a + quota_b + quota_d must not exceed 100 (they add up to {SchemeCanonicalWriter.Text(a + b + d)})");
        }

        var thresholdsKnown = reader.TryNullableDouble("threshold_a", out var ta)
            & reader.TryNullableDouble("threshold_b", out var tb)
            & reader.TryNullableDouble("threshold_c", out var tc);
        if (modeKnown && thresholdsKnown && mode == ClassificationMode.Threshold)
        {
            CheckThresholds(reader, ta, tb, tc);
        }

        return new ClassificationRules(mode, a, b, d, ta, tb, tc);
    }

    private static bool Quota(JsonObjectReader reader, string name, decimal fallback, out decimal value)
    {
        var ok = reader.TryDecimal(name, fallback, out value);
        if (ok && value < 0m)
        {
            reader.Error(name, $"{name} must not be negative");
            return false;
        }

        return ok;
    }

    private static void CheckThresholds(JsonObjectReader reader, double? a, double? b, double? c)
    {
        foreach (var (name, value) in new[] { ("threshold_a", a), ("threshold_b", b), ("threshold_c", c) })
        {
            if (value is null)
            {
                reader.Error(name, $"{name} is required when mode is \"threshold\"");
            }
        }

        if (a is not null && b is not null && b >= a)
        {
            reader.Error("threshold_b", "threshold_b must be less than threshold_a");
        }

        if (b is not null && c is not null && c >= b)
        {
            reader.Error("threshold_c", "threshold_c must be less than threshold_b");
        }
    }

    private static OverrideRules? ReadOverrides(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        reader.TryBool("veto", true, out var veto);
        var investment = NonNegative(reader, "investment_a_min", 10_000m);
        var protection = NonNegative(reader, "protection_min", 3_000m);
        return new OverrideRules(veto, investment, protection);
    }

    private static decimal? NonNegative(JsonObjectReader reader, string name, decimal fallback)
    {
        if (reader.TryNullableDecimal(name, fallback, out var value) && value < 0m)
        {
            reader.Error(name, $"{name} must not be negative (null disables the rule)");
        }

        return value;
    }

    // \z, not $: in .NET '$' also matches before a final newline.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}

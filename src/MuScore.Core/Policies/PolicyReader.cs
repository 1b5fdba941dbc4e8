using System.Text.Json;
using System.Text.RegularExpressions;
using MuScore.Core.Schemes;

namespace MuScore.Core.Policies;

/// <summary>Builds a <see cref="Policy"/> from a parsed policy document, collecting every error with its JSON path.</summary>
internal static partial class PolicyReader
{
    private static readonly string[] RootNames =
        ["id", "version", "title", "source", "description", "regions", "tariffs", "tax_reliefs", "land_transfer", "subsidies", "efficiency_lists"];

    public static PolicyLoadResult Read(JsonElement root)
    {
        var errors = new List<SchemeError>();
        var policy = root.ValueKind == JsonValueKind.Object ? ReadPolicy(root, errors) : null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$", "the policy must be an object"));
        }

        return errors.Count == 0 && policy is not null
            ? new(policy, [])
            : new(null, [.. errors.Select(e => new PolicyError(e.Path, e.Message))]);
    }

    private static Policy? ReadPolicy(JsonElement root, List<SchemeError> errors)
    {
        var reader = JsonObjectReader.Open(root, string.Empty, errors, RootNames)!;
        var id = reader.Text("id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            reader.Error("id", $"id '{id}' must match ^[a-z0-9][a-z0-9.-]{{0,63}}$ (lower-case letters, digits, '.' and '-', at most 64 characters)");
        }

        var version = reader.Text("version");
        var title = reader.Text("title");
        var source = reader.Text("source");
        var description = reader.String("description", required: false);
        var regions = ReadRegions(reader);
        var tariffs = PolicyFields.Objects(reader, "tariffs", false, true, TariffReader.TariffNames, errors, TariffReader.ReadTariff);
        var reliefs = PolicyFields.Objects(reader, "tax_reliefs", false, true, TariffReader.ReliefNames, errors, TariffReader.ReadRelief);
        var land = PolicyFields.Objects(reader, "land_transfer", false, true, LandReader.Names, errors, LandReader.Read);
        var subsidies = SubsidyReader.ReadAll(reader, errors);
        var lists = PolicyFields.Objects(reader, "efficiency_lists", false, true, ListReader.Names, errors, ListReader.Read);
        NoOverlap(reader, "tariffs", tariffs, s => s.Utility.Code());
        NoOverlap(reader, "tax_reliefs", reliefs, _ => "relief");
        NoOverlap(reader, "land_transfer", land, _ => "land");
        NoOverlap(reader, "subsidies", subsidies, s => PolicyJsonTokens.TokenOf(PolicyJsonTokens.SubsidyKinds, s.Kind));
        NoOverlap(reader, "efficiency_lists", lists, _ => "lists");
        if (id is null || version is null || title is null || source is null || regions is null)
        {
            return null;
        }

        return new Policy
        {
            Id = id,
            Version = version,
            Title = title,
            Source = source,
            Description = description,
            Regions = regions,
            Tariffs = tariffs,
            TaxReliefs = reliefs,
            LandTransfer = land,
            Subsidies = subsidies,
            EfficiencyLists = lists,
        };
    }

    private static IReadOnlyList<string>? ReadRegions(JsonObjectReader reader)
    {
        if (!reader.Has("regions"))
        {
            reader.Error("regions", "regions is required");
            return null;
        }

        if (!reader.TryArray("regions", allowNull: false, out var array) || array is not { } list)
        {
            return null;
        }

        var regions = new SortedSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var entry = RequestChecks.Item("regions", index++);
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (text is null || !RegionPattern().IsMatch(text))
            {
                reader.Error(entry, "a region must be a code prefix of 2, 4 or 6 digits (province, prefecture, county), e.g. \"37\" or \"331082\"");
            }
            else if (!regions.Add(text))
            {
                reader.Error(entry, $"region {text} is listed twice");
            }
        }

        if (index == 0)
        {
            reader.Error("regions", "regions must hold at least one region");
        }

        return [.. regions];
    }

    // Two sections of one kind in force on the same day would make the file contradict itself.
    private static void NoOverlap<T>(JsonObjectReader reader, string name, IReadOnlyList<T> sections, Func<T, string> kind)
        where T : PolicySection
    {
        // Indices name array entries only when every entry was read.
        if (!reader.TryGet(name, out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() != sections.Count)
        {
            return;
        }

        for (var i = 0; i < sections.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(kind(sections[i]), kind(sections[j]), StringComparison.Ordinal) && sections[i].Period.Overlaps(sections[j].Period))
                {
                    reader.Error(RequestChecks.Item(name, i), $"its period {sections[i].Period} overlaps {RequestChecks.Item(name, j)} ({sections[j].Period}) of the same kind");
                }
            }
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[0-9]{2}([0-9]{2}([0-9]{2})?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}

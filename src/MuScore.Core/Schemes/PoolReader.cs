using System.Globalization;
using System.Text.Json;
using MuScore.Core.Indicators;
using MuScore.Core.Records;

namespace MuScore.Core.Schemes;

/// <summary>Reads the <c>pools</c> array of a scheme file: criteria, indicators, weights and benchmarks.</summary>
internal static class PoolReader
{
    private static readonly string[] PoolNames = ["id", "title", "scale", "min_land_mu", "max_land_mu", "divisions", "indicators"];
    private static readonly string[] IndicatorNames = ["indicator", "weight", "benchmark"];
    private static readonly string[] BenchmarkNames = ["kind", "value", "factor"];
    private static readonly BenchmarkRule PoolAggregateOne = new(BenchmarkKind.PoolAggregate, null, 1.0);
    private static readonly string KnownIndicators = string.Join(", ", IndicatorCatalog.All.Select(i => i.Id()));

    /// <summary>Every pool, in file order; errors recorded for each bad one.</summary>
    public static IReadOnlyList<PoolRule> ReadPools(JsonObjectReader root, bool benchmarkRequired, List<SchemeError> errors)
    {
        if (!root.Has("pools"))
        {
            root.Error("pools", "pools is required (at least one pool)");
            return [];
        }

        if (!root.TryArray("pools", allowNull: false, out var array) || array is not { } list)
        {
            return [];
        }

        if (list.GetArrayLength() == 0)
        {
            root.Error("pools", "pools must hold at least one pool");
        }

        var pools = new List<PoolRule>();
        var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in list.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"pools[{index}]");
            var reader = JsonObjectReader.Open(element, path, errors, PoolNames);
            if (reader is not null)
            {
                var id = reader.Text("id");
                if (id is not null && !firstIndexById.TryAdd(id, index))
                {
                    reader.Error("id", string.Create(CultureInfo.InvariantCulture, $"id '{EchoedValue.Bound(id)}' is already used by pools[{firstIndexById[id]}]"));
                }

                pools.Add(ReadPool(reader, id ?? string.Empty, benchmarkRequired, errors));
            }

            index++;
        }

        return [.. pools];
    }

    private static PoolRule ReadPool(JsonObjectReader reader, string id, bool benchmarkRequired, List<SchemeError> errors)
    {
        var title = reader.String("title", required: false);
        Scale? scale = null;
        if (reader.TryGet("scale", out var scaleElement) && scaleElement.ValueKind != JsonValueKind.Null
            && reader.TryToken<Scale>("scale", null, SchemeJsonTokens.Scales, out var scaleValue))
        {
            scale = scaleValue;
        }

        var minKnown = LandBound(reader, "min_land_mu", out var minLand);
        var maxKnown = LandBound(reader, "max_land_mu", out var maxLand);
        if (minKnown && maxKnown && minLand >= maxLand)
        {
            reader.Error("max_land_mu", $"max_land_mu must be greater than min_land_mu ({SchemeCanonicalWriter.Text(minLand!.Value)})");
        }

        IReadOnlyList<int>? divisions = null;
        if (reader.TryArray("divisions", allowNull: true, out var divisionArray) && divisionArray is { } list)
        {
            divisions = Divisions.Read(list, reader.PathOf("divisions"), errors);
            if (list.GetArrayLength() == 0)
            {
                reader.Error("divisions", "divisions must not be empty (null admits every division)");
            }
        }

        var indicators = ReadIndicators(reader, benchmarkRequired, errors);
        return new PoolRule(id, title, scale, minLand, maxLand, divisions, indicators);
    }

    private static bool LandBound(JsonObjectReader reader, string name, out decimal? value)
    {
        var ok = reader.TryNullableDecimal(name, null, out value);
        if (ok && value < 0m)
        {
            reader.Error(name, $"{name} must not be negative");
            return false;
        }

        return ok;
    }

    private static IndicatorRule[] ReadIndicators(JsonObjectReader pool, bool benchmarkRequired, List<SchemeError> errors)
    {
        if (!pool.Has("indicators"))
        {
            pool.Error("indicators", "indicators is required (at least one indicator)");
            return [];
        }

        if (!pool.TryArray("indicators", allowNull: false, out var array) || array is not { } list)
        {
            return [];
        }

        if (list.GetArrayLength() == 0)
        {
            pool.Error("indicators", "indicators must hold at least one indicator");
        }

        var rules = new List<IndicatorRule>();
        var firstIndexByIndicator = new Dictionary<Indicator, int>();
        var index = 0;
        foreach (var element in list.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{pool.PathOf("indicators")}[{index}]");
            var reader = JsonObjectReader.Open(element, path, errors, IndicatorNames);
            if (reader is not null)
            {
                var indicator = ReadIndicator(reader, index, firstIndexByIndicator);
                if (reader.TryDouble("weight", null, out var weight) && weight <= 0)
                {
                    reader.Error("weight", "weight must be greater than 0");
                }

                var benchmark = ReadBenchmark(reader, benchmarkRequired, errors);
                rules.Add(new IndicatorRule(indicator ?? default, weight, benchmark ?? PoolAggregateOne));
            }

            index++;
        }

        return [.. rules];
    }

    private static Indicator? ReadIndicator(JsonObjectReader reader, int index, Dictionary<Indicator, int> firstIndexByIndicator)
    {
        var id = reader.String("indicator", required: true);
        if (id is null)
        {
            return null;
        }

        if (IndicatorCatalog.FromId(id) is not { } indicator)
        {
            reader.Error("indicator", $"unknown indicator '{EchoedValue.Bound(id)}'; known: {KnownIndicators}");
            return null;
        }

        if (!firstIndexByIndicator.TryAdd(indicator, index))
        {
            reader.Error("indicator", string.Create(CultureInfo.InvariantCulture, $"indicator '{id}' appears twice in this pool (first at indicators[{firstIndexByIndicator[indicator]}])"));
        }

        return indicator;
    }

    private static BenchmarkRule? ReadBenchmark(JsonObjectReader indicator, bool required, List<SchemeError> errors)
    {
        if (!indicator.TryGet("benchmark", out var element))
        {
            // Min-max scoring does not use benchmarks; the default keeps the model total.
            if (required)
            {
                indicator.Error("benchmark", "benchmark is required when method is \"ratio\"");
            }

            return PoolAggregateOne;
        }

        var reader = JsonObjectReader.Open(element, indicator.PathOf("benchmark"), errors, BenchmarkNames);
        if (reader is null || !reader.TryToken<BenchmarkKind>("kind", null, SchemeJsonTokens.BenchmarkKinds, out var kind))
        {
            return null;
        }

        if (kind == BenchmarkKind.Fixed)
        {
            if (reader.Has("factor"))
            {
                reader.Error("factor", "factor is not used by kind \"fixed\"");
            }

            if (reader.TryDouble("value", null, out var value) && value <= 0)
            {
                reader.Error("value", "value must be greater than 0");
            }

            return new BenchmarkRule(BenchmarkKind.Fixed, value, 1.0);
        }

        if (reader.Has("value"))
        {
            reader.Error("value", "value is not used by kind \"pool_aggregate\"");
        }

        if (reader.TryDouble("factor", 1.0, out var factor) && factor <= 0)
        {
            reader.Error("factor", "factor must be greater than 0");
        }

        return new BenchmarkRule(BenchmarkKind.PoolAggregate, null, factor);
    }
}

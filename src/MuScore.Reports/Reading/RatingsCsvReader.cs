using System.Globalization;
using System.Text;
using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Schemes;
using nietras.SeparatedValues;

namespace MuScore.Reports;

/// <summary>
/// Reads a ratings.csv written by "muscore rate" (docs/outputs.md) into a <see cref="RatingSet"/>:
/// its RATED rows with items, the count of EXCLUDED and INVALID rows. The file must hold one year
/// and one scheme; item weights come from that scheme. Any malformed cell is an error naming row
/// and column: a report must not guess.
/// </summary>
public static class RatingsCsvReader
{
    private static readonly string[] Required =
    [
        "status", "credit_code", "name", "region", "year", "industry", "land_mu", "pool", "total", "rank",
        "pool_size", "percentile", "quota_rank", "quota_pool_size", "class", "override", "gap_to_next_class",
        "consecutive_d_years", "bonus", "penalty", "imputed_items", "scheme_id", "scheme_version", "scheme_hash",
    ];

    /// <summary>Reads the file at <paramref name="path"/>; <paramref name="scheme"/> null means the preset the file names.</summary>
    /// <exception cref="ReportInputException">The file is not a ratings table, a cell is malformed, or the scheme does not match.</exception>
    public static RatingSet Read(string path, Scheme? scheme = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(stream, Path.GetFileName(path), scheme);
    }

    /// <summary>Reads a ratings table from a stream (UTF-8, with or without a byte-order mark).</summary>
    /// <exception cref="ReportInputException">As <see cref="Read(string, Scheme?)"/>.</exception>
    public static RatingSet Read(Stream stream, string displayName, Scheme? scheme = null)
    {
        using var text = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = false }).From(text);
        var names = reader.Header.ColNames;
        var missing = Required.Where(c => !names.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new ReportInputException($"{displayName}: not a ratings table written by muscore rate: the header lacks {string.Join(", ", missing)}");
        }

        var rows = new List<RatingsCsvRow>();
        var excluded = 0;
        var invalid = 0;
        (string Id, string Version, string Hash, int Year)? identity = null;
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(names.Count, StringComparer.Ordinal);
            foreach (var name in names)
            {
                values[name] = row[name].ToString();
            }

            // Rows numbered as a spreadsheet shows them: the header is row 1 (docs/method.md §10).
            var cells = new RatingsCsvRow(displayName, row.RowIndex + 1, values);
            switch (cells.Text("status"))
            {
                case "RATED":
                    break;
                case "EXCLUDED":
                    excluded++;
                    continue;
                case "INVALID":
                    invalid++;
                    continue;
                default:
                    throw cells.Error("status", "is not RATED, EXCLUDED or INVALID");
            }

            var here = (cells.Text("scheme_id"), cells.Text("scheme_version"), cells.Text("scheme_hash"), cells.Int("year"));
            identity ??= here;
            if (identity != here)
            {
                throw cells.Error("scheme_hash", $"differs from the first rated row's scheme or year ({identity.Value.Id} {identity.Value.Version}, {identity.Value.Year}): a report covers one year under one scheme");
            }

            rows.Add(cells);
        }

        if (identity is not { } id)
        {
            throw new ReportInputException($"{displayName}: holds no RATED row; there is nothing to report");
        }

        var resolved = SchemeMatch.Resolve(displayName, id.Id, id.Version, id.Hash, scheme);
        var enterprises = rows.Select(r => ToEnterprise(r, resolved)).ToArray();
        return new RatingSet(id.Year, resolved, enterprises, excluded, invalid, displayName);
    }

    private static RatedEnterprise ToEnterprise(RatingsCsvRow row, Scheme scheme)
    {
        var poolId = row.Text("pool");
        var pool = scheme.Pools.FirstOrDefault(p => p.Id == poolId)
            ?? throw row.Error("pool", $"'{Bounded(poolId)}' is not a pool of scheme {scheme.Id}");
        var imputed = row.Text("imputed_items").Split(';', StringSplitOptions.RemoveEmptyEntries);
        var items = new ItemScore[pool.Indicators.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var rule = pool.Indicators[i];
            var id = rule.Indicator.Id();
            var value = row.OptionalDouble($"{id}_value");
            var basis = imputed.Contains(id) ? ItemBasis.Imputed : value is null ? ItemBasis.ZeroDenominator : ItemBasis.Scored;
            items[i] = new ItemScore(rule.Indicator, value, row.OptionalDouble($"{id}_benchmark"), rule.Weight, row.Double($"{id}_score"), basis);
        }

        return new RatedEnterprise
        {
            CreditCode = row.Text("credit_code"),
            Name = Unguarded(row.Text("name")),
            Region = row.Text("region"),
            Industry = Unguarded(row.Text("industry")),
            LandMu = row.OptionalDecimal("land_mu"),
            Pool = poolId,
            Total = row.Double("total"),
            Items = items,
            Bonus = row.Double("bonus"),
            Penalty = row.Double("penalty"),
            Rank = row.Int("rank"),
            PoolSize = row.Int("pool_size"),
            Percentile = row.Double("percentile"),
            QuotaRank = row.OptionalInt("quota_rank"),
            QuotaPoolSize = row.Int("quota_pool_size"),
            Class = row.Text("class") switch
            {
                "A" => RatingClass.A,
                "B" => RatingClass.B,
                "C" => RatingClass.C,
                "D" => RatingClass.D,
                _ => throw row.Error("class", "is not A, B, C or D"),
            },
            Override = row.Text("override") switch
            {
                "" => OverrideKind.None,
                "veto" => OverrideKind.Veto,
                "investment_a" => OverrideKind.InvestmentA,
                "construction_protection" => OverrideKind.ConstructionProtection,
                _ => throw row.Error("override", "is not empty, veto, investment_a or construction_protection"),
            },
            GapToNextClass = row.OptionalDouble("gap_to_next_class"),
            ConsecutiveDYears = row.Int("consecutive_d_years"),
        };
    }

    /// <summary>Undoes the writer's CSV-injection quote (docs/outputs.md, "CSV injection").</summary>
    private static string Unguarded(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && "=+-@\t\r".Contains(cell[1], StringComparison.Ordinal) ? cell[1..] : cell;

    private static string Bounded(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");

    /// <summary>One row's cells by column name, with typed reads that name row and column on failure.</summary>
    private sealed class RatingsCsvRow(string file, int rowNumber, Dictionary<string, string> cells)
    {
        public string Text(string column) => cells.TryGetValue(column, out var value) ? value : throw Error(column, "is missing from the header");

        public int Int(string column) =>
            int.TryParse(Text(column), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Error(column, "is not a whole number");

        public int? OptionalInt(string column) => Text(column).Length == 0 ? null : Int(column);

        public double Double(string column) =>
            double.TryParse(Text(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : throw Error(column, "is not a number");

        public double? OptionalDouble(string column) => Text(column).Length == 0 ? null : Double(column);

        public decimal? OptionalDecimal(string column) =>
            Text(column).Length == 0 ? null
            : decimal.TryParse(Text(column), NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) ? value
            : throw Error(column, "is not a number");

        public ReportInputException Error(string column, string rule)
        {
            var cell = cells.TryGetValue(column, out var value) ? $" '{Bounded(value)}'" : string.Empty;
            return new ReportInputException(string.Create(CultureInfo.InvariantCulture, $"{file} row {rowNumber}, column {column}:{cell} {rule}"));
        }
    }
}

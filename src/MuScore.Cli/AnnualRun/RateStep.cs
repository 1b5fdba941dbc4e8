namespace MuScore.Cli.AnnualRun;

/// <summary>The long steps of a rate run, in the order they start.</summary>
internal enum RateStep
{
    /// <summary>Reading and validating the input table; counted in bytes of the file.</summary>
    Read,

    /// <summary>Rating every pool; one unit, done or not.</summary>
    Rate,

    /// <summary>Writing ratings.csv, errors.csv and summary.json; counted in rows.</summary>
    WriteCsv,

    /// <summary>Writing ratings.xlsx, at the same time as the CSV; counted in rows.</summary>
    WriteXlsx,
}

/// <summary>Where a step is: <paramref name="Done"/> of <paramref name="Total"/> units (Total -1 when unknown).</summary>
internal readonly record struct RateStepProgress(RateStep Step, long Done, long Total);

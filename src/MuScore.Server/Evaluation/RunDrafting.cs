using MuScore.Core.History;
using MuScore.Core.Rating;
using MuScore.Server.Diagnostics;
using MuScore.Store;

namespace MuScore.Server.Evaluation;

/// <summary>Rates an uploaded run and turns it into the draft the store keeps.</summary>
internal static class RunDrafting
{
    /// <summary>
    /// Rates the intake's rows and builds the draft, which reads its ratings from the core's run as
    /// the store asks for them: nothing large dies between the rating and the save, so no
    /// collection is forced in between (docs/benchmarks.md, "A draft read from the run's columns").
    /// </summary>
    public static DraftRun Draft(RunIntake intake, IRatingHistory history, DateTimeOffset createdAt, string submittedBy, UploadSteps steps)
    {
        var run = RatingEngine.Rate(new RatingRequest
        {
            Scheme = intake.Scheme,
            Year = intake.Year,
            Region = intake.Region,
            Rows = intake.TakeRows(),
            InputHash = intake.InputHash,
            History = history,
        });
        steps.Done("rate");
        var draft = DraftRunBuilder.From(run, intake.Region, intake.Year, createdAt, submittedBy);
        steps.Done("draft");
        return draft;
    }
}

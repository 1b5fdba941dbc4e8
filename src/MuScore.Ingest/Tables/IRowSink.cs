using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>
/// Takes a load's rows one at a time, in row order, instead of <see cref="LoadResult.Rows"/>
/// keeping them all (<see cref="RowLoader.Load(InputTable, IRowSink, LoadOptions?, IProgress{LoadProgress}?)"/>):
/// a caller that keeps rows in a form of its own, or checks each as it comes, does not hold a
/// million <see cref="ParsedRow"/>s besides. Called on the loading thread only.
/// </summary>
public interface IRowSink
{
    /// <summary>The next row. An exception ends the load and reaches its caller (rows after this one are not given).</summary>
    void Add(ParsedRow row);
}

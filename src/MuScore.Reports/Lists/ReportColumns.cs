using MuScore.Ingest;

namespace MuScore.Reports.Lists;

/// <summary>A report's columns: names and how an .xlsx stores each.</summary>
/// <param name="SheetName">The .xlsx sheet's name.</param>
/// <param name="Headers">Column names, in order.</param>
/// <param name="Kinds">One per header.</param>
public sealed record ReportColumns(string SheetName, IReadOnlyList<string> Headers, IReadOnlyList<XlsxColumnKind> Kinds);

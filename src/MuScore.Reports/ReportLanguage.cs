namespace MuScore.Reports;

/// <summary>The language of a report's text; Chinese is the default.</summary>
public enum ReportLanguage
{
    /// <summary>简体中文.</summary>
    Chinese,

    /// <summary>English.</summary>
    English,
}

namespace MuScore.Core.Records;

/// <summary>Enterprise scale: above (规上) or below (规下) the designated size.</summary>
public enum Scale
{
    Above,
    Below,
}

namespace XiqingSearch.Core.Ingestion;

/// <summary>The values of <see cref="SourceDocument.Type"/>.</summary>
public static class DocumentTypes
{
    /// <summary>An annual plan (国民经济和社会发展规划/计划 for one year).</summary>
    public const string AnnualPlan = "annual-plan";

    /// <summary>A government work report (政府工作报告).</summary>
    public const string WorkReport = "work-report";

    /// <summary>A five-year plan (五年规划纲要).</summary>
    public const string FiveYearPlan = "five-year-plan";

    /// <summary>Anything else.</summary>
    public const string Other = "other";

    /// <summary>Every type, in the order they are listed.</summary>
    public static IReadOnlyList<string> All { get; } = [AnnualPlan, WorkReport, FiveYearPlan, Other];

    /// <summary>True for one of the four values.</summary>
    public static bool IsKnown(string? type) => type is AnnualPlan or WorkReport or FiveYearPlan or Other;
}

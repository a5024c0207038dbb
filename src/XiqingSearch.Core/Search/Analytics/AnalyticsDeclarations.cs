using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Analytics;

/// <summary>
/// The parameters of compare and new-terms besides the filters they share with search
/// (<see cref="RequestDeclarations.Filters"/>), declared once as data for both front ends: each verb's subject
/// (compare's phrases, new-terms' year) and its own settings.
/// </summary>
public static class AnalyticsDeclarations
{
    // ---- Compare -------------------------------------------------------------------------------------------

    /// <summary><c>q</c> of compare: the phrases, its subject.</summary>
    public static ParameterDeclaration Phrases { get; } = new()
    {
        Parameter = RequestParameter.Query,
        Name = "q",
        Type = ParameterValueType.Text,
        Repeats = true,
        Required = true,
        MaxLength = SearchLimits.MaxQueryLength,
        MaxValues = CompareRequest.MaxPhrases,
        Description = $"A phrase or query; repeat for each phrase (one row each), at most {CompareRequest.MaxPhrases}.",
    };

    /// <summary><c>multiYear</c> of compare.</summary>
    public static ParameterDeclaration CompareMultiYear { get; } = new()
    {
        Parameter = RequestParameter.MultiYear,
        Name = "multiYear",
        Type = ParameterValueType.Choice,
        Default = "first-year",
        Allowed = ["first-year", "own", "exclude"],
        Description = "Where the 2021–2025 plan counts: first-year (default, as search counts it), own (its own column) or exclude.",
    };

    // ---- New terms ----------------------------------------------------------------------------------------

    /// <summary><c>year</c> of new-terms: the year looked at, its subject (not the year filter).</summary>
    public static ParameterDeclaration NewTermsYear { get; } = new()
    {
        Parameter = RequestParameter.Year,
        Name = "year",
        Type = ParameterValueType.Number,
        Required = true,
        Min = SearchLimits.MinYear,
        Max = SearchLimits.MaxYear,
        HelpName = "Y",
        Description = "The year to look at.",
    };

    /// <summary><c>since</c> of new-terms.</summary>
    public static ParameterDeclaration Since { get; } = new()
    {
        Parameter = RequestParameter.Since,
        Name = "since",
        Type = ParameterValueType.Number,
        Min = SearchLimits.MinYear,
        Max = SearchLimits.MaxYear,
        HelpName = "Y",
        Description = "Compare with the years from this one on (default: the first year indexed).",
    };

    /// <summary><c>limit</c> of new-terms: terms per list.</summary>
    public static ParameterDeclaration NewTermsLimit { get; } = new()
    {
        Parameter = RequestParameter.Limit,
        Name = "limit",
        Type = ParameterValueType.Number,
        Default = RequestDeclarations.Number(NewTermsRequest.DefaultLimit),
        Min = 1,
        Max = NewTermsRequest.MaxLimit,
        HelpName = "N",
        Description = $"Terms per list (1..{NewTermsRequest.MaxLimit}, default {NewTermsRequest.DefaultLimit}).",
    };

    /// <summary><c>multiYear</c> of new-terms: <c>own</c> is refused (an own series is no year to compare with).</summary>
    public static ParameterDeclaration NewTermsMultiYear { get; } = new()
    {
        Parameter = RequestParameter.MultiYear,
        Name = "multiYear",
        Type = ParameterValueType.Choice,
        Default = "first-year",
        Allowed = ["first-year", "exclude"],
        Description = "Where the 2021–2025 plan counts: first-year (default, as search counts it) or exclude.",
    };

    /// <summary>New-terms' parameters besides its filters.</summary>
    public static IReadOnlyList<ParameterDeclaration> NewTerms { get; } = [NewTermsYear, Since, NewTermsLimit, NewTermsMultiYear];

    /// <summary>Compare's parameters besides its filters.</summary>
    public static IReadOnlyList<ParameterDeclaration> Compare { get; } = [Phrases, CompareMultiYear];

    /// <summary>
    /// The multi-year mode <paramref name="text"/> names, as <paramref name="declaration"/> allows it (empty: the
    /// default), or the problem: for new-terms, <c>own</c> is refused with why.
    /// </summary>
    public static Result<MultiYearMode> ParseMultiYear(ParameterDeclaration declaration, string? text)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var trimmed = (text ?? "").Trim();
        if (declaration == NewTermsMultiYear && MultiYearModes.TryParse(trimmed, out var mode) && mode == MultiYearMode.Own)
        {
            return SearchMessages.OwnYearsNotForNewTerms();
        }
        var choice = declaration.ParseChoice(trimmed);
        if (!choice.IsSuccess)
        {
            return Result<MultiYearMode>.Fail(choice.Problems);
        }
        _ = MultiYearModes.TryParse(choice.Value, out mode);
        return mode;
    }
}

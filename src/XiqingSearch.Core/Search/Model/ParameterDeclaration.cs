namespace XiqingSearch.Core.Search.Model;

/// <summary>What a request parameter's value is, as both front ends read it from text.</summary>
public enum ParameterValueType
{
    /// <summary>Free text (a query, a filter value).</summary>
    Text,

    /// <summary>A whole number, bounded by <see cref="ParameterDeclaration.Min"/>..<see cref="ParameterDeclaration.Max"/>.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c> (a CLI switch).</summary>
    Boolean,

    /// <summary>One of <see cref="ParameterDeclaration.Allowed"/>.</summary>
    Choice,

    /// <summary>A year, a range of years (<c>2021..2023</c>) or <c>unknown</c>.</summary>
    Year,
}

/// <summary>
/// One parameter of a request, declared once in Core as data: its name, the type of its value, its default, the
/// values it allows and its bounds (from <see cref="SearchLimits"/>), and one English sentence saying what it does.
/// The CLI makes its options from these, HTTP reads its query string by them, the OpenAPI document lists them and
/// the page is served their limits; a front end keeps only its spelling of <see cref="Name"/> (<c>--facet-size</c>
/// / <c>facetSize</c>).
/// </summary>
public sealed record ParameterDeclaration
{
    /// <summary>What a problem about the value names (each front end spells it).</summary>
    public required RequestParameter Parameter { get; init; }

    /// <summary>The name in camel case, as HTTP spells it (<c>facetSize</c>); the CLI writes it in kebab case.</summary>
    public required string Name { get; init; }

    /// <summary>The type of the value.</summary>
    public required ParameterValueType Type { get; init; }

    /// <summary>What the parameter does, in English, for help texts and the API description.</summary>
    public required string Description { get; init; }

    /// <summary>Whether the parameter may be given more than once (a filter: values are ORed).</summary>
    public bool Repeats { get; init; }

    /// <summary>Whether a request must give it.</summary>
    public bool Required { get; init; }

    /// <summary>The value when none is given (as text), or null.</summary>
    public string? Default { get; init; }

    /// <summary>Smallest value of an integer.</summary>
    public int? Min { get; init; }

    /// <summary>Largest value of an integer.</summary>
    public int? Max { get; init; }

    /// <summary>Most UTF-16 units of one value.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Most values of a repeated parameter.</summary>
    public int? MaxValues { get; init; }

    /// <summary>The values a choice allows, in the order help lists them; empty for free values.</summary>
    public IReadOnlyList<string> Allowed { get; init; } = [];

    /// <summary>Where the values of a free filter are listed (<c>the topic facet</c>), or null.</summary>
    public string? ValuesFrom { get; init; }

    /// <summary>A name for the value in help (<c>N</c>, <c>Y|FROM..TO|unknown</c>), or null.</summary>
    public string? HelpName { get; init; }

    /// <summary>
    /// True for a parameter only the command line has: how it renders an answer (its output format, a CSV's column
    /// names) or a view HTTP pages instead (every hit at once). Core's request never sees its value, HTTP does not
    /// read it and the OpenAPI document does not list it; the command line checks its value itself.
    /// </summary>
    public bool CommandLineOnly { get; init; }

    /// <summary>The name in kebab case, as the CLI spells it after <c>--</c> (<c>facet-size</c>).</summary>
    public string KebabName => string.Concat(Name.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>The default as a number (0 when there is none).</summary>
    public int DefaultNumber => int.TryParse(Default, System.Globalization.NumberStyles.AllowLeadingSign,
        System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>
    /// <paramref name="text"/> as this integer parameter's value (empty: the default), or the problem worded once in
    /// Core. Bounds are checked with the request (<see cref="SearchLimits"/>), not here.
    /// </summary>
    public Result<int> ParseInteger(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return DefaultNumber;
        }
        return int.TryParse(trimmed, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : SearchMessages.NotAnInteger(Parameter, trimmed);
    }

    /// <summary><paramref name="text"/> as true or false (any case); empty is null; anything else the problem.</summary>
    public Result<bool?> ParseBoolean(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return (bool?)null;
        }
        return bool.TryParse(trimmed, out var value) ? value : Unknown(trimmed, ["true", "false"]);
    }

    /// <summary>
    /// <paramref name="text"/> as one of <see cref="Allowed"/> (any case; empty: the default), or the problem naming
    /// the allowed values, worded once in Core for both front ends.
    /// </summary>
    public Result<string> ParseChoice(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return Default ?? "";
        }
        var known = Allowed.FirstOrDefault(a => string.Equals(a, trimmed, StringComparison.OrdinalIgnoreCase));
        return known is not null ? known : Unknown(trimmed, Allowed);
    }

    /// <summary>The problem for a value that is none of <paramref name="allowed"/>: one wording for every front end.</summary>
    public Problem Unknown(string value, IReadOnlyList<string> allowed) => SearchMessages.UnknownValue(Parameter, value, allowed);
}

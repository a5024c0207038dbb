namespace XiqingSearch.Cli.Rendering;

/// <summary>How the CLI spells each <see cref="RequestParameter"/>: the option (or argument) a value is given with.</summary>
internal static class ParameterNames
{
    /// <summary>The CLI name of <paramref name="parameter"/>.</summary>
    public static string Of(RequestParameter parameter) => parameter switch
    {
        RequestParameter.Query => "QUERY",
        RequestParameter.Limit => "--limit",
        RequestParameter.Offset => "--offset",
        RequestParameter.Sort => "--sort",
        RequestParameter.Year => "--year",
        RequestParameter.Topic => "--topic",
        // The CLI's --chapter is a heading filter (as chapter: in the query); the facet's exact path has no option.
        RequestParameter.Chapter => "chapter",
        RequestParameter.Heading => "--chapter",
        RequestParameter.Doc => "--doc",
        RequestParameter.Kind => "--kind",
        RequestParameter.Type => "--type",
        RequestParameter.Context => "--context",
        RequestParameter.FacetSize => "--facet-size",
        RequestParameter.Paragraph => "DOC#PARAGRAPH",
        RequestParameter.Since => "--since",
        RequestParameter.MultiYear => "--multi-year",
        RequestParameter.Ocr => "--exclude-ocr",
        RequestParameter.Exact => "--exact",
        RequestParameter.Format => "--format",
        RequestParameter.Output => "--output",
        RequestParameter.All => "--all",
        RequestParameter.CsvHeader => "--csv-header",
        // Any other (a filter declared later) is its option in kebab case: FacetSize would be --facet-size.
        _ => "--" + string.Concat(parameter.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString())),
    };
}

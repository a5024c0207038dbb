namespace XiqingSearch.Server.Http;

/// <summary>How HTTP spells each <see cref="RequestParameter"/>: the query-string (or route) name of the value.</summary>
internal static class ParameterNames
{
    /// <summary>The HTTP name of <paramref name="parameter"/>.</summary>
    public static string Of(RequestParameter parameter) => parameter switch
    {
        RequestParameter.Query => "q",
        RequestParameter.Limit => "limit",
        RequestParameter.Offset => "offset",
        RequestParameter.Sort => "sort",
        RequestParameter.Year => "year",
        RequestParameter.Topic => "topic",
        RequestParameter.Chapter => "chapter",
        RequestParameter.Heading => "heading",
        RequestParameter.Doc => "doc",
        RequestParameter.Kind => "kind",
        RequestParameter.Type => "type",
        RequestParameter.Context => "context",
        RequestParameter.FacetSize => "facetSize",
        RequestParameter.Paragraph => "n",
        RequestParameter.Since => "since",
        RequestParameter.MultiYear => "multiYear",
        RequestParameter.Ocr => "ocr",
        RequestParameter.Exact => "exact",
        RequestParameter.Format => "format",
        RequestParameter.Output => "output",
        _ => parameter.ToString().ToLowerInvariant(),
    };
}

using System.Net;
using System.Text;
using XiqingSearch.Core.Results;

namespace XiqingSearch.Core.Search.Highlighting;

/// <summary>Renders highlighted text as HTML: all text escaped, each span in <c>&lt;mark&gt;</c>, nothing else added.</summary>
public static class HtmlHighlighter
{
    /// <summary>
    /// <paramref name="spans"/> must be sorted and non-overlapping, as <see cref="SearchHit.Highlights"/> are.
    /// </summary>
    public static string Render(string text, IReadOnlyList<TextSpan> spans)
    {
        var builder = new StringBuilder(text.Length + spans.Count * 13);
        var at = 0;
        foreach (var span in spans)
        {
            builder.Append(WebUtility.HtmlEncode(text[at..span.Start]));
            builder.Append("<mark>").Append(WebUtility.HtmlEncode(text[span.Start..span.End])).Append("</mark>");
            at = span.End;
        }
        builder.Append(WebUtility.HtmlEncode(text[at..]));
        return builder.ToString();
    }
}

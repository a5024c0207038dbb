using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Engine;

public sealed partial class SearchEngine
{
    /// <summary>
    /// The table of contents of <paramref name="doc"/>: its headings nested by their chapter paths (a heading's
    /// path ends with itself, so its level is the path's length); <c>request.not-found</c> for an unknown document.
    /// The document's own title, when the text repeats it as a heading, is the outline's title and not a node.
    /// </summary>
    public Result<DocumentOutline> Outline(string doc, Access.Caller? caller = null)
    {
        var (info, count, headings) = WithTable(caller, table =>
        {
            var rows = table.Rows.Where(r => r.Document.Doc == doc).ToList();
            var found = rows.Where(r => r.Kind == "heading").OrderBy(r => r.Paragraph)
                .Select(r => (r.Paragraph, Stored: r.Load())).ToList();
            return (rows.Count > 0 ? rows[0].Document : null, rows.Count, found);
        });
        if (info is null)
        {
            return SearchMessages.NoSuchDocument(doc);
        }
        var roots = new List<Node>();
        var open = new Stack<Node>();
        foreach (var (paragraph, stored) in headings)
        {
            var text = stored.Text;
            var level = Math.Max(1, stored.Chapter.Count);
            if (open.Count == 0 && roots.Count == 0 && SameText(text, info.Title))
            {
                continue;
            }
            var node = new Node(text, paragraph, level);
            while (open.Count > 0 && open.Peek().Level >= level)
            {
                open.Pop();
            }
            (open.Count > 0 ? open.Peek().Children : roots).Add(node);
            open.Push(node);
        }
        return new DocumentOutline
        {
            Doc = doc,
            Title = info.Title,
            Year = info.KnownYear,
            Period = info.Period,
            Type = info.Type,
            Paragraphs = count,
            Headings = [.. roots.Select(n => n.ToHeading())],
        };
    }

    // Whitespace aside: a title the text breaks over two lines is still the title.
    private static bool SameText(string a, string b) =>
        string.Equals(string.Concat(a.Where(c => !char.IsWhiteSpace(c))), string.Concat(b.Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal);

    private sealed record Node(string Text, int Paragraph, int Level)
    {
        public List<Node> Children { get; } = [];

        public OutlineHeading ToHeading() => new()
        {
            Text = Text,
            Paragraph = Paragraph,
            Level = Level,
            Children = [.. Children.Select(c => c.ToHeading())],
        };
    }
}

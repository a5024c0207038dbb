using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using XiqingSearch.Core.Problems;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// DOCX with the Open XML SDK: the body's paragraphs in order, each its own block; a table row is one line of cells
/// joined with <c> | </c>; a paragraph with a heading style (<c>heading 1</c>…, <c>Title</c>) or an outline level is
/// a heading (its level still comes from its form). Headers, footers, comments, field codes and deleted or
/// moved-away revisions are not text; inserted revisions are. Footnotes and endnotes follow the paragraph that
/// cites them, each as its own paragraph. Pages come from <c>lastRenderedPageBreak</c> marks (written by the word
/// processor that last laid the file out); a file without them has no pages.
/// </summary>
internal sealed class DocxReader : IDocumentReader
{
    public static DocxReader Instance { get; } = new();

    public ExtractedDocument Read(byte[] bytes, IngestLimits limits)
    {
        // A zip bomb, a forged size, a DTD or endless nesting is refused before the SDK builds a tree of it.
        ArchiveGuard.Check(bytes, limits, "DOCX");
        return new(Extract(bytes, limits), DocumentFacts.None);
    }

    /// <summary>The lines alone, within the default limits.</summary>
    public IReadOnlyList<SourceLine> ReadLines(byte[] bytes) => Read(bytes, IngestLimits.Default).Lines;

    private static IReadOnlyList<SourceLine> Extract(byte[] bytes, IngestLimits limits)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            // The guard has inflated every part already; the SDK's own bound is a second fence.
            var settings = new OpenSettings { MaxCharactersInPart = limits.MaxPartBytes };
            using var document = WordprocessingDocument.Open(stream, false, settings);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null,
                    "corrupt DOCX: it has no document body");
            return new Walker(document.MainDocumentPart!).Read(body);
        }
        catch (UnreadableDocumentException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null,
                $"truncated or corrupt DOCX: {e.Message}", e);
        }
    }

    private sealed class Walker
    {
        private readonly List<SourceLine> _lines = [];
        private readonly Dictionary<string, bool> _headingStyles = new(StringComparer.Ordinal);
        private readonly Dictionary<long, string> _footnotes = [];
        private readonly Dictionary<long, string> _endnotes = [];
        private readonly bool _paged;
        private int _page = 1;

        public Walker(MainDocumentPart part)
        {
            var styles = part.StyleDefinitionsPart?.Styles?.Elements<Style>().ToList() ?? [];
            var byId = styles.Where(s => s.StyleId?.Value is not null).GroupBy(s => s.StyleId!.Value!).ToDictionary(g => g.Key, g => g.First());
            foreach (var id in byId.Keys)
            {
                _headingStyles[id] = IsHeadingStyle(id, byId, 0);
            }
            foreach (var note in part.FootnotesPart?.Footnotes?.Elements<Footnote>() ?? [])
            {
                if (note.Id?.Value is long id && note.Type is null)
                {
                    _footnotes[id] = NoteText(note);
                }
            }
            foreach (var note in part.EndnotesPart?.Endnotes?.Elements<Endnote>() ?? [])
            {
                if (note.Id?.Value is long id && note.Type is null)
                {
                    _endnotes[id] = NoteText(note);
                }
            }
            _paged = part.Document?.Body?.Descendants<LastRenderedPageBreak>().Any() == true;
        }

        public List<SourceLine> Read(Body body)
        {
            Blocks(body);
            return _lines;
        }

        private void Blocks(OpenXmlElement container)
        {
            foreach (var element in container.Elements())
            {
                switch (element)
                {
                    case WParagraph paragraph:
                        AddParagraph(paragraph);
                        break;
                    case Table table:
                        AddTable(table);
                        break;
                    case SdtBlock or CustomXmlBlock or InsertedRun:
                        Blocks(element is SdtBlock sdt ? (OpenXmlElement?)sdt.SdtContentBlock ?? sdt : element);
                        break;
                }
            }
        }

        private void AddParagraph(WParagraph paragraph)
        {
            var notes = new List<string>();
            var text = ParagraphText(paragraph, notes, countPages: true, out var startPage);
            if (text.Trim().Length > 0)
            {
                Add(text, IsHeading(paragraph), isRow: false, startPage);
            }
            foreach (var note in notes)
            {
                Add(note, heading: false, isRow: false, _page);
            }
        }

        private void AddTable(Table table)
        {
            foreach (var row in table.Elements<TableRow>())
            {
                int? rowPage = null;
                var cells = new List<string>();
                var notes = new List<string>();
                foreach (var cell in row.Elements<TableCell>())
                {
                    var parts = new List<string>();
                    foreach (var p in cell.Descendants<WParagraph>())
                    {
                        var part = ParagraphText(p, notes, countPages: true, out var partPage);
                        if (part.Trim().Length > 0)
                        {
                            parts.Add(part);
                            rowPage ??= partPage;
                        }
                    }
                    cells.Add(string.Join(' ', parts));
                }
                var text = string.Join(" | ", cells.Where(c => c.Trim().Length > 0));
                if (text.Length > 0)
                {
                    Add(text, heading: false, isRow: true, rowPage ?? _page);
                }
                foreach (var note in notes)
                {
                    Add(note, heading: false, isRow: false, _page);
                }
            }
        }

        private void Add(string text, bool heading, bool isRow, int page) =>
            _lines.Add(new SourceLine(_lines.Count + 1, ExtractedText.Clean(text), heading, IsCell: false,
                Page: _paged ? page : null, EndsBlock: true, IsRow: isRow));

        /// <summary>
        /// The visible text of a paragraph; footnote texts it cites are collected in <paramref name="notes"/>.
        /// <paramref name="startPage"/> is the page of its first character (a rendered page break before any text
        /// means the paragraph starts on the new page).
        /// </summary>
        private string ParagraphText(WParagraph paragraph, List<string>? notes, bool countPages, out int startPage)
        {
            var builder = new StringBuilder();
            int? start = null;
            foreach (var element in paragraph.Descendants())
            {
                if (IsRemoved(element, paragraph))
                {
                    continue;
                }
                switch (element)
                {
                    case Text t:
                        start ??= _page;
                        builder.Append(t.Text);
                        break;
                    case TabChar or Break or CarriageReturn:
                        builder.Append(' ');
                        break;
                    case NoBreakHyphen:
                        builder.Append('-');
                        break;
                    case LastRenderedPageBreak when countPages:
                        _page++;
                        break;
                    case FootnoteReference reference when notes is not null && reference.Id?.Value is long id
                        && _footnotes.TryGetValue(id, out var footnote) && footnote.Trim().Length > 0:
                        notes.Add(footnote);
                        break;
                    case EndnoteReference reference when notes is not null && reference.Id?.Value is long id
                        && _endnotes.TryGetValue(id, out var endnote) && endnote.Trim().Length > 0:
                        notes.Add(endnote);
                        break;
                }
            }
            startPage = start ?? _page;
            return builder.ToString();
        }

        /// <summary>Deleted or moved-away revisions, and anything inside a comment's own content, are not text.</summary>
        private static bool IsRemoved(OpenXmlElement element, WParagraph paragraph)
        {
            for (var node = element.Parent; node is not null && node != paragraph; node = node.Parent)
            {
                if (node is DeletedRun or MoveFromRun or Deleted)
                {
                    return true;
                }
            }
            return false;
        }

        private string NoteText(OpenXmlElement note) =>
            string.Join(' ', note.Descendants<WParagraph>().Select(p => ParagraphText(p, null, countPages: false, out _)))
                .Trim();

        private bool IsHeading(WParagraph paragraph)
        {
            var properties = paragraph.ParagraphProperties;
            if (properties?.OutlineLevel?.Val?.Value is int level && level < 9)
            {
                return true;
            }
            return properties?.ParagraphStyleId?.Val?.Value is string style && _headingStyles.GetValueOrDefault(style);
        }

        private static bool IsHeadingStyle(string id, Dictionary<string, Style> byId, int depth)
        {
            if (depth > 10 || !byId.TryGetValue(id, out var style))
            {
                return false;
            }
            var name = style.StyleName?.Val?.Value ?? id;
            if (name.StartsWith("heading", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Title", StringComparison.OrdinalIgnoreCase)
                || style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is < 9)
            {
                return true;
            }
            return style.BasedOn?.Val?.Value is string parent && IsHeadingStyle(parent, byId, depth + 1);
        }
    }
}

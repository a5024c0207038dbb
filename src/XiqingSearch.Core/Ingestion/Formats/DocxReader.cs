using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using XiqingSearch.Core.Ingestion.Model;
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
internal sealed partial class DocxReader : IDocumentReader
{
    public static DocxReader Instance { get; } = new();

    public ExtractedDocument Read(byte[] bytes, IngestLimits limits)
    {
        // A zip bomb, a forged size, a DTD or endless nesting is refused before the SDK builds a tree of it.
        try
        {
            ArchiveGuard.Check(bytes, limits, "DOCX");
        }
        catch (InvalidDataException e)
        {
            // The central directory is read lazily: a damaged one shows only when the entries are listed.
            throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null, $"truncated or corrupt DOCX: {e.Message}", e);
        }
        return Extract(bytes, limits);
    }

    /// <summary>The lines alone, within the default limits.</summary>
    public IReadOnlyList<SourceLine> ReadLines(byte[] bytes) => Read(bytes, IngestLimits.Default).Lines;

    private static ExtractedDocument Extract(byte[] bytes, IngestLimits limits)
    {
        try
        {
            return ExtractPackage(bytes, limits);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidOperationException or KeyNotFoundException
            && DanglingRelationships.Remove(bytes) is { } repaired)
        {
            // A relationship to a part the package lacks (an image written as "../NULL"): word processors open such
            // files, so the text is read without the missing part.
            return ExtractPackage(repaired, limits);
        }
    }

    private static ExtractedDocument ExtractPackage(byte[] bytes, IngestLimits limits)
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
            var walker = new Walker(document.MainDocumentPart!);
            var lines = walker.Read(body);
            DateOnly? created = null;
            try
            {
                if (document.PackageProperties.Created is DateTime date)
                {
                    created = DateOnly.FromDateTime(date);
                }
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                // A malformed dcterms:created says nothing.
            }
            var title = walker.Title ?? PdfReader.RealTitle(document.PackageProperties.Title);
            return new ExtractedDocument(lines, new DocumentFacts { Title = title, FileCreated = created });
        }
        catch (UnreadableDocumentException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException && !IsDanglingPart(e))
        {
            throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null,
                $"truncated or corrupt DOCX: {e.Message}", e);
        }
    }

    /// <summary>The SDK's failure for a relationship whose target part is missing.</summary>
    private static bool IsDanglingPart(Exception e) =>
        e is OpenXmlPackageException or InvalidOperationException or KeyNotFoundException
        && e.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(heading|标题)[1-9]?$")]
    private static partial System.Text.RegularExpressions.Regex HeadingNamePattern();

    private sealed class Walker
    {
        private readonly List<SourceLine> _lines = [];
        private readonly Dictionary<string, bool> _headingStyles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, bool> _titleStyles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Style> _styles;
        private readonly Numbering? _numbering;
        private readonly List<string> _bigCentred = [];
        private int _paragraphsSeen;
        private bool _bigCentredClosed;
        private string? _styledTitle;
        private readonly Dictionary<long, string> _footnotes = [];
        private readonly Dictionary<long, string> _endnotes = [];
        private readonly bool _paged;
        private int _page = 1;

        public Walker(MainDocumentPart part)
        {
            var styles = part.StyleDefinitionsPart?.Styles?.Elements<Style>().ToList() ?? [];
            var byId = styles.Where(s => s.StyleId?.Value is not null).GroupBy(s => s.StyleId!.Value!).ToDictionary(g => g.Key, g => g.First());
            _styles = byId;
            foreach (var id in byId.Keys)
            {
                _headingStyles[id] = IsHeadingStyle(id, byId, 0);
                _titleStyles[id] = IsTitleStyle(id, byId, 0);
            }
            _numbering = part.NumberingDefinitionsPart?.Numbering;
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
                NoteTitle(paragraph, text.Trim());
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
                if (LayoutCell(row) is { } frame)
                {
                    // A row whose one filled cell holds tables or many paragraphs is a layout frame (a saved web
                    // page's table around the whole text), not a row of data: its paragraphs and tables are read
                    // as such.
                    Blocks(frame);
                    continue;
                }
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

        private static TableCell? LayoutCell(TableRow row)
        {
            var filled = row.Elements<TableCell>().Where(c => c.InnerText.Trim().Length > 0).Take(2).ToList();
            if (filled.Count != 1)
            {
                return null;
            }
            var cell = filled[0];
            return cell.Elements<Table>().Any() || cell.Elements<WParagraph>().Count(p => p.InnerText.Trim().Length > 0) >= 3
                ? cell
                : null;
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

        /// <summary>
        /// The document's title: the text of its Title-styled paragraph, else of the first big centred paragraphs
        /// at its start (set at 18 pt or more, as a 公文's 二号 title is; a title over two such paragraphs is joined, a
        /// 文号 under it is not part of it). Null when neither is there.
        /// </summary>
        public string? Title => _styledTitle ?? (_bigCentred.Count > 0 ? DisplayTextCleaner.Join(_bigCentred) : null);

        private void NoteTitle(WParagraph paragraph, string text)
        {
            _paragraphsSeen++;
            var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            if (_styledTitle is null && style is not null && _titleStyles.GetValueOrDefault(style))
            {
                _styledTitle = ExtractedText.Clean(text);
                return;
            }
            if (_bigCentredClosed || _paragraphsSeen > 8)
            {
                _bigCentredClosed = true;
                return;
            }
            var squeezed = DisplayTextCleaner.Squeeze(text);
            if (IsCentred(paragraph, style) && FontHalfPoints(paragraph, style) >= 36
                && !HeadingRecognizer.IsDocumentNumber(squeezed) && squeezed.Length <= 100)
            {
                _bigCentred.Add(ExtractedText.Clean(text));
            }
            else if (_bigCentred.Count > 0)
            {
                _bigCentredClosed = true;
            }
        }

        private bool IsCentred(WParagraph paragraph, string? style)
        {
            if (paragraph.ParagraphProperties?.Justification?.Val?.Value is JustificationValues direct)
            {
                return direct == JustificationValues.Center;
            }
            for (var (id, depth) = (style, 0); id is not null && depth < 10 && _styles.TryGetValue(id, out var s); depth++)
            {
                if (s.StyleParagraphProperties?.Justification?.Val?.Value is JustificationValues inherited)
                {
                    return inherited == JustificationValues.Center;
                }
                id = s.BasedOn?.Val?.Value;
            }
            return false;
        }

        /// <summary>The largest font size (half-points) set on the paragraph's runs, or its style's.</summary>
        private int FontHalfPoints(WParagraph paragraph, string? style)
        {
            var sizes = paragraph.Descendants<Run>()
                .Select(r => r.RunProperties?.FontSize?.Val?.Value)
                .Select(v => int.TryParse(v, out var n) ? n : 0)
                .ToList();
            if (sizes.Count > 0 && sizes.Max() > 0)
            {
                return sizes.Max();
            }
            for (var (id, depth) = (style, 0); id is not null && depth < 10 && _styles.TryGetValue(id, out var s); depth++)
            {
                if (int.TryParse(s.StyleRunProperties?.FontSize?.Val?.Value, out var n))
                {
                    return n;
                }
                id = s.BasedOn?.Val?.Value;
            }
            return 0;
        }

        private bool IsHeading(WParagraph paragraph)
        {
            var properties = paragraph.ParagraphProperties;
            if (properties?.OutlineLevel?.Val?.Value is int level)
            {
                // Level 9 is "body text": set directly, it overrides a heading style.
                return level < 9;
            }
            if (properties?.ParagraphStyleId?.Val?.Value is string style && _headingStyles.GetValueOrDefault(style))
            {
                return true;
            }
            return NumberingOutlineLevel(properties?.NumberingProperties) is < 9;
        }

        /// <summary>The outline level a numbered paragraph's list level gives it (a multilevel list tied to
        /// headings), or null.</summary>
        private int? NumberingOutlineLevel(NumberingProperties? numbering)
        {
            if (_numbering is null || numbering?.NumberingId?.Val?.Value is not int numId)
            {
                return null;
            }
            var level = numbering.NumberingLevelReference?.Val?.Value ?? 0;
            var instance = _numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var definition = _numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            var levelDefinition = definition?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
            if (levelDefinition?.PreviousParagraphProperties?.OutlineLevel?.Val?.Value is int outline)
            {
                return outline;
            }
            // A list level bound to a heading style ("标题 2") is that heading's level.
            return levelDefinition?.ParagraphStyleIdInLevel?.Val?.Value is string style && _headingStyles.GetValueOrDefault(style)
                ? 0
                : null;
        }

        private static bool IsHeadingStyle(string id, Dictionary<string, Style> byId, int depth)
        {
            if (depth > 10 || !byId.TryGetValue(id, out var style))
            {
                return false;
            }
            if (IsHeadingName(style.StyleName?.Val?.Value) || IsHeadingName(id) || IsTitleName(style.StyleName?.Val?.Value)
                || IsTitleName(id) || style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is < 9)
            {
                return true;
            }
            return style.BasedOn?.Val?.Value is string parent && IsHeadingStyle(parent, byId, depth + 1);
        }

        private static bool IsTitleStyle(string id, Dictionary<string, Style> byId, int depth)
        {
            if (depth > 10 || !byId.TryGetValue(id, out var style))
            {
                return false;
            }
            var name = Compact(style.StyleName?.Val?.Value ?? id);
            if (name is "title" or "标题" || Compact(id) is "title")
            {
                return true;
            }
            return style.BasedOn?.Val?.Value is string parent && IsTitleStyle(parent, byId, depth + 1);
        }

        /// <summary><c>heading 1</c>, <c>Heading1</c>, <c>标题 1</c>, <c>标题1</c> (Word's names and ids in English
        /// and Chinese), LibreOffice's <c>Heading</c>.</summary>
        private static bool IsHeadingName(string? name) =>
            name is not null && HeadingNamePattern().IsMatch(Compact(name));

        /// <summary><c>Title</c>, <c>标题</c>, <c>Subtitle</c>, <c>副标题</c>.</summary>
        private static bool IsTitleName(string? name) =>
            name is not null && Compact(name) is "title" or "标题" or "subtitle" or "副标题";

        private static string Compact(string name) =>
            name.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
    }
}

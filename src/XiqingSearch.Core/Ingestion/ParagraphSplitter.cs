using XiqingSearch.Core.Ingestion.Formats;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// Splits source lines into paragraphs, headings and table rows, tracking the chapter path.
/// <list type="bullet">
/// <item>A paragraph ends at a line that ends a sentence (。！？ then optional closing quotes/brackets) or a colon
/// (a salutation, or the announcement of a list), or before a heading. Blank lines alone never end one: PDF text
/// puts a blank line after every wrapped line.</item>
/// <item>Dates, whole-line parentheticals, figure captions, front-matter signatures, a document name on the first line and dash-led subtitles
/// (<c>——2023年1月7日在…</c>) stand alone.</item>
/// <item>A <c>专栏</c> caption opens a box, which ends at two blank lines, at the next heading, or at a paragraph
/// opening with a run-in lead (<c>引导街镇特色化发展。</c>). When the box's first line starts with a tab it is a
/// table: tab-led lines start cells, other lines continue the cell above, blank lines end rows.</item>
/// </list>
/// </summary>
internal sealed class ParagraphSplitter
{
    private readonly IReadOnlyList<SourceLine> _lines;
    private readonly List<ParagraphDraft> _output = [];
    private readonly List<SourceLine> _buffer = [];
    private readonly List<(int Level, string Text)> _stack = [];
    private readonly List<string> _cells = [];
    private int _rowFirst;
    private int _rowLast;
    private int? _rowFirstPage;
    private int? _rowLastPage;
    private bool _seenChapter;
    private bool _inBox;
    private bool _boxHasContent;
    private bool _inTable;
    private (int Level, string Text)? _closedBox;

    private readonly int? _wrapWidth;

    private int _blankRun;

    /// <summary>Drafts already handed out by <see cref="SplitLazily"/>: with <see cref="_output"/>, all emitted so far.</summary>
    private int _handedOut;

    private ParagraphSplitter(IReadOnlyList<SourceLine> lines, int? wrapWidth)
    {
        _lines = lines;
        _wrapWidth = wrapWidth;
    }

    /// <summary>
    /// The width PDF extraction wrapped the text at (characters without whitespace), when most lines have about the
    /// same length; null for text with a line per paragraph.
    /// </summary>
    internal static int? WrapWidth(IReadOnlyList<SourceLine> lines)
    {
        var lengths = new Dictionary<int, int>();
        foreach (var line in lines)
        {
            CountLength(lengths, line);
        }
        return WrapWidth(lengths);
    }

    /// <summary>Counts a non-blank line's length (without whitespace) for <see cref="WrapWidth(IReadOnlyDictionary{int, int})"/>.</summary>
    internal static void CountLength(Dictionary<int, int> lengths, SourceLine line)
    {
        if (!line.IsBlank)
        {
            var n = DisplayTextCleaner.Squeeze(line.Text).Length;
            lengths[n] = lengths.GetValueOrDefault(n) + 1;
        }
    }

    /// <summary>The wrap width from the count of non-blank lines of each length, so a streamed file needs only the
    /// counts, not its lines.</summary>
    internal static int? WrapWidth(IReadOnlyDictionary<int, int> lengths)
    {
        var count = lengths.Values.Sum();
        if (count < 20)
        {
            return null;
        }
        var width = lengths.OrderByDescending(g => g.Value).ThenByDescending(g => g.Key).First().Key;
        var near = lengths.Where(g => g.Key >= width - 2 && g.Key <= width + 4).Sum(g => g.Value);
        return width >= 10 && near * 2 >= count ? width : null;
    }

    /// <summary>
    /// In wrapped text a full-width line can end with 。 by chance. Then the paragraph goes on unless the next line
    /// starts something new: a heading, a standalone line, a dash, or a run-in lead (<c>创新平台更加完善。</c>).
    /// </summary>
    private bool EndsByWrapOnly(int index, string squeezed)
    {
        var wrapped = _lines[index].Wraps || (_wrapWidth is int width && squeezed.Length >= width - 1);
        if (!wrapped || squeezed.EndsWith('：') || squeezed.EndsWith(':'))
        {
            return false;
        }
        var next = index + 1;
        while (next < _lines.Count && _lines[next].IsBlank)
        {
            next++;
        }
        if (next >= _lines.Count || _lines[next].IsMarkupHeading || _lines[next].IsCell)
        {
            return false;
        }
        var following = DisplayTextCleaner.Squeeze(_lines[next].Text);
        if (_lines[index].Wraps)
        {
            // The layout shows the next line going on at the left margin: only a heading or a run-in lead there
            // starts something new (a date or a note set apart would be indented, centred or right-aligned).
            return HeadingRecognizer.FormLevel(following) is null
                && !following.StartsWith("——", StringComparison.Ordinal)
                && !HeadingRecognizer.StartsWithRunInLead(following);
        }
        return HeadingRecognizer.FormLevel(following) is null
            && !HeadingRecognizer.IsDateLine(following)
            && !HeadingRecognizer.IsParentheticalLine(following)
            && !HeadingRecognizer.IsFigureCaption(following)
            && !following.StartsWith("——", StringComparison.Ordinal)
            && !HeadingRecognizer.StartsWithRunInLead(following);
    }

    /// <summary>The paragraphs of <paramref name="lines"/> in order.</summary>
    public static IReadOnlyList<ParagraphDraft> Split(IReadOnlyList<SourceLine> lines)
    {
        var splitter = new ParagraphSplitter(lines, WrapWidth(lines));
        for (var i = 0; i < lines.Count; i++)
        {
            i = splitter.Step(i);
        }
        splitter.FlushRow();
        splitter.FlushParagraph();
        return lines.Any(l => l.Ocr) ? MarkOcr(splitter._output, lines) : splitter._output;
    }

    /// <summary>
    /// The paragraphs of <paramref name="lines"/> in order, handed out as they are found: with a list that reads its
    /// lines as they are asked for (<see cref="LineWindow"/>), a file of any length is split in bounded memory.
    /// The same drafts as <see cref="Split"/> when <paramref name="wrapWidth"/> is <see cref="WrapWidth(IReadOnlyList{SourceLine})"/>
    /// of the same lines (text lines carry no OCR marks).
    /// </summary>
    internal static IEnumerable<ParagraphDraft> SplitLazily(IReadOnlyList<SourceLine> lines, int? wrapWidth)
    {
        var splitter = new ParagraphSplitter(lines, wrapWidth);
        for (var i = 0; i < lines.Count; i++)
        {
            i = splitter.Step(i);
            foreach (var draft in splitter.HandOut())
            {
                yield return draft;
            }
        }
        splitter.FlushRow();
        splitter.FlushParagraph();
        foreach (var draft in splitter.HandOut())
        {
            yield return draft;
        }
    }

    private List<ParagraphDraft> HandOut()
    {
        if (_output.Count == 0)
        {
            return [];
        }
        var drafts = _output.ToList();
        _handedOut += drafts.Count;
        _output.Clear();
        return drafts;
    }

    /// <summary>
    /// A draft made of any OCR line is OCR text: marked, with the mean confidence of its recognised lines weighted
    /// by their characters (as close to the mean of its words as lines allow), null when no line has one (an
    /// invisible text layer, whose recogniser's confidence is unknown).
    /// </summary>
    private static List<ParagraphDraft> MarkOcr(List<ParagraphDraft> drafts, IReadOnlyList<SourceLine> lines)
    {
        var byNumber = new Dictionary<int, SourceLine>(lines.Count);
        foreach (var line in lines)
        {
            byNumber[line.Number] = line;
        }
        var marked = new List<ParagraphDraft>(drafts.Count);
        foreach (var draft in drafts)
        {
            var ocr = false;
            double weighted = 0;
            double weight = 0;
            for (var n = draft.FirstLine; n <= draft.LastLine; n++)
            {
                if (byNumber.TryGetValue(n, out var line) && line.Ocr)
                {
                    ocr = true;
                    if (line.OcrConfidence is double confidence)
                    {
                        var characters = Math.Max(1, DisplayTextCleaner.Squeeze(line.Text).Length);
                        weighted += confidence * characters;
                        weight += characters;
                    }
                }
            }
            marked.Add(ocr ? draft with { Ocr = true, OcrConfidence = weight > 0 ? weighted / weight : null } : draft);
        }
        return marked;
    }

    /// <summary>Takes line <paramref name="i"/> (and any it joins to it); returns the index of the last line taken.</summary>
    private int Step(int i)
    {
        var line = _lines[i];
        // In a table a tab alone is an empty cell, not a blank line.
        if (line.IsBlank && !(_inTable && line.IsCell))
        {
            _blankRun++;
            if (_inTable)
            {
                FlushRow();
            }
            if (_blankRun >= 2 && _inBox)
            {
                FlushParagraph();
                CloseBox();
            }
            return i;
        }
        var afterBlank = _blankRun > 0;
        _blankRun = 0;
        var trimmed = line.Text.Trim().Trim('\u3000');
        var squeezed = DisplayTextCleaner.Squeeze(trimmed);

        if (line.IsRow)
        {
            // A row the format delimits itself (a DOCX or HTML table row, a PDF line of spaced-out cells).
            FlushRow();
            FlushParagraph();
            var rowText = DisplayTextCleaner.Clean(line.Text);
            if (rowText.Trim('|', ' ').Length > 0)
            {
                _output.Add(new ParagraphDraft(ParagraphKind.TableRow, rowText, CurrentChapter(), line.Number, line.Number)
                { FirstPage = line.Page, LastPage = line.Page });
            }
            return i;
        }

        if (_inTable)
        {
            if (line.IsCell)
            {
                if (afterBlank || _cells.Count == 0)
                {
                    FlushRow();
                    _rowFirst = line.Number;
                    _rowFirstPage = line.Page;
                }
                _cells.Add(trimmed);
                _rowLast = line.Number;
                _rowLastPage = line.Page;
                return i;
            }
            if (_cells.Count > 0 && !afterBlank)
            {
                // A cell wrapped onto a line of its own: "2020年" then "预计数".
                _cells[^1] += " " + trimmed;
                _rowLast = line.Number;
                _rowLastPage = line.Page;
                return i;
            }
            FlushRow();
            _inTable = false;
        }

        var reopened = _closedBox;
        _closedBox = null;
        if (reopened is { } box && squeezed.StartsWith("注：", StringComparison.Ordinal))
        {
            // A note under a table ("注：﹝﹞内数据为五年累计数。") still belongs to its box.
            _stack.Add(box);
            _inBox = true;
            _boxHasContent = true;
        }

        if (line.Wraps && !line.IsMarkupHeading)
        {
            // The layout shows the line wrapped: a heading only if all of it, over its wrapped lines, has a
            // heading's shape ("（十）…临床前" + "沿医疗技术研究项目。" is a list item, not a heading).
            var (chainEnd, chain) = WrapChain(i);
            if (HeadingRecognizer.Recognize(chain, false, !_seenChapter) is { } wrappedHeading)
            {
                return EmitHeading(i, wrappedHeading, trimmed, chain, chainEnd);
            }
        }
        else if (HeadingRecognizer.Recognize(squeezed, line.IsMarkupHeading, !_seenChapter) is { } heading)
        {
            return EmitHeading(i, heading, trimmed, squeezed);
        }

        if (HeadingRecognizer.IsDateLine(squeezed)
            || HeadingRecognizer.IsParentheticalLine(squeezed)
            || HeadingRecognizer.IsFigureCaption(squeezed)
            || (!_seenChapter && HeadingRecognizer.IsSignatureLine(trimmed))
            // A document's name alone on the first line (赦免法, then 第一條… after a blank line) is its title, not
            // the start of the first paragraph, though blank lines alone never end a paragraph.
            || (_handedOut + _output.Count == 0 && _buffer.Count == 0 && HeadingRecognizer.IsDocumentNameLine(squeezed)))
        {
            FlushParagraph();
            _buffer.Add(line);
            FlushParagraph();
            return i;
        }

        if (_buffer.Count > 0 && squeezed.StartsWith("——", StringComparison.Ordinal) && squeezed.Length > 2)
        {
            FlushParagraph();
        }

        if (_inBox && _boxHasContent && _buffer.Count == 0 && HeadingRecognizer.StartsWithRunInLead(squeezed))
        {
            CloseBox();
        }

        _buffer.Add(line);
        if (_inBox)
        {
            _boxHasContent = true;
        }
        if (line.EndsBlock || (HeadingRecognizer.EndsParagraph(squeezed) && !EndsByWrapOnly(i, squeezed)))
        {
            FlushParagraph();
        }
        return i;
    }

    /// <summary>
    /// The last line of the wrapped run starting at <paramref name="index"/> (lines the layout shows wrapped, up to a
    /// heading's length) and the run's text without whitespace.
    /// </summary>
    private (int End, string Squeezed) WrapChain(int index)
    {
        var end = index;
        var text = DisplayTextCleaner.Squeeze(_lines[index].Text.Trim());
        while (_lines[end].Wraps && end + 1 < _lines.Count && !_lines[end + 1].IsBlank && !_lines[end + 1].IsRow
            && text.Length <= HeadingRecognizer.MaxHeadingLength)
        {
            end++;
            text += DisplayTextCleaner.Squeeze(_lines[end].Text.Trim());
        }
        return (end, text);
    }

    /// <summary>Emits a heading starting at line <paramref name="index"/> (through <paramref name="wrappedEnd"/> when
    /// the layout wrapped it); returns the index of its last line.</summary>
    private int EmitHeading(int index, HeadingMatch heading, string trimmed, string squeezed, int? wrappedEnd = null)
    {
        FlushParagraph();
        var first = _lines[index].Number;
        var parts = new List<string> { trimmed };
        var last = index;

        if (wrappedEnd is int end)
        {
            for (var j = index + 1; j <= end; j++)
            {
                parts.Add(_lines[j].Text.Trim());
            }
            last = end;
        }
        else if (heading.IsNotice && !squeezed.EndsWith("通知", StringComparison.Ordinal))
        {
            // " 天津市西青区人民政府关于印发" + blank + "政府工作报告的通知".
            for (var j = index + 1; j < _lines.Count && j <= index + 3; j++)
            {
                if (_lines[j].IsBlank)
                {
                    continue;
                }
                var next = DisplayTextCleaner.Squeeze(_lines[j].Text);
                if (HeadingRecognizer.IsNoticeTitleEnd(next))
                {
                    parts.Add(_lines[j].Text.Trim());
                    last = j;
                }
                break;
            }
        }
        else if (!_lines[index].IsMarkupHeading && !_lines[index].EndsBlock && index + 1 < _lines.Count && !_lines[index + 1].IsBlank
            && !_lines[index + 1].IsMarkupHeading && !_lines[index + 1].IsCell)
        {
            // "第一章  全面建成……开启全面建设社会主义" + "现代化新城的新征程".
            var next = DisplayTextCleaner.Squeeze(_lines[index + 1].Text);
            if (HeadingRecognizer.IsHeadingContinuation(squeezed, next))
            {
                parts.Add(_lines[index + 1].Text.Trim());
                last = index + 1;
            }
        }

        var text = DisplayTextCleaner.Join(parts);
        var level = heading.Level;
        if (level == HeadingRecognizer.Nested)
        {
            var top = _stack.Count == 0 ? 0 : _stack[^1].Level;
            level = Math.Min(3, top + 1);
        }

        _inBox = false;
        _inTable = false;
        _closedBox = null;
        IReadOnlyList<string> chapter;
        if (level == 0)
        {
            if (!_seenChapter)
            {
                _stack.Clear();
                _stack.Add((0, text));
            }
            chapter = [text];
        }
        else
        {
            _stack.RemoveAll(entry => entry.Level >= level || entry.Level == 0);
            _stack.Add((level, text));
            _seenChapter = true;
            chapter = CurrentChapter();
            if (heading.IsBox)
            {
                _inBox = true;
                _boxHasContent = false;
                var nextIndex = last + 1;
                while (nextIndex < _lines.Count && _lines[nextIndex].IsBlank)
                {
                    nextIndex++;
                }
                _inTable = nextIndex < _lines.Count && _lines[nextIndex].IsCell;
            }
        }
        _output.Add(new ParagraphDraft(ParagraphKind.Heading, text, chapter, first, _lines[last].Number, level, heading.IsNotice)
        { FirstPage = _lines[index].Page, LastPage = _lines[last].Page });
        return last;
    }

    private void CloseBox()
    {
        var boxIndex = _stack.FindIndex(entry => entry.Level >= 3);
        if (boxIndex >= 0)
        {
            _closedBox = _stack[boxIndex];
            _stack.RemoveRange(boxIndex, _stack.Count - boxIndex);
        }
        _inBox = false;
        _inTable = false;
    }

    private void FlushParagraph()
    {
        if (_buffer.Count == 0)
        {
            return;
        }
        var text = DisplayTextCleaner.Join(_buffer.Select(line => line.Text));
        _output.Add(new ParagraphDraft(ParagraphKind.Paragraph, text, CurrentChapter(), _buffer[0].Number, _buffer[^1].Number)
        { FirstPage = _buffer[0].Page, LastPage = _buffer[^1].Page });
        _buffer.Clear();
    }

    private void FlushRow()
    {
        if (_cells.Count == 0)
        {
            return;
        }
        // Empty cells (padding of merged header cells) are dropped: they hold nothing a reader could see.
        var cells = _cells.Select(DisplayTextCleaner.Clean).Where(cell => cell.Length > 0).ToList();
        if (cells.Count > 0)
        {
            _output.Add(new ParagraphDraft(ParagraphKind.TableRow, string.Join(" | ", cells), CurrentChapter(), _rowFirst, _rowLast)
            { FirstPage = _rowFirstPage, LastPage = _rowLastPage });
        }
        _cells.Clear();
    }

    /// <summary>Headings from level 1 down; before the first chapter, the title (or nothing).</summary>
    private List<string> CurrentChapter()
    {
        var chapter = _stack.Where(entry => entry.Level >= 1).Select(entry => entry.Text).ToList();
        if (chapter.Count == 0 && _stack.Count > 0)
        {
            chapter.Add(_stack[^1].Text);
        }
        return chapter;
    }
}

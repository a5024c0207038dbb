using System.Security.Cryptography;
using XiqingSearch.Core.Ingestion.Formats;
using XiqingSearch.Core.Ingestion.Model;
using XiqingSearch.Core.Ingestion.Topics;

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// A text file larger than <see cref="IngestLimits.StreamTextBytes"/>, read as a stream so that a build holds a
/// window of its lines and one paragraph at a time, never the file, its text or all its paragraphs. It is read
/// three times, each pass in bounded memory: the first decodes every line (strictly, in the encoding its first
/// mebibyte is in) and counts their lengths (the wrap width the splitter needs) and whether it uses <c>#</c>
/// headings; the second splits it into paragraphs to check the paragraph limit, count them, hash the text (copies)
/// and keep its first and last paragraphs, from which title, year and metadata are read; the third
/// (<see cref="Paragraphs"/>) splits it again for the index. The paragraphs are the ones the whole-file reader
/// gives; <see cref="IngestLimits.MaxDocumentCharacters"/> does not apply, since nothing of the size of the
/// document is held, so a file of any length is indexed whole.
/// </summary>
internal sealed class StreamedText
{
    /// <summary>Bytes read at the start to tell the encoding.</summary>
    private const int PrefixBytes = 1 << 20;

    /// <summary>Paragraphs at the start that title, year and metadata are read from (a document's front matter).</summary>
    private const int HeadParagraphs = 1000;

    private readonly SourceFile _file;
    private readonly string _encoding;
    private readonly long _start;
    private readonly int _lineCount;
    private readonly bool _markdownHeadings;
    private readonly int? _wrapWidth;

    private StreamedText(SourceFile file, string encoding, long start, int lineCount, bool markdownHeadings, int? wrapWidth)
    {
        _file = file;
        _encoding = encoding;
        _start = start;
        _lineCount = lineCount;
        _markdownHeadings = markdownHeadings;
        _wrapWidth = wrapWidth;
    }

    /// <summary>The document without its paragraphs (<see cref="SourceDocument.Paragraphs"/> is empty): read them
    /// with <see cref="Paragraphs"/>.</summary>
    public SourceDocument Document { get; private set; } = null!;

    /// <summary>How many paragraphs of each kind the document has.</summary>
    public int Bodies { get; private set; }

    /// <inheritdoc cref="Bodies"/>
    public int Headings { get; private set; }

    /// <inheritdoc cref="Bodies"/>
    public int TableRows { get; private set; }

    /// <summary>All paragraphs.</summary>
    public int Count => Bodies + Headings + TableRows;

    /// <summary>The hash of the text as <see cref="DocumentCopies.TextHash"/> gives it for the same text read whole.</summary>
    public string TextHash { get; private set; } = "";

    /// <summary>Whether <paramref name="file"/> is read as a stream: a readable <c>*.txt</c> file over
    /// <see cref="IngestLimits.StreamTextBytes"/>.</summary>
    public static bool Applies(SourceFile file, IngestLimits limits) =>
        file.Unreadable is null && file.Bytes > limits.StreamTextBytes
        && file.FileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads <paramref name="file"/> through twice: the document, or why it is skipped (as the whole-file
    /// reader names it). Never throws for a bad file.</summary>
    public static (StreamedText? Text, SkippedDocument? Skipped) Survey(SourceFile file, Catalog? catalog, IngestLimits limits)
    {
        try
        {
            return SurveyOrThrow(file, catalog, limits);
        }
        catch (DecoderFallbackException e)
        {
            return (null, new SkippedDocument(file.FileName, ProblemCodes.InvalidUtf8, null,
                IngestMessages.InvalidReason(e.Data["offset"] as long?)));
        }
        catch (TooLongException e)
        {
            return (null, new SkippedDocument(file.FileName, ProblemCodes.DocumentTooLarge, null, e.Message));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or InvalidDataException)
        {
            var reason = e is UnauthorizedAccessException ? "permission denied" : e.Message;
            return (null, new SkippedDocument(file.FileName, ProblemCodes.Unreadable, null, IngestMessages.UnreadableReason(reason)));
        }
    }

    private static (StreamedText? Text, SkippedDocument? Skipped) SurveyOrThrow(SourceFile file, Catalog? catalog, IngestLimits limits)
    {
        byte[] prefix;
        long length;
        using (var stream = Open(file.Path))
        {
            length = stream.Length;
            prefix = new byte[(int)Math.Min(PrefixBytes, length)];
            stream.ReadExactly(prefix);
        }
        var sample = prefix.Length < length ? prefix[..LineBoundary(prefix)] : prefix;
        var detected = TextDecoder.DetectOrRefuse(sample, file.Path);
        string encoding;
        if (detected.IsSuccess)
        {
            encoding = detected.Value;
        }
        else if (detected.Problems[0].Code == ProblemCodes.EmptyFile)
        {
            // Whitespace at the start says nothing of the rest: UTF-16 by its BOM, else UTF-8; emptiness is decided
            // once every line has been read.
            encoding = prefix is [0xFF, 0xFE, ..] ? TextDecoder.Utf16Le : prefix is [0xFE, 0xFF, ..] ? TextDecoder.Utf16Be : TextDecoder.Utf8;
        }
        else
        {
            var problem = detected.Problems[0];
            var reason = problem.Code == ProblemCodes.BinaryFile
                ? IngestMessages.BinaryReason(problem.ByteOffset)
                : IngestMessages.InvalidReason(problem.ByteOffset);
            return (null, new SkippedDocument(file.FileName, problem.Code, null, reason));
        }
        long start = prefix is [0xEF, 0xBB, 0xBF, ..] ? 3 : prefix is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] ? 2 : 0;

        // Pass 1: the lines' count and lengths, read both ways, as plain lines and as lines with # headings.
        var plainLengths = new Dictionary<int, int>();
        var headingLengths = new Dictionary<int, int>();
        var lineCount = 0;
        var markdown = false;
        var anyText = false;
        foreach (var raw in ReadLines(file.Path, encoding, start, limits))
        {
            lineCount++;
            var plain = new SourceLine(lineCount, raw, IsMarkupHeading: false, IsCell: false);
            ParagraphSplitter.CountLength(plainLengths, plain);
            var headed = MarkdownReader.HeadingLine(lineCount, raw);
            ParagraphSplitter.CountLength(headingLengths, headed);
            markdown = markdown || MarkdownReader.HasMarkdownHeadings(raw);
            anyText |= !plain.IsBlank;
        }
        if (!anyText)
        {
            return (null, new SkippedDocument(file.FileName, ProblemCodes.EmptyFile, null, IngestMessages.EmptyReason()));
        }
        var text = new StreamedText(file, encoding, start, lineCount, markdown,
            ParagraphSplitter.WrapWidth(markdown ? headingLengths : plainLengths));

        // Pass 2: the paragraphs, each checked against the limit and hashed; the first and last kept for metadata.
        var head = new List<ParagraphDraft>();
        var tail = new Queue<ParagraphDraft>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new StringBuilder();
        var number = 0;
        foreach (var draft in text.Drafts(limits))
        {
            number++;
            if (draft.Text.Length > limits.MaxParagraphCharacters)
            {
                return (null, new SkippedDocument(file.FileName, ProblemCodes.DocumentTooLarge, null,
                    IngestMessages.ParagraphTooLarge(number, draft.Text.Length, limits.MaxParagraphCharacters)));
            }
            switch (draft.Kind)
            {
                case ParagraphKind.Heading:
                    text.Headings++;
                    break;
                case ParagraphKind.TableRow:
                    text.TableRows++;
                    break;
                default:
                    text.Bodies++;
                    break;
            }
            DocumentCopies.AppendText(hash, buffer, draft.Text);
            if (head.Count < HeadParagraphs)
            {
                head.Add(draft);
            }
            else
            {
                tail.Enqueue(draft);
                if (tail.Count > MetadataReader.TailParagraphs)
                {
                    tail.Dequeue();
                }
            }
        }
        text.TextHash = Convert.ToHexStringLower(hash.GetHashAndReset());
        text.Document = CorpusReader.DescribeHeader(file, DocumentFacts.None, MetadataReader.Read([.. head, .. tail]), catalog);
        return (text, null);
    }

    /// <summary>
    /// Pass 3: the paragraphs, numbered from 1, read from the file again as they are asked for. Throws
    /// <see cref="InvalidDataException"/> when the file no longer gives the paragraphs it gave (it changed during the
    /// build); the caller then takes back what it wrote of it.
    /// </summary>
    public IEnumerable<Paragraph> Paragraphs(IngestLimits limits)
    {
        var number = 0;
        foreach (var draft in Drafts(limits))
        {
            number++;
            if (number > Count || draft.Text.Length > limits.MaxParagraphCharacters)
            {
                throw new InvalidDataException($"{_file.FileName} changed while it was read");
            }
            yield return CorpusReader.ToParagraph(_file, number, draft, Document.Title, TopicAssigner.Default);
        }
        if (number != Count)
        {
            throw new InvalidDataException($"{_file.FileName} changed while it was read");
        }
    }

    private IEnumerable<ParagraphDraft> Drafts(IngestLimits limits)
    {
        var lines = ReadLines(_file.Path, _encoding, _start, limits)
            .Select((raw, i) => _markdownHeadings
                ? MarkdownReader.HeadingLine(i + 1, raw)
                : new SourceLine(i + 1, raw, IsMarkupHeading: false, IsCell: raw.StartsWith('\t')));
        using var window = new LineWindow(lines, _lineCount);
        foreach (var draft in ParagraphSplitter.SplitLazily(window, _wrapWidth))
        {
            yield return draft;
        }
    }

    /// <summary>
    /// The length of <paramref name="prefix"/> up to and with its last line feed (in UTF-16 little-endian the NUL
    /// after it too), so the sample ends on a whole character; an even length when it has none.
    /// </summary>
    private static int LineBoundary(byte[] prefix)
    {
        var last = Array.LastIndexOf(prefix, (byte)'\n');
        if (last < 0)
        {
            return prefix.Length & ~1;
        }
        return last % 2 == 0 && last + 1 < prefix.Length && prefix[last + 1] == 0 ? last + 2 : last + 1;
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>
    /// The file's lines as <see cref="PlainTextReader.SplitLines"/> gives them (CR, LF, CRLF, NEL, LS, PS and FF end
    /// a line, as <see cref="string.ReplaceLineEndings()"/> has it), decoded strictly from byte
    /// <paramref name="start"/>. A line longer than a paragraph may be is refused (<see cref="TooLongException"/>)
    /// before it is held whole; a bad byte sequence throws <see cref="DecoderFallbackException"/> with its
    /// approximate offset in <c>Data["offset"]</c>.
    /// </summary>
    private static IEnumerable<string> ReadLines(string path, string encoding, long start, IngestLimits limits)
    {
        using var stream = Open(path);
        stream.Position = start;
        using var reader = new StreamReader(stream, TextDecoder.StrictEncoding(encoding), detectEncodingFromByteOrderMarks: false, 1 << 16);
        var chunk = new char[1 << 16];
        var line = new StringBuilder();
        var number = 0;
        var afterCr = false;
        while (true)
        {
            int read;
            try
            {
                read = reader.Read(chunk, 0, chunk.Length);
            }
            catch (DecoderFallbackException e)
            {
                e.Data["offset"] = (long?)stream.Position;
                throw;
            }
            if (read == 0)
            {
                break;
            }
            var from = 0;
            for (var i = 0; i < read; i++)
            {
                var c = chunk[i];
                if (c == '\n' && afterCr)
                {
                    // The LF of a CRLF: the line ended at the CR.
                    afterCr = false;
                    from = i + 1;
                    continue;
                }
                afterCr = c == '\r';
                if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' or '\f')
                {
                    line.Append(chunk, from, i - from);
                    number++;
                    yield return Take(line, number, limits);
                    from = i + 1;
                }
            }
            line.Append(chunk, from, read - from);
            if (line.Length > limits.MaxParagraphCharacters)
            {
                throw new TooLongException(number + 1, limits.MaxParagraphCharacters);
            }
        }
        number++;
        yield return Take(line, number, limits);
    }

    private static string Take(StringBuilder line, int number, IngestLimits limits)
    {
        if (line.Length > limits.MaxParagraphCharacters)
        {
            throw new TooLongException(number, limits.MaxParagraphCharacters);
        }
        var text = line.ToString();
        line.Clear();
        return text;
    }

    /// <summary>A line past the paragraph limit: the file is skipped before the line is held whole.</summary>
    private sealed class TooLongException(int line, long limit) : Exception(
        $"too large: line {line} has more than {limit:N0} characters, over the paragraph limit (ingestion:maxParagraphCharacters)");
}

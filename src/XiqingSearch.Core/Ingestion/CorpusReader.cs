using System.Security.Cryptography;
using XiqingSearch.Core.Ingestion.Formats;
using XiqingSearch.Core.Ingestion.Ocr;
using XiqingSearch.Core.Ingestion.Topics;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// Ingestion: reads the seeds folder (every <c>*.txt</c>, <c>*.md</c>, <c>*.pdf</c>, <c>*.docx</c>, <c>*.html</c> and
/// <c>*.htm</c> directly in it, by name), decodes text files strictly as UTF-8 and laid-out documents with their
/// format reader, splits each into paragraphs, headings and table rows, and reads its title, year, chapter paths and
/// topics. A bad text file (or catalogue) fails the whole read, so an index is never built from part of the corpus;
/// a PDF, DOCX or page whose text cannot be read (scanned, encrypted, damaged) is skipped and named with its reason.
/// The rules are in <c>Ingestion/README.md</c>.
/// </summary>
public static class CorpusReader
{
    /// <summary>
    /// The source files in <paramref name="seedsDirectory"/>, sorted by name (ordinal). A file that
    /// <paramref name="known"/> (by file name) describes with its current size and last-write time keeps the hash
    /// known for it and is not read; every other file is read and hashed.
    /// </summary>
    public static Result<IReadOnlyList<SourceFile>> ListFiles(string seedsDirectory,
        IReadOnlyDictionary<string, KnownSource>? known = null)
    {
        if (!Directory.Exists(seedsDirectory))
        {
            return new Problem(ProblemCodes.SeedsFolderMissing, IngestMessages.FolderMissing(seedsDirectory), seedsDirectory);
        }
        var paths = Directory.EnumerateFiles(seedsDirectory)
            .Where(path => path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                || DocumentReaders.Handles(path))
            // synonyms.txt configures search (Search/Query/SynonymTable.cs); it is not a document.
            .Where(path => !Path.GetFileName(path).Equals(Search.Query.SynonymTable.FileName, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var files = new List<SourceFile>(paths.Count);
        var problems = new List<Problem>();
        var trustedBefore = DateTime.UtcNow - KnownSource.SafeAge;
        foreach (var path in paths)
        {
            // Only regular files (or links to them) are opened: a FIFO would block the read forever.
            if (SourceFileCheck.Check(path) is { } problem)
            {
                problems.Add(problem);
                continue;
            }
            try
            {
                files.Add(Describe(path, known, trustedBefore));
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                var reason = e is UnauthorizedAccessException ? "permission denied" : e.Message;
                problems.Add(new Problem(ProblemCodes.Unreadable, IngestMessages.Unreadable(Path.GetFileName(path), reason), path));
            }
        }
        if (problems.Count > 0)
        {
            return Result<IReadOnlyList<SourceFile>>.Fail(problems);
        }
        if (files.Count == 0)
        {
            return new Problem(ProblemCodes.SeedsFolderEmpty, IngestMessages.FolderEmpty(seedsDirectory), seedsDirectory);
        }
        return files;
    }

    /// <summary>
    /// The catalogue file (<c>catalog.json</c>) of <paramref name="seedsDirectory"/>, or null when there is none.
    /// It is not a source file, but a change to it changes the metadata, so its hash belongs in an index manifest.
    /// </summary>
    public static SourceFile? CatalogFile(string seedsDirectory, IReadOnlyDictionary<string, KnownSource>? known = null)
    {
        var path = Path.Combine(seedsDirectory, Catalog.FileName);
        return File.Exists(path) ? Describe(path, known, DateTime.UtcNow - KnownSource.SafeAge) : null;
    }

    /// <summary>Reads one file: strict decoding, paragraphs, metadata (corrected by <paramref name="catalog"/>).</summary>
    public static Result<SourceDocument> ReadDocument(SourceFile file, Catalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (DocumentReaders.Handles(file.FileName))
        {
            var read = ReadLaidOut(file, catalog);
            return read.Skipped is { } skipped
                ? new Problem(skipped.Code, skipped.ToString(), file.Path)
                : read.Document!;
        }
        var decoded = Utf8Reader.Decode(File.ReadAllBytes(file.Path), file.Path);
        if (!decoded.IsSuccess)
        {
            return Result<SourceDocument>.Fail(decoded.Problems);
        }
        return Parse(file, decoded.Value, catalog, TopicAssigner.Default);
    }

    /// <summary>
    /// Reads every source file of <paramref name="seedsDirectory"/>. Any bad file (or a bad catalogue) fails the
    /// whole read with a problem for every bad file.
    /// </summary>
    public static Result<IReadOnlyList<SourceDocument>> ReadAll(string seedsDirectory, IProgress<IngestProgress>? progress = null)
    {
        var read = ReadCorpus(seedsDirectory, progress);
        return read.IsSuccess
            ? Result<IReadOnlyList<SourceDocument>>.Ok(read.Value.Documents)
            : Result<IReadOnlyList<SourceDocument>>.Fail(read.Problems);
    }

    /// <summary>
    /// Reads every source file of <paramref name="seedsDirectory"/>. A bad text file (or a bad catalogue) fails the
    /// whole read with a problem for every bad file; a PDF, DOCX or page whose text cannot be read is skipped and
    /// listed in <see cref="CorpusRead.Skipped"/>, and the rest is read.
    /// </summary>
    public static Result<CorpusRead> ReadCorpus(string seedsDirectory, IProgress<IngestProgress>? progress = null,
        OcrEngine? ocr = null)
    {
        var listed = ListFiles(seedsDirectory);
        if (!listed.IsSuccess)
        {
            return Result<CorpusRead>.Fail(listed.Problems);
        }
        var problems = new List<Problem>();
        var catalog = Catalog.Load(seedsDirectory);
        if (!catalog.IsSuccess)
        {
            problems.AddRange(catalog.Problems);
        }
        var documents = new List<SourceDocument>();
        var skippedDocuments = new List<SkippedDocument>();
        var files = listed.Value;
        long bytes = 0;
        var paragraphs = 0;
        for (var i = 0; i < files.Count; i++)
        {
            if (DocumentReaders.Handles(files[i].FileName))
            {
                var laidOut = ReadLaidOut(files[i], catalog.IsSuccess ? catalog.Value : null, ocr);
                if (laidOut.Skipped is { } skipped)
                {
                    skippedDocuments.Add(skipped);
                }
                else if (laidOut.Document!.IsSuccess)
                {
                    documents.Add(laidOut.Document.Value);
                    paragraphs += laidOut.Document.Value.Paragraphs.Count;
                }
                else
                {
                    problems.AddRange(laidOut.Document.Problems);
                }
                bytes += files[i].Bytes;
                progress?.Report(new IngestProgress(i + 1, files.Count, paragraphs, bytes, files[i].FileName));
                continue;
            }
            var document = ReadDocument(files[i], catalog.IsSuccess ? catalog.Value : null);
            if (document.IsSuccess)
            {
                documents.Add(document.Value);
                paragraphs += document.Value.Paragraphs.Count;
            }
            else
            {
                problems.AddRange(document.Problems);
            }
            bytes += files[i].Bytes;
            progress?.Report(new IngestProgress(i + 1, files.Count, paragraphs, bytes, files[i].FileName));
        }
        return problems.Count > 0
            ? Result<CorpusRead>.Fail(problems)
            : new CorpusRead(documents, skippedDocuments);
    }

    /// <summary>
    /// Reads one file: either the document (or the problems that refuse it), or, for a PDF, DOCX or saved page whose
    /// text cannot be read, why it is skipped.
    /// </summary>
    internal static (Result<SourceDocument>? Document, SkippedDocument? Skipped) ReadOrSkip(SourceFile file, Catalog? catalog,
        OcrEngine? ocr = null) =>
        DocumentReaders.Handles(file.FileName) ? ReadLaidOut(file, catalog, ocr) : (ReadDocument(file, catalog), null);

    /// <summary>
    /// Reads a PDF, DOCX or saved page: either the document (or a problem shared with text files, such as a missing
    /// year), or why its text cannot be read.
    /// </summary>
    private static (Result<SourceDocument>? Document, SkippedDocument? Skipped) ReadLaidOut(SourceFile file, Catalog? catalog,
        OcrEngine? ocr = null)
    {
        ExtractedDocument extracted;
        var bytes = File.ReadAllBytes(file.Path);
        // With OCR off the session still names the scanned pages of a mostly digital PDF, which are then missing.
        var session = ocr?.Begin(file.FileName, bytes) ?? OcrSession.Off(file.FileName);
        try
        {
            extracted = DocumentReaders.Read(file.FileName, bytes, IngestLimits.Default, session);
        }
        catch (UnreadableDocumentException e)
        {
            var reason = e.Code == ProblemCodes.NoTextLayer && e.Reason.Contains("needs OCR", StringComparison.Ordinal)
                && !e.Reason.Contains(session.Hint, StringComparison.Ordinal) && session.Hint.Length > 0
                ? $"{e.Reason}; {session.Hint}"
                : e.Reason;
            return (null, new SkippedDocument(file.FileName, e.Code, e.Page, reason));
        }
        catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            // A tool that cannot start or a temporary file that cannot be written skips this document, not the build.
            return (null, new SkippedDocument(file.FileName, ProblemCodes.NoTextLayer, null, $"OCR failed: {e.Message}"));
        }
        if (extracted.Lines.All(line => line.IsBlank))
        {
            return (null, new SkippedDocument(file.FileName, ProblemCodes.NoTextLayer, null, "no text: the document is empty"));
        }
        var described = Describe(file, extracted, catalog, TopicAssigner.Default);
        if (described.IsSuccess && session.Warnings.Count > 0)
        {
            var document = described.Value;
            return (document with { Warnings = [.. document.Warnings, .. session.Warnings] }, null);
        }
        return (described, null);
    }

    /// <summary>Splits decoded <paramref name="text"/> and describes it; the seam the unit tests use.</summary>
    internal static Result<SourceDocument> Parse(SourceFile file, string text, Catalog? catalog, TopicAssigner topics) =>
        Describe(file, FormatReaders.For(file.FileName, text).Read(text), catalog, topics);

    /// <summary>Splits the lines of any format into paragraphs and reads the metadata (corrected by the catalogue).</summary>
    internal static Result<SourceDocument> Describe(SourceFile file, ExtractedDocument extracted, Catalog? catalog, TopicAssigner topics)
    {
        var split = ParagraphSplitter.Split(extracted.Lines);
        var metadata = MetadataReader.Read(file.Id, split);
        var entry = catalog?.Find(file.Id);
        var title = entry?.Title ?? metadata.Title;
        var year = entry?.Year ?? metadata.Year;
        var type = entry?.Type ?? metadata.Type;
        var period = entry is { HasPeriod: true } ? entry.Period : metadata.Period;
        var yearSource = entry?.Year is not null ? YearSources.Catalogue : metadata.Year is not null ? YearSources.Text : null;

        var paragraphs = new List<Paragraph>(split.Count);
        foreach (var part in split)
        {
            IReadOnlyList<string> chapter = part.Chapter.Count > 0 ? part.Chapter : [title];
            var topic = topics.Assign(chapter, part.Text, part.Kind == ParagraphKind.Heading);
            paragraphs.Add(new Paragraph(
                file.Id,
                paragraphs.Count + 1,
                part.Kind,
                part.Text,
                chapter,
                topic.Topic,
                topic.Keywords,
                part.FirstLine,
                part.LastLine,
                part.FirstPage,
                part.LastPage)
            {
                Ocr = part.Ocr,
                OcrConfidence = part.OcrConfidence,
            });
        }
        return new SourceDocument(file, title, year, period, type, paragraphs)
        {
            YearSource = yearSource,
            Facts = extracted.Facts,
        };
    }

    /// <summary>
    /// Names, sizes and hashes one file. Its time is read before its bytes, so a write during the read leaves a
    /// stamp older than the file and the next listing hashes it again.
    /// </summary>
    private static SourceFile Describe(string path, IReadOnlyDictionary<string, KnownSource>? known, DateTime trustedBefore)
    {
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        long? stamp = info.LinkTarget is null && info.LastWriteTimeUtc < trustedBefore ? info.LastWriteTimeUtc.Ticks : null;
        if (stamp is { } ticks && known is not null && known.TryGetValue(name, out var before)
            && before.Stamp == ticks && before.Bytes == info.Length)
        {
            return new SourceFile(Path.GetFullPath(path), name, Path.GetFileNameWithoutExtension(name), before.Bytes,
                before.Sha256, stamp);
        }
        var bytes = File.ReadAllBytes(path);
        return new SourceFile(
            Path.GetFullPath(path),
            name,
            Path.GetFileNameWithoutExtension(name),
            bytes.LongLength,
            Convert.ToHexStringLower(SHA256.HashData(bytes)),
            stamp);
    }
}

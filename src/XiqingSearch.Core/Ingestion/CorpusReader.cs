using System.Security.Cryptography;
using XiqingSearch.Core.Ingestion.Formats;
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
    public static Result<SourceDocument> ReadDocument(SourceFile file, Catalog? catalog, IngestLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (DocumentReaders.Handles(file.FileName))
        {
            var read = ReadLaidOut(file, catalog, limits ?? IngestLimits.Default);
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
    public static Result<IReadOnlyList<SourceDocument>> ReadAll(string seedsDirectory, IProgress<IngestProgress>? progress = null,
        IngestLimits? limits = null)
    {
        var read = ReadCorpus(seedsDirectory, progress, limits);
        return read.IsSuccess
            ? Result<IReadOnlyList<SourceDocument>>.Ok(read.Value.Documents)
            : Result<IReadOnlyList<SourceDocument>>.Fail(read.Problems);
    }

    /// <summary>
    /// Reads every source file of <paramref name="seedsDirectory"/>. A bad text file (or a bad catalogue) fails the
    /// whole read with a problem for every bad file; a PDF, DOCX or page whose text cannot be read, and any document
    /// over one of <paramref name="limits"/>, is skipped and listed in <see cref="CorpusRead.Skipped"/>, and the rest
    /// is read.
    /// </summary>
    public static Result<CorpusRead> ReadCorpus(string seedsDirectory, IProgress<IngestProgress>? progress = null,
        IngestLimits? limits = null)
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
            var read = ReadOrSkip(files[i], catalog.IsSuccess ? catalog.Value : null, limits);
            if (read.Skipped is { } skipped)
            {
                skippedDocuments.Add(skipped);
            }
            else if (read.Document!.IsSuccess)
            {
                documents.Add(read.Document.Value);
                paragraphs += read.Document.Value.Paragraphs.Count;
            }
            else
            {
                problems.AddRange(read.Document.Problems);
            }
            bytes += files[i].Bytes;
            progress?.Report(new IngestProgress(i + 1, files.Count, paragraphs, bytes, files[i].FileName));
        }
        return problems.Count > 0
            ? Result<CorpusRead>.Fail(problems)
            : new CorpusRead(documents, skippedDocuments);
    }

    /// <summary>
    /// Reads one file: either the document (or the problems that refuse it), or why it is skipped: a PDF, DOCX or
    /// saved page whose text cannot be read, or any document over one of <paramref name="limits"/> (named with the
    /// limit; a document is indexed whole or not at all, never cut short).
    /// </summary>
    internal static (Result<SourceDocument>? Document, SkippedDocument? Skipped) ReadOrSkip(SourceFile file, Catalog? catalog,
        IngestLimits? limits = null)
    {
        limits ??= IngestLimits.Default;
        // A UTF-8 file has at least a third as many UTF-16 characters as bytes: one far over the limit is named
        // without being read at all.
        if (!DocumentReaders.Handles(file.FileName) && file.Bytes / 3 > limits.MaxDocumentCharacters)
        {
            return (null, new SkippedDocument(file.FileName, ProblemCodes.TooLarge, null,
                IngestMessages.DocumentTooLarge(file.Bytes / 3, limits.MaxDocumentCharacters)));
        }
        var read = DocumentReaders.Handles(file.FileName) ? ReadLaidOut(file, catalog, limits) : (ReadDocument(file, catalog, limits), null);
        return read.Document is { IsSuccess: true } document && OverLimits(file, document.Value, limits) is { } over
            ? (null, over)
            : read;
    }

    /// <summary>
    /// The one check of the character limits, whatever the format: after reading, before indexing. Null when the
    /// document keeps within them.
    /// </summary>
    internal static SkippedDocument? OverLimits(SourceFile file, SourceDocument document, IngestLimits limits)
    {
        long total = 0;
        foreach (var paragraph in document.Paragraphs)
        {
            if (paragraph.Text.Length > limits.MaxParagraphCharacters)
            {
                return new SkippedDocument(file.FileName, ProblemCodes.TooLarge, null,
                    IngestMessages.ParagraphTooLarge(paragraph.Number, paragraph.Text.Length, limits.MaxParagraphCharacters));
            }
            total += paragraph.Text.Length;
        }
        return total > limits.MaxDocumentCharacters
            ? new SkippedDocument(file.FileName, ProblemCodes.TooLarge, null, IngestMessages.DocumentTooLarge(total, limits.MaxDocumentCharacters))
            : null;
    }

    /// <summary>
    /// Reads a PDF, DOCX or saved page: either the document (or a problem shared with text files, such as a missing
    /// year), or why its text cannot be read.
    /// </summary>
    private static (Result<SourceDocument>? Document, SkippedDocument? Skipped) ReadLaidOut(SourceFile file, Catalog? catalog,
        IngestLimits limits)
    {
        ExtractedDocument extracted;
        try
        {
            extracted = DocumentReaders.Read(file.FileName, File.ReadAllBytes(file.Path), limits);
        }
        catch (UnreadableDocumentException e)
        {
            return (null, new SkippedDocument(file.FileName, e.Code, e.Page, e.Reason));
        }
        if (extracted.Lines.All(line => line.IsBlank))
        {
            return (null, new SkippedDocument(file.FileName, ProblemCodes.NoTextLayer, null, "no text: the document is empty"));
        }
        return (Describe(file, extracted, catalog, TopicAssigner.Default), null);
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
                part.LastPage));
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
        // Hashed as a stream: listing a folder never holds a whole file, however large.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var hash = SHA256.HashData(stream);
        return new SourceFile(
            Path.GetFullPath(path),
            name,
            Path.GetFileNameWithoutExtension(name),
            stream.Length,
            Convert.ToHexStringLower(hash),
            stamp);
    }
}

using System.Security.Cryptography;
using XiqingSearch.Core.Ingestion.Formats;
using XiqingSearch.Core.Ingestion.Model;
using XiqingSearch.Core.Ingestion.Ocr;
using XiqingSearch.Core.Ingestion.Topics;

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// Ingestion: reads the seeds folder and the folders under it (every <c>*.txt</c>, <c>*.md</c>, <c>*.pdf</c>,
/// <c>*.docx</c>, <c>*.html</c> and <c>*.htm</c>; dot-folders are left alone), decodes text files in whatever
/// encoding they are in (<see cref="TextDecoder"/>) and laid-out documents with their format reader, splits each into
/// paragraphs, headings and table rows, and reads its title, year (with where it came from), chapter paths and
/// topics. No single entry stops a read: a file that is no text, empty, unreadable, a FIFO or a broken link, and a
/// PDF, DOCX or page whose text cannot be read, is skipped and named with its reason; a bad catalogue is named and
/// left out. Only a missing folder, or one where nothing can be read, fails. The rules are in
/// <c>Ingestion/README.md</c>.
/// </summary>
public static class CorpusReader
{
    /// <summary>
    /// The synonym groups of search (<c>Search/Query/SynonymTable</c>), a file at the top of the seeds folder that
    /// configures search and is not a document. Named here, where the sources are listed, so that the listing
    /// skips it without knowing how search reads it.
    /// </summary>
    public const string SynonymsFileName = "synonyms.txt";

    /// <summary>
    /// The source files in <paramref name="seedsDirectory"/> and the folders under it (not dot-folders, nor folders
    /// reached through a link, which could loop), sorted by relative path (ordinal). A file that
    /// <paramref name="known"/> (by relative path) describes with its current size and last-write time keeps the hash
    /// known for it and is not read; every other file is read and hashed. An entry that cannot be opened is listed
    /// with <see cref="SourceFile.Unreadable"/> set. Fails only when the folder is missing or holds no source at all.
    /// </summary>
    public static Result<IReadOnlyList<SourceFile>> ListFiles(string seedsDirectory,
        IReadOnlyDictionary<string, KnownSource>? known = null)
    {
        if (!Directory.Exists(seedsDirectory))
        {
            return new Problem(ProblemCodes.SeedsFolderMissing, IngestMessages.FolderMissing(seedsDirectory), seedsDirectory);
        }
        var entries = new List<(string Path, string Relative)>();
        Collect(seedsDirectory, "", entries);
        entries.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        var files = new List<SourceFile>(entries.Count);
        var trustedBefore = DateTime.UtcNow - KnownSource.SafeAge;
        foreach (var (path, relative) in entries)
        {
            // Only regular files (or links to them) are opened: a FIFO would block the read forever.
            if (SourceFileCheck.Check(path, relative) is { } skipped)
            {
                files.Add(Unopened(path, relative, skipped));
                continue;
            }
            try
            {
                files.Add(Describe(path, relative, known, trustedBefore));
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                var reason = e is UnauthorizedAccessException ? "permission denied" : e.Message;
                files.Add(Unopened(path, relative, new SkippedDocument(relative, ProblemCodes.Unreadable, null,
                    IngestMessages.UnreadableReason(reason))));
            }
        }
        if (files.Count == 0)
        {
            return new Problem(ProblemCodes.SeedsFolderEmpty, IngestMessages.FolderEmpty(seedsDirectory), seedsDirectory);
        }
        return files;
    }

    /// <summary>Adds the source entries of <paramref name="directory"/> and its folders to <paramref name="entries"/>.</summary>
    private static void Collect(string directory, string prefix, List<(string Path, string Relative)> entries)
    {
        IEnumerable<string> names;
        try
        {
            names = Directory.EnumerateFileSystemEntries(directory).ToList();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // A folder under the seeds that cannot be listed is left out; the top folder was checked by the caller.
            return;
        }
        foreach (var path in names)
        {
            var name = Path.GetFileName(path);
            var relative = prefix + name;
            FileSystemInfo info = new DirectoryInfo(path);
            if (info.Exists)
            {
                // Dot-folders hold tools' state (.git, .cache), and a linked folder could lead back up: neither is read.
                if (!name.StartsWith('.') && info.LinkTarget is null)
                {
                    Collect(path, relative + "/", entries);
                }
                continue;
            }
            var source = name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                || DocumentReaders.Handles(name);
            // synonyms.txt configures search (SynonymsFileName) and only at the top; it is not a document.
            if (source && !(prefix.Length == 0 && name.Equals(SynonymsFileName, StringComparison.OrdinalIgnoreCase)))
            {
                entries.Add((path, relative));
            }
        }
    }

    private static SourceFile Unopened(string path, string relative, SkippedDocument why) =>
        new(Path.GetFullPath(path), relative, SourceFile.IdOf(relative), 0, "-" + why.Code) { Unreadable = why };

    /// <summary>
    /// The catalogue file (<c>catalog.json</c>) of <paramref name="seedsDirectory"/>, or null when there is none.
    /// It is not a source file, but a change to it changes the metadata, so its hash belongs in an index manifest:
    /// the size and hash of the catalogue without its access rules (<see cref="Catalog.WithoutAccessRules"/>),
    /// so that a change of who may see what does not make the text index stale (the engine reads the rules itself).
    /// </summary>
    public static SourceFile? CatalogFile(string seedsDirectory)
    {
        var path = Path.Combine(seedsDirectory, Catalog.FileName);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            var content = Catalog.WithoutAccessRules(File.ReadAllBytes(path));
            return new SourceFile(Path.GetFullPath(path), Catalog.FileName, Catalog.FileName, content.Length,
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // Catalog.Load names the problem; here it is a catalogue that cannot be hashed, so it counts as changed.
            return new SourceFile(Path.GetFullPath(path), Catalog.FileName, Catalog.FileName, 0, "-unreadable");
        }
    }

    /// <summary>Reads one file: decoding, paragraphs, metadata (corrected by <paramref name="catalog"/>); a skipped file
    /// is the problem that says why.</summary>
    public static Result<SourceDocument> ReadDocument(SourceFile file, Catalog? catalog, IngestLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var (document, skipped) = ReadOrSkip(file, catalog, limits);
        return skipped is not null
            ? new Problem(skipped.Code, skipped.ToString(), file.Path)
            : document!;
    }

    /// <summary>Reads every source file of <paramref name="seedsDirectory"/>; see <see cref="ReadCorpus(string, IProgress{IngestProgress}?, IngestLimits?, OcrEngine?)"/>.</summary>
    public static Result<IReadOnlyList<SourceDocument>> ReadAll(string seedsDirectory, IProgress<IngestProgress>? progress = null,
        IngestLimits? limits = null)
    {
        var read = ReadCorpus(seedsDirectory, progress, limits);
        return read.IsSuccess
            ? Result<IReadOnlyList<SourceDocument>>.Ok(read.Value.Documents)
            : Result<IReadOnlyList<SourceDocument>>.Fail(read.Problems);
    }

    /// <summary>
    /// Reads every source file of <paramref name="seedsDirectory"/>. Whatever cannot be read, and any document over one
    /// of <paramref name="limits"/>, is skipped and listed in <see cref="CorpusRead.Skipped"/>, a copy of another
    /// document in <see cref="SourceDocument.Copies"/> of the one kept, a bad catalogue in
    /// <see cref="CorpusRead.Warnings"/>; the rest is read. Fails only when the folder is missing or nothing in it can
    /// be read.
    /// </summary>
    public static Result<CorpusRead> ReadCorpus(string seedsDirectory, IProgress<IngestProgress>? progress = null,
        IngestLimits? limits = null, OcrEngine? ocr = null) =>
        ReadCorpus(seedsDirectory, progress, mergeCopies: true, limits, ocr);

    /// <summary><see cref="ReadCorpus(string, IProgress{IngestProgress}?, IngestLimits?, OcrEngine?)"/>, with copies kept apart when
    /// <paramref name="mergeCopies"/> is false (the format readers' tests compare one text in several formats).</summary>
    internal static Result<CorpusRead> ReadCorpus(string seedsDirectory, IProgress<IngestProgress>? progress, bool mergeCopies,
        IngestLimits? limits = null, OcrEngine? ocr = null)
    {
        var listed = ListFiles(seedsDirectory);
        if (!listed.IsSuccess)
        {
            return Result<CorpusRead>.Fail(listed.Problems);
        }
        var warnings = new List<string>();
        var catalog = Catalog.LoadOrWarn(seedsDirectory, warnings);
        var files = listed.Value;
        var read = new SourceDocument?[files.Count];
        var skippedDocuments = new List<SkippedDocument>();
        long bytes = 0;
        var paragraphs = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var (document, skipped) = ReadOrSkip(files[i], catalog, limits);
            if (skipped is not null)
            {
                skippedDocuments.Add(skipped);
            }
            else
            {
                read[i] = document;
                paragraphs += document!.Paragraphs.Count;
            }
            bytes += files[i].Bytes;
            progress?.Report(new IngestProgress(i + 1, files.Count, paragraphs, bytes, files[i].FileName));
        }
        var copies = DocumentCopies.Group(read.Select((d, i) => d is null ? null : (SourceFile?)files[i]).ToList(),
            read.Select((d, i) => d is null ? null : mergeCopies ? DocumentCopies.TextHash(d) : files[i].FileName).ToList());
        var documents = new List<SourceDocument>();
        for (var i = 0; i < read.Length; i++)
        {
            if (read[i] is { } document && !copies.IsCopy(i))
            {
                documents.Add(copies.CopiesOf(i) is { Count: > 0 } of ? document with { Copies = of } : document);
            }
        }
        if (documents.Count == 0)
        {
            return Result<CorpusRead>.Fail(
                [new Problem(ProblemCodes.SeedsFolderEmpty, IngestMessages.NothingReadable(seedsDirectory, skippedDocuments.Count), seedsDirectory)]);
        }
        return new CorpusRead(documents, skippedDocuments) { Warnings = warnings };
    }

    /// <summary>
    /// Reads one file: either the document, or why it is skipped (it cannot be opened, is no text, is empty, its
    /// layout holds no readable text, or it is over one of <paramref name="limits"/>, named with the limit: a document
    /// is indexed whole or not at all, never cut short). Never throws for a bad file.
    /// </summary>
    internal static (SourceDocument? Document, SkippedDocument? Skipped) ReadOrSkip(SourceFile file, Catalog? catalog,
        IngestLimits? limits = null, OcrEngine? ocr = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        limits ??= IngestLimits.Default;
        if (file.Unreadable is { } unopened)
        {
            return (null, unopened);
        }
        // A UTF-8 file has at least a third as many UTF-16 characters as bytes: one far over the limit is named
        // without being read at all.
        if (!DocumentReaders.Handles(file.FileName) && file.Bytes / 3 > limits.MaxDocumentCharacters)
        {
            return (null, new SkippedDocument(file.FileName, ProblemCodes.DocumentTooLarge, null,
                IngestMessages.DocumentTooLarge(file.Bytes / 3, limits.MaxDocumentCharacters)));
        }
        var read = Read(file, catalog, limits, ocr);
        return read.Document is { } document && OverLimits(file, document, limits) is { } over ? (null, over) : read;
    }

    private static (SourceDocument? Document, SkippedDocument? Skipped) Read(SourceFile file, Catalog? catalog, IngestLimits limits,
        OcrEngine? ocr)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.Path);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            var reason = e is UnauthorizedAccessException ? "permission denied" : e.Message;
            return (null, new SkippedDocument(file.FileName, ProblemCodes.Unreadable, null, IngestMessages.UnreadableReason(reason)));
        }
        if (DocumentReaders.Handles(file.FileName))
        {
            return ReadLaidOut(file, bytes, catalog, limits, ocr);
        }
        var decoded = TextDecoder.Decode(bytes, file.Path);
        if (!decoded.IsSuccess)
        {
            var problem = decoded.Problems[0];
            var reason = problem.Code switch
            {
                ProblemCodes.EmptyFile => IngestMessages.EmptyReason(),
                ProblemCodes.BinaryFile => IngestMessages.BinaryReason(problem.ByteOffset),
                _ => IngestMessages.InvalidReason(problem.ByteOffset),
            };
            return (null, new SkippedDocument(file.FileName, problem.Code, null, reason));
        }
        try
        {
            return (Parse(file, decoded.Value, catalog, TopicAssigner.Default).Value, null);
        }
        catch (UnreadableDocumentException e)
        {
            return (null, new SkippedDocument(file.FileName, e.Code, e.Page, e.Reason));
        }
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
                return new SkippedDocument(file.FileName, ProblemCodes.DocumentTooLarge, null,
                    IngestMessages.ParagraphTooLarge(paragraph.Number, paragraph.Text.Length, limits.MaxParagraphCharacters));
            }
            total += paragraph.Text.Length;
        }
        return total > limits.MaxDocumentCharacters
            ? new SkippedDocument(file.FileName, ProblemCodes.DocumentTooLarge, null, IngestMessages.DocumentTooLarge(total, limits.MaxDocumentCharacters))
            : null;
    }

    /// <summary>Reads a PDF, DOCX or saved page: either the document, or why its text cannot be read.</summary>
    private static (SourceDocument? Document, SkippedDocument? Skipped) ReadLaidOut(SourceFile file, byte[] bytes, Catalog? catalog,
        IngestLimits limits, OcrEngine? ocr)
    {
        ExtractedDocument extracted;
        // With OCR off the session still names the scanned pages of a mostly digital PDF, which are then missing.
        var session = ocr?.Begin(file.FileName, bytes) ?? OcrSession.Off(file.FileName);
        try
        {
            extracted = DocumentReaders.Read(file.FileName, bytes, limits, session);
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
        var document = Describe(file, extracted, catalog, TopicAssigner.Default).Value;
        return session.Warnings.Count > 0
            ? (document with { Warnings = [.. document.Warnings, .. session.Warnings] }, null)
            : (document, null);
    }

    /// <summary>Splits decoded <paramref name="text"/> and describes it; the seam the unit tests use.</summary>
    internal static Result<SourceDocument> Parse(SourceFile file, string text, Catalog? catalog, TopicAssigner topics) =>
        Describe(file, FormatReaders.For(file.FileName, text).Read(text), catalog, topics);

    /// <summary>
    /// Splits the lines of any format into paragraphs and describes the document. Its facts are the format's
    /// metadata with the catalogue's laid over them. Its year is the first that gives one, in this order
    /// (<see cref="YearSources"/>): the catalogue; a year its title says it is about (统计公报, 预算, annual plans…);
    /// the facts' 成文日期, then 发布日期 (a 信息公开 table printed in the text counts); the text
    /// (<see cref="MetadataReader"/>); the file's creation date; a file name naming one year. With none, the year
    /// is unknown (null) and the document carries a warning saying so.
    /// </summary>
    internal static Result<SourceDocument> Describe(SourceFile file, ExtractedDocument extracted, Catalog? catalog, TopicAssigner topics)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(extracted);
        var split = ParagraphSplitter.Split(extracted.Lines);
        var header = DescribeHeader(file, extracted.Facts, MetadataReader.Read(split, extracted.Facts.Title), catalog);
        var paragraphs = new List<Paragraph>(split.Count);
        foreach (var part in split)
        {
            paragraphs.Add(ToParagraph(file, paragraphs.Count + 1, part, header.Title, topics));
        }
        return header with { Paragraphs = paragraphs };
    }

    /// <summary>
    /// The document <paramref name="file"/> is, without its paragraphs: its facts (the format's
    /// <paramref name="formatFacts"/> under the catalogue's), title, type, period, year and warnings, from the
    /// <paramref name="metadata"/> its paragraphs gave.
    /// </summary>
    internal static SourceDocument DescribeHeader(SourceFile file, DocumentFacts formatFacts, DocumentMetadata metadata, Catalog? catalog)
    {
        var entry = catalog?.Find(file.Id);
        var facts = entry is null ? formatFacts : entry.Over(formatFacts);
        if (facts.Number is null && metadata.Number is not null)
        {
            facts = facts with { Number = metadata.Number };
        }
        // A 信息公开 table printed in the text is the document's metadata too, when the format gave none.
        if (facts.WrittenDate is null && metadata.WrittenDate is not null)
        {
            facts = facts with { WrittenDate = metadata.WrittenDate };
        }
        if (facts.PublishedDate is null && metadata.PublishedDate is not null)
        {
            facts = facts with { PublishedDate = metadata.PublishedDate };
        }
        var title = entry?.Title ?? metadata.Title ?? file.Id;
        var type = entry?.Type ?? metadata.Type;
        var period = entry is { HasPeriod: true } ? entry.Period : metadata.Period;

        var (year, yearSource) = YearOf(file, entry, facts, metadata);
        IReadOnlyList<string> warnings = year is null ? [IngestMessages.YearUnknown(file.FileName, file.Id)] : [];

        return new SourceDocument(file, title, year, period, type, [])
        {
            YearSource = yearSource,
            Facts = facts,
            Warnings = warnings,
        };
    }

    /// <summary>Paragraph <paramref name="number"/> of <paramref name="file"/> from its draft: the chapter (the
    /// document's <paramref name="title"/> when the draft has none) and the topic.</summary>
    internal static Paragraph ToParagraph(SourceFile file, int number, ParagraphDraft part, string title, TopicAssigner topics)
    {
        IReadOnlyList<string> chapter = part.Chapter.Count > 0 ? part.Chapter : [title];
        var topic = topics.Assign(chapter, part.Text, part.Kind == ParagraphKind.Heading);
        return new Paragraph(
            file.Id,
            number,
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
        };
    }

    /// <summary>The first source in <see cref="YearSources"/> order that gives a plausible year, with its name.</summary>
    private static (int? Year, string? Source) YearOf(SourceFile file, CatalogEntry? entry, DocumentFacts facts, DocumentMetadata metadata)
    {
        if (entry?.Year is { } catalogued)
        {
            return (catalogued, YearSources.Catalogue);
        }
        // A title that says which year it is about (…2022年…统计公报, published in 2023) is for that year, whatever
        // its dates.
        if (metadata.TitleYear is { } about)
        {
            return (about, YearSources.Text);
        }
        if ((MetadataReader.Plausible(facts.WrittenDate) ?? MetadataReader.Plausible(facts.PublishedDate)) is { } dated)
        {
            return (dated, YearSources.Metadata);
        }
        if (metadata.Year is { } fromText)
        {
            return (fromText, YearSources.Text);
        }
        if (MetadataReader.Plausible(facts.FileCreated) is { } created)
        {
            return (created, YearSources.FileProperties);
        }
        return MetadataReader.FileNameYear(file.FileName) is { } named ? (named, YearSources.FileName) : (null, null);
    }

    /// <summary>
    /// Names, sizes and hashes one file. Its time is read before its bytes, so a write during the read leaves a
    /// stamp older than the file and the next listing hashes it again.
    /// </summary>
    private static SourceFile Describe(string path, string relative, IReadOnlyDictionary<string, KnownSource>? known, DateTime trustedBefore)
    {
        var info = new FileInfo(path);
        long? stamp = info.LinkTarget is null && info.LastWriteTimeUtc < trustedBefore ? info.LastWriteTimeUtc.Ticks : null;
        var id = SourceFile.IdOf(relative);
        if (stamp is { } ticks && known is not null && known.TryGetValue(relative, out var before)
            && before.Stamp == ticks && before.Bytes == info.Length)
        {
            return new SourceFile(Path.GetFullPath(path), relative, id, before.Bytes, before.Sha256, stamp);
        }
        // Hashed as a stream: listing a folder never holds a whole file, however large.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var hash = SHA256.HashData(stream);
        return new SourceFile(
            Path.GetFullPath(path),
            relative,
            id,
            stream.Length,
            Convert.ToHexStringLower(hash),
            stamp);
    }
}

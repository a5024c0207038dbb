using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// Reads the sources one file at a time on each of up to two threads (the SmartCn analysis is most of a build's
/// work, and <see cref="IndexWriter"/> takes documents from several threads at once, each into its own segment
/// buffer) and hands each file's paragraphs to the writer before reading the next, so a build holds a couple of
/// files and the writer's buffer in memory, not the corpus. A file that cannot be read is skipped and named, never
/// stopping the rest. Copies (the same text in two formats) are settled without depending on which thread read
/// what first: a file is written only while no preferred file of its text has been seen, and once all are read,
/// the copies written too early are deleted and the kept file is written again with its copies named.
/// </summary>
internal static class StreamingIndexer
{
    /// <summary>What a run read and wrote.</summary>
    public sealed record Outcome(IReadOnlyList<BuildReportDocument> Documents, int Paragraphs, long BytesIndexed,
        IReadOnlyList<Problem> Problems)
    {
        /// <summary>Files that could not be read: not written, listed with the reason.</summary>
        public IReadOnlyList<SkippedDocument> Skipped { get; init; } = [];

        /// <summary>Files left out as copies of another file's text (their names).</summary>
        public IReadOnlyList<string> CopyFiles { get; init; } = [];
    }

    /// <summary>
    /// Reads every file of <paramref name="files"/>; writes those named in <paramref name="toWrite"/> to
    /// <paramref name="writer"/> (replacing their earlier paragraphs when <paramref name="incremental"/>).
    /// </summary>
    public static Outcome Run(IReadOnlyList<SourceFile> files, Catalog? catalog, IReadOnlySet<string> toWrite,
        IndexWriter? writer, bool incremental, IProgress<IndexProgress>? progress, System.Diagnostics.Stopwatch clock,
        CancellationToken cancellationToken, IngestLimits? limits = null, Ingestion.Ocr.OcrEngine? ocr = null, bool mergeCopies = true)
    {
        var documents = new BuildReportDocument?[files.Count];
        var counts = new int[files.Count];
        var skipped = new SkippedDocument?[files.Count];
        var copies = new DocumentCopies.Groups();
        var gate = new Lock();
        var next = -1;
        var done = 0;
        var paragraphs = 0;
        long bytesIndexed = 0;
        var bytesToWrite = files.Where(f => toWrite.Contains(f.FileName)).Sum(f => f.Bytes);
        ExceptionDispatchInfo? error = null;

        void Work()
        {
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < files.Count && error is null)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var file = files[i];
                    var (document, unreadable) = Read(file, catalog, limits, ocr);
                    if (unreadable is not null)
                    {
                        // A file that cannot be read is named and left out; its old paragraphs leave the index.
                        skipped[i] = unreadable;
                        if (writer is not null && incremental && toWrite.Contains(file.FileName))
                        {
                            writer.DeleteDocuments(new Term(FieldNames.Doc, file.Id));
                        }
                        lock (gate)
                        {
                            done++;
                        }
                        continue;
                    }
                    var hash = mergeCopies ? document!.TextHash() : "";
                    var keptSoFar = true;
                    if (mergeCopies)
                    {
                        lock (gate)
                        {
                            keptSoFar = copies.Add(i, file, hash);
                        }
                    }
                    documents[i] = document!.Summary;
                    counts[i] = document.Count;
                    var write = writer is not null && toWrite.Contains(file.FileName) && keptSoFar;
                    if (writer is not null && incremental && toWrite.Contains(file.FileName))
                    {
                        // Replaced, or (a copy of a file already kept) taken out of the index it may have been in.
                        writer.DeleteDocuments(new Term(FieldNames.Doc, file.Id));
                    }
                    if (write && !Write(writer!, document, document.Document, limits))
                    {
                        // The file changed while it was streamed: what was written of it is taken back, and it is
                        // named as unreadable (the next build reads it again).
                        skipped[i] = new SkippedDocument(file.FileName, ProblemCodes.Unreadable, null,
                            IngestMessages.UnreadableReason("it changed while it was read"));
                        documents[i] = null;
                        counts[i] = 0;
                        lock (gate)
                        {
                            done++;
                        }
                        continue;
                    }
                    lock (gate)
                    {
                        paragraphs += document.Count;
                        bytesIndexed += write ? file.Bytes : 0;
                        done++;
                        progress?.Report(new IndexProgress(writer is null ? "read" : "index", done, files.Count, paragraphs,
                            bytesIndexed, bytesToWrite, clock.Elapsed, file.FileName));
                    }
                }
            }
            catch (Exception e)
            {
                // The first failure (a cancellation, a disk error) stops both threads and is rethrown as it was.
                Interlocked.CompareExchange(ref error, ExceptionDispatchInfo.Capture(e), null);
            }
        }

        // Two threads at most: analysis is CPU-bound, and the machines this runs on have few cores to share
        // with the server answering searches meanwhile.
        var threads = Math.Clamp(Environment.ProcessorCount, 1, 2);
        // A scan of many pages takes minutes to recognise: each page done is reported between the files' reports,
        // with the counts of the files as they stand (the threads started below carry this observer with them).
        using (progress is null || ocr is null ? null : Ingestion.Ocr.OcrEngine.Observe(page =>
        {
            lock (gate)
            {
                progress.Report(new IndexProgress(writer is null ? "read" : "index", done, files.Count, paragraphs,
                    bytesIndexed, bytesToWrite, clock.Elapsed, page.File)
                {
                    OcrFile = page.File,
                    OcrPagesDone = page.Done,
                    OcrPagesTotal = page.Pages,
                    OcrPageCached = page.FromCache,
                });
            }
        }))
        {
            var workers = Enumerable.Range(0, threads - 1).Select(_ => new Thread(Work) { IsBackground = true, Name = "index" }).ToList();
            workers.ForEach(w => w.Start());
            Work();
            workers.ForEach(w => w.Join());
        }
        error?.Throw();

        var copyFiles = new List<string>();
        foreach (var (kept, others) in copies.Shared().OrderBy(g => g.Kept))
        {
            foreach (var copy in others)
            {
                documents[copy] = null;
                copyFiles.Add(files[copy].FileName);
                // Written before the kept file was seen, or kept by an earlier build: either way no longer indexed.
                writer?.DeleteDocuments(new Term(FieldNames.Doc, files[copy].Id));
            }
            var of = copies.CopiesOf(kept);
            documents[kept] = documents[kept]! with { Copies = [.. of.Select(f => f.FileName)] };
            if (writer is not null)
            {
                // Written again, now that all its copies are known, so its stored copies are complete.
                cancellationToken.ThrowIfCancellationRequested();
                var (again, _) = Read(files[kept], catalog, limits, ocr);
                if (again is not null)
                {
                    writer.DeleteDocuments(new Term(FieldNames.Doc, files[kept].Id));
                    Write(writer, again, again.Document with { Copies = of }, limits);
                }
            }
        }

        return new Outcome([.. documents.OfType<BuildReportDocument>()],
            documents.Select((d, i) => d is null ? 0 : counts[i]).Sum(), bytesIndexed, [])
        {
            Skipped = [.. skipped.OfType<SkippedDocument>()],
            CopyFiles = copyFiles,
        };
    }

    /// <summary>A file read for the build: whole (<see cref="CorpusReader.ReadOrSkip"/>), or, for a text file over
    /// <see cref="IngestLimits.StreamTextBytes"/>, surveyed to be streamed (<see cref="StreamedText"/>).</summary>
    private static (ReadFile? File, SkippedDocument? Skipped) Read(SourceFile file, Catalog? catalog, IngestLimits? limits,
        Ingestion.Ocr.OcrEngine? ocr)
    {
        limits ??= IngestLimits.Default;
        if (StreamedText.Applies(file, limits))
        {
            var (text, skipped) = StreamedText.Survey(file, catalog, limits);
            return text is null ? (null, skipped) : (new ReadFile(text.Document, null, text), null);
        }
        var (document, unreadable) = CorpusReader.ReadOrSkip(file, catalog, limits, ocr);
        return document is null ? (null, unreadable) : (new ReadFile(document, document.Paragraphs, null), null);
    }

    /// <summary>
    /// Hands the writer the paragraphs of <paramref name="file"/> as <paramref name="document"/>, one at a time, not as
    /// one block: the writer may flush its buffer in the middle of a long document, so a file of any size is indexed
    /// within the buffer's bound. False (and nothing of it left in the index) when a streamed file changed meanwhile.
    /// </summary>
    private static bool Write(IndexWriter writer, ReadFile file, SourceDocument document, IngestLimits? limits)
    {
        try
        {
            foreach (var paragraph in file.Paragraphs(limits ?? IngestLimits.Default))
            {
                writer.AddDocument(LuceneDocumentFactory.Create(document, paragraph, writer.Analyzer));
            }
            return true;
        }
        catch (Exception e) when (file.Streamed is not null
            && e is InvalidDataException or IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            writer.DeleteDocuments(new Term(FieldNames.Doc, document.File.Id));
            return false;
        }
    }

    /// <summary>A document as the build takes it: its description, and its paragraphs held (<paramref name="Held"/>) or
    /// read again from the file as they are written (<paramref name="Streamed"/>).</summary>
    private sealed record ReadFile(SourceDocument Document, IReadOnlyList<Paragraph>? Held, StreamedText? Streamed)
    {
        public int Count => Held?.Count ?? Streamed!.Count;

        public IEnumerable<Paragraph> Paragraphs(IngestLimits limits) => Held ?? Streamed!.Paragraphs(limits);

        public string TextHash() => Streamed?.TextHash ?? DocumentCopies.TextHash(Document);

        public BuildReportDocument Summary => new(
            Document.File.Id,
            Document.Title,
            Document.Year,
            Held?.Count(p => p.Kind == ParagraphKind.Paragraph) ?? Streamed!.Bodies,
            Held?.Count(p => p.Kind == ParagraphKind.Heading) ?? Streamed!.Headings,
            Held?.Count(p => p.Kind == ParagraphKind.TableRow) ?? Streamed!.TableRows,
            Document.File.Bytes)
        {
            YearSource = Document.YearSource,
            Period = Document.Period,
            Warnings = Document.Warnings,
        };
    }
}

using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// Reads the sources one file at a time on each of up to two threads (the SmartCn analysis is most of a build's
/// work, and <see cref="IndexWriter"/> takes documents from several threads at once, each into its own segment
/// buffer) and hands each file's paragraphs to the writer before reading the next, so a build holds a couple of
/// files and the writer's buffer in memory, not the corpus. Every file is read, even after a bad one, so that
/// every bad file is named; once one is bad nothing more is written (the caller rolls the writer back).
/// </summary>
internal static class StreamingIndexer
{
    /// <summary>What a run read and wrote.</summary>
    public sealed record Outcome(IReadOnlyList<BuildReportDocument> Documents, int Paragraphs, long BytesIndexed,
        IReadOnlyList<Problem> Problems)
    {
        /// <summary>Laid-out documents that could not be read: not written, listed with the reason.</summary>
        public IReadOnlyList<SkippedDocument> Skipped { get; init; } = [];
    }

    /// <summary>
    /// Reads every file of <paramref name="files"/>; writes those named in <paramref name="toWrite"/> to
    /// <paramref name="writer"/> (replacing their earlier paragraphs when <paramref name="incremental"/>).
    /// </summary>
    public static Outcome Run(IReadOnlyList<SourceFile> files, Catalog? catalog, IReadOnlySet<string> toWrite,
        IndexWriter? writer, bool incremental, IProgress<IndexProgress>? progress, System.Diagnostics.Stopwatch clock,
        CancellationToken cancellationToken, Ingestion.Ocr.OcrEngine? ocr = null)
    {
        var documents = new BuildReportDocument?[files.Count];
        var problems = new List<Problem>[files.Count];
        var skipped = new SkippedDocument?[files.Count];
        var gate = new Lock();
        var next = -1;
        var done = 0;
        var paragraphs = 0;
        long bytesIndexed = 0;
        var failed = false;
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
                    var (read, unreadable) = CorpusReader.ReadOrSkip(file, catalog, ocr);
                    if (unreadable is not null)
                    {
                        // An unreadable PDF/DOCX is named and left out; its old paragraphs leave the index.
                        skipped[i] = unreadable;
                        if (writer is not null && incremental && toWrite.Contains(file.FileName) && !Volatile.Read(ref failed))
                        {
                            writer.DeleteDocuments(new Term(FieldNames.Doc, file.Id));
                        }
                        lock (gate)
                        {
                            done++;
                        }
                        continue;
                    }
                    if (!read!.IsSuccess)
                    {
                        problems[i] = [.. read.Problems];
                        Volatile.Write(ref failed, true);
                        continue;
                    }
                    var document = read.Value;
                    documents[i] = Summarize(document);
                    var write = writer is not null && toWrite.Contains(file.FileName) && !Volatile.Read(ref failed);
                    if (write)
                    {
                        if (incremental)
                        {
                            writer!.DeleteDocuments(new Term(FieldNames.Doc, file.Id));
                        }
                        writer!.AddDocuments(document.Paragraphs.Select(p => LuceneDocumentFactory.Create(document, p)));
                    }
                    lock (gate)
                    {
                        paragraphs += document.Paragraphs.Count;
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
        var workers = Enumerable.Range(0, threads - 1).Select(_ => new Thread(Work) { IsBackground = true, Name = "index" }).ToList();
        workers.ForEach(w => w.Start());
        Work();
        workers.ForEach(w => w.Join());
        error?.Throw();

        return new Outcome([.. documents.OfType<BuildReportDocument>()], paragraphs, bytesIndexed,
            [.. problems.Where(p => p is not null).SelectMany(p => p)])
        {
            Skipped = [.. skipped.OfType<SkippedDocument>()],
        };
    }

    private static BuildReportDocument Summarize(SourceDocument d) => new(
        d.File.Id,
        d.Title,
        d.Year,
        d.Paragraphs.Count(p => p.Kind == ParagraphKind.Paragraph),
        d.Paragraphs.Count(p => p.Kind == ParagraphKind.Heading),
        d.Paragraphs.Count(p => p.Kind == ParagraphKind.TableRow),
        d.File.Bytes);
}

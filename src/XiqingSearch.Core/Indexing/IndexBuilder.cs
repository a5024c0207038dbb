using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using XiqingSearch.Core.Analysis.SmartCn;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Results;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// Builds the on-disk index from the seeds folder. A build commits once, at the end, so Lucene's commit is the
/// atomic switch: a run that fails or is killed leaves the last good commit serving. Only files whose size or
/// hash changed since the last commit are re-analysed; a schema or catalogue change rebuilds everything.
/// </summary>
public static class IndexBuilder
{
    /// <summary>Builds (or, when <paramref name="force"/> is false and the index is current, keeps) the index.</summary>
    public static Result<BuildReport> Build(IndexOptions options, IProgress<IndexProgress>? progress = null,
        bool force = false, CancellationToken cancellationToken = default) =>
        Build(options, progress, force, BuildHooks.None, cancellationToken);

    /// <summary>Whether the index exists and matches the seeds it was built from.</summary>
    public static IndexState Check(IndexOptions options)
    {
        var manifest = ReadManifest(options.IndexDirectory, out var hasCommit);
        if (!hasCommit)
        {
            return IndexState.Missing;
        }
        if (manifest is null || manifest.Schema != IndexManifest.CurrentSchema)
        {
            return IndexState.Incompatible;
        }
        var files = CorpusReader.ListFiles(options.SeedsDirectory);
        if (!files.IsSuccess)
        {
            // The seeds are gone or unreadable: keep serving what was built from them.
            return IndexState.Current;
        }
        return manifest.Matches(files.Value, CorpusReader.CatalogFile(options.SeedsDirectory))
            ? IndexState.Current
            : IndexState.Stale;
    }

    internal static Result<BuildReport> Build(IndexOptions options, IProgress<IndexProgress>? progress, bool force,
        BuildHooks hooks, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();

        // Read and check every source first: a bad file refuses the whole run before the index is touched.
        var files = CorpusReader.ListFiles(options.SeedsDirectory);
        if (!files.IsSuccess)
        {
            return Result<BuildReport>.Fail(files.Problems);
        }
        var catalog = CorpusReader.CatalogFile(options.SeedsDirectory);
        var bytesTotal = files.Value.Sum(f => f.Bytes);
        progress?.Report(new IndexProgress("read", 0, files.Value.Count, 0, 0, bytesTotal, clock.Elapsed, null));
        var read = CorpusReader.ReadCorpus(options.SeedsDirectory, progress is null ? null : new Progress(p =>
            progress.Report(new IndexProgress("read", p.FilesDone, p.FilesTotal, p.ParagraphsSoFar, p.BytesDone,
                bytesTotal, clock.Elapsed, p.CurrentFile))));
        if (!read.IsSuccess)
        {
            return Result<BuildReport>.Fail(read.Problems);
        }
        var documents = read.Value.Documents;
        var skipped = read.Value.Skipped;

        var previous = ReadManifest(options.IndexDirectory, out _);
        var incremental = !force && previous is not null && previous.Schema == IndexManifest.CurrentSchema
            && Equals(previous.Catalog, catalog is null ? null : ManifestFile.Of(catalog));
        var known = incremental ? previous!.Files.ToHashSet() : [];
        var changed = documents.Where(d => !known.Contains(ManifestFile.Of(d.File))).ToList();
        var current = files.Value.Select(f => f.FileName).ToHashSet(StringComparer.Ordinal);
        var removed = incremental
            ? previous!.Files.Where(f => !current.Contains(f.Name)).Select(f => f.Name).ToList()
            : [];
        // A file that became unreadable leaves the index (its old text is not its content any more).
        var skippedFiles = files.Value.Where(f => skipped.Any(s => s.File == f.FileName)).ToList();
        if (incremental)
        {
            removed.AddRange(skippedFiles.Where(f => !known.Contains(ManifestFile.Of(f))).Select(f => f.FileName));
        }
        if (incremental && changed.Count == 0 && removed.Count == 0)
        {
            return new BuildReport
            {
                IndexDirectory = options.IndexDirectory,
                Documents = [.. documents.Select(Summarize)],
                Paragraphs = documents.Sum(d => d.Paragraphs.Count),
                InputBytes = 0,
                Elapsed = clock.Elapsed,
                IndexSizeBytes = IndexSize(options.IndexDirectory),
                ChangedFiles = [],
                Skipped = skipped,
                Rebuilt = false,
            };
        }

        SmartCnAnalyzer smartCn;
        try
        {
            // Load the dictionaries now, so a missing jar is reported before the writer is opened.
            smartCn = new SmartCnAnalyzer(SmartCnDictionary.Shared(IndexAnalyzers.SmartCnOptions(options)));
        }
        catch (XiqingException e)
        {
            return e.Problem;
        }

        System.IO.Directory.CreateDirectory(options.IndexDirectory);
        using var directory = FSDirectory.Open(options.IndexDirectory);
        using var analyzer = IndexAnalyzers.Create(smartCn);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = incremental ? OpenMode.CREATE_OR_APPEND : OpenMode.CREATE,
            RAMBufferSizeMB = 64,
            // One file per part, no compound files: searches read a commit from a memory copy, and reading a
            // compound file goes through one shared, locked input for every term lookup of every search.
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0.0 },
        };
        IndexWriter writer;
        try
        {
            writer = new IndexWriter(directory, config);
        }
        catch (LockObtainFailedException)
        {
            return new Problem(ProblemCodes.IndexBusy,
                $"Another build is writing the index in {options.IndexDirectory}; try again when it has finished.",
                options.IndexDirectory);
        }

        var committed = false;
        try
        {
            foreach (var name in removed)
            {
                writer.DeleteDocuments(new Term(FieldNames.Doc, Path.GetFileNameWithoutExtension(name)));
            }
            long bytesDone = 0;
            var paragraphs = 0;
            for (var i = 0; i < changed.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var document = changed[i];
                progress?.Report(new IndexProgress("index", i, changed.Count, paragraphs, bytesDone,
                    changed.Sum(d => d.File.Bytes), clock.Elapsed, document.File.FileName));
                if (incremental)
                {
                    writer.DeleteDocuments(new Term(FieldNames.Doc, document.File.Id));
                }
                writer.AddDocuments(document.Paragraphs.Select(p => ParagraphDocument.Create(document, p)));
                paragraphs += document.Paragraphs.Count;
                bytesDone += document.File.Bytes;
            }
            hooks.At?.Invoke("documents-added");
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new IndexProgress("commit", changed.Count, changed.Count, paragraphs, bytesDone,
                bytesDone, clock.Elapsed, null));
            writer.SetCommitData(IndexManifest.For(files.Value, catalog, DateTimeOffset.UtcNow, skipped).ToCommitData());
            hooks.At?.Invoke("before-commit");
            writer.Commit();
            committed = true;
        }
        finally
        {
            if (!committed)
            {
                // Drop everything of this run; the previous commit stays the index.
                writer.Rollback();
            }
            writer.Dispose();
        }

        return new BuildReport
        {
            IndexDirectory = options.IndexDirectory,
            Documents = [.. documents.Select(Summarize)],
            Paragraphs = documents.Sum(d => d.Paragraphs.Count),
            InputBytes = changed.Sum(d => d.File.Bytes),
            Elapsed = clock.Elapsed,
            IndexSizeBytes = IndexSize(options.IndexDirectory),
            ChangedFiles = [.. changed.Select(d => d.File.FileName).Concat(removed)],
            Skipped = skipped,
            Rebuilt = true,
        };
    }

    /// <summary>Bytes on disk of the files of the newest commit (0 when there is none).</summary>
    internal static long IndexSize(string indexDirectory)
    {
        if (!System.IO.Directory.Exists(indexDirectory))
        {
            return 0;
        }
        using var directory = FSDirectory.Open(indexDirectory);
        if (!DirectoryReader.IndexExists(directory))
        {
            return 0;
        }
        var infos = new SegmentInfos();
        infos.Read(directory);
        return infos.GetFiles(directory, includeSegmentsFile: true).Sum(directory.FileLength);
    }

    /// <summary>The manifest of the newest commit; <paramref name="hasCommit"/> tells whether there is a commit at all.</summary>
    internal static IndexManifest? ReadManifest(string indexDirectory, out bool hasCommit)
    {
        hasCommit = false;
        if (!System.IO.Directory.Exists(indexDirectory))
        {
            return null;
        }
        using LuceneDirectory directory = FSDirectory.Open(indexDirectory);
        if (!DirectoryReader.IndexExists(directory))
        {
            return null;
        }
        hasCommit = true;
        var infos = new SegmentInfos();
        infos.Read(directory);
        return IndexManifest.FromCommitData(infos.UserData);
    }

    private static BuildReportDocument Summarize(SourceDocument d) => new(
        d.File.Id,
        d.Title,
        d.Year,
        d.Paragraphs.Count(p => p.Kind == ParagraphKind.Paragraph),
        d.Paragraphs.Count(p => p.Kind == ParagraphKind.Heading),
        d.Paragraphs.Count(p => p.Kind == ParagraphKind.TableRow),
        d.File.Bytes);

    /// <summary>Forwards ingestion progress synchronously (System.Progress would post it to the thread pool).</summary>
    private sealed class Progress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}

using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using XiqingSearch.Core.Analysis.SmartCn;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Model;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// Builds the on-disk index from the seeds folder. A build commits once, at the end, so Lucene's commit is the
/// atomic switch: a run that fails or is killed leaves the last good commit serving. Sources stream into the
/// writer (<see cref="StreamingIndexer"/>: one file at a time per core, never the whole corpus in memory). Only
/// files whose size or hash changed since the last commit are re-analysed; a schema or catalogue change rebuilds
/// everything.
/// </summary>
public static class IndexBuilder
{
    /// <summary>
    /// Called with the build's options after each new commit, before the build reports: Search sets it to write
    /// the commit's analytics file (aggregates its answers would otherwise work out in every process). It must
    /// not throw; the commit is already made.
    /// </summary>
    internal static Action<IndexOptions>? AfterCommit { get; set; }

    /// <summary>Builds (or, when <paramref name="force"/> is false and the index is current, keeps) the index.</summary>
    public static Result<BuildReport> Build(IndexOptions options, IProgress<IndexProgress>? progress = null,
        bool force = false, CancellationToken cancellationToken = default) =>
        Build(options, progress, force, BuildHooks.None, cancellationToken);

    /// <summary>Whether the index exists and matches the seeds it was built from.</summary>
    public static IndexState Check(IndexOptions options)
    {
        var manifest = ReadManifest(options.IndexDirectory, out var hasCommit);
        return Check(options, CorpusReader.ListFiles(options.SeedsDirectory, manifest?.KnownSources()), manifest, hasCommit);
    }

    /// <summary>
    /// <see cref="Check(IndexOptions)"/> against the newest commit's manifest (<see cref="ReadManifest"/>) and a
    /// listing already made with it (<see cref="CorpusReader.ListFiles"/>), so a caller that goes on to build lists
    /// the sources once, and hashes only those whose size or time changed since that commit.
    /// </summary>
    internal static IndexState Check(IndexOptions options, Result<IReadOnlyList<SourceFile>> files, IndexManifest? manifest,
        bool hasCommit)
    {
        if (!hasCommit)
        {
            return IndexState.Missing;
        }
        if (manifest is null || manifest.Schema != IndexManifest.CurrentSchema)
        {
            return IndexState.Incompatible;
        }
        if (!files.IsSuccess)
        {
            // The seeds folder is gone or empty: keep serving what was built from it. (A bad entry in it is listed
            // and skipped by the build, so it never fails the listing.)
            return files.Problems.All(p => p.Code is ProblemCodes.SeedsFolderMissing or ProblemCodes.SeedsFolderEmpty)
                ? IndexState.Current
                : IndexState.Stale;
        }
        return manifest.Matches(files.Value, CorpusReader.CatalogFile(options.SeedsDirectory))
            && manifest.Ocr == IndexManifest.OcrSetting(options.Ocr)
            ? IndexState.Current
            : IndexState.Stale;
    }

    /// <summary>True for a source whose text may depend on OCR: a PDF (scanned pages) or an image.</summary>
    private static bool ReadsDifferentlyWithOcr(string fileName) =>
        fileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || Ingestion.Ocr.ImageReader.Handles(fileName);

    internal static Result<BuildReport> Build(IndexOptions options, IProgress<IndexProgress>? progress, bool force,
        BuildHooks hooks, CancellationToken cancellationToken) =>
        Build(options, CorpusReader.ListFiles(options.SeedsDirectory), progress, force, hooks, cancellationToken);

    /// <summary>
    /// Builds from a listing of the sources already made (names, sizes, hashes), so a caller that checked the
    /// index first does not list and hash the sources again.
    /// </summary>
    internal static Result<BuildReport> Build(IndexOptions options, Result<IReadOnlyList<SourceFile>> files,
        IProgress<IndexProgress>? progress, bool force, BuildHooks hooks, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();

        // The sources are listed (names, sizes, hashes); here the catalogue is read; the sources themselves are read
        // one at a time while they are indexed, so memory does not grow with the corpus. A bad file found on the
        // way is skipped and named, a bad catalogue named and left out; only a missing folder, or one where nothing
        // can be read, refuses the run (and the last good commit stays the index).
        if (!files.IsSuccess)
        {
            return Result<BuildReport>.Fail(files.Problems);
        }
        var catalogFile = CorpusReader.CatalogFile(options.SeedsDirectory);
        var warnings = new List<string>();
        var catalog = Catalog.LoadOrWarn(options.SeedsDirectory, warnings);
        var bytesTotal = files.Value.Sum(f => f.Bytes);
        progress?.Report(new IndexProgress("read", 0, files.Value.Count, 0, 0, bytesTotal, clock.Elapsed, null));

        // From here to the commit this process is the folder's only writer (other processes wait or are refused).
        var acquired = BuildLock.Acquire(options.IndexDirectory, options.BuildLockWait, options.OnBuildLockWait,
            cancellationToken);
        if (!acquired.IsSuccess)
        {
            return Result<BuildReport>.Fail(acquired.Problems);
        }
        using var buildLock = acquired.Value;
        // This build's OCR pages, counted apart from other builds sharing the process's OCR engine.
        int recognized = 0, fromCache = 0, skipped = 0;
        using var ocrPages = Ingestion.Ocr.OcrEngine.Observe(page => Interlocked.Increment(
            ref page.Skipped is not null ? ref skipped : ref page.FromCache ? ref fromCache : ref recognized));
        try
        {
            var built = BuildLocked(options, progress, force, hooks, clock, files.Value, catalogFile, catalog, cancellationToken);
            return built.IsSuccess
                ? built.Value with
                {
                    Warnings = warnings,
                    OcrPagesRecognized = recognized,
                    OcrPagesFromCache = fromCache,
                    OcrPagesSkipped = skipped,
                }
                : built;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Disk full, a folder made read-only during the build, …: the previous commit is untouched.
            return new Problem(ProblemCodes.IndexWriteFailed,
                IndexMessages.WriteFailed(options.IndexDirectory, e.Message),
                options.IndexDirectory);
        }
    }

    private static Result<BuildReport> BuildLocked(IndexOptions options, IProgress<IndexProgress>? progress, bool force,
        BuildHooks hooks, Stopwatch clock, IReadOnlyList<SourceFile> sourceFiles, SourceFile? catalogFile, Catalog? catalog,
        CancellationToken cancellationToken)
    {
        var files = Result<IReadOnlyList<SourceFile>>.Ok(sourceFiles);
        var previous = ReadManifest(options.IndexDirectory, out _);
        var incremental = !force && previous is not null && previous.Schema == IndexManifest.CurrentSchema
            && Equals(previous.Catalog, catalogFile is null ? null : ManifestFile.Of(catalogFile));
        var known = incremental ? previous!.Files.ToHashSet() : [];
        var changed = files.Value.Where(f => !known.Contains(ManifestFile.Of(f))).ToList();
        var current = files.Value.Select(f => f.FileName).ToHashSet(StringComparer.Ordinal);
        var removed = incremental
            ? previous!.Files.Where(f => !current.Contains(f.Name)).Select(f => f.Name).ToList()
            : [];
        if (incremental && (changed.Count > 0 || removed.Count > 0) && previous!.Copies.Count > 0)
        {
            // A file left out as a copy last time is read again whenever anything changed: the file it copied may
            // be the one that changed or went, and then it is the one to index.
            var copies = previous.Copies.ToHashSet(StringComparer.Ordinal);
            changed = [.. files.Value.Where(f => !known.Contains(ManifestFile.Of(f)) || copies.Contains(f.FileName))];
        }
        var ocrSetting = IndexManifest.OcrSetting(options.Ocr);
        var ocrChanged = incremental && previous!.Ocr != ocrSetting;
        if (ocrChanged)
        {
            // OCR turned on or off (or other languages): only PDFs and images can read differently; the rest stays.
            changed = [.. files.Value.Where(f => !known.Contains(ManifestFile.Of(f)) || ReadsDifferentlyWithOcr(f.FileName)
                || previous!.Copies.Contains(f.FileName))];
        }
        if (incremental && changed.Count == 0 && removed.Count == 0 && !ocrChanged)
        {
            // Nothing to write; the report still describes every document, so read them (without a writer).
            var unchanged = StreamingIndexer.Run(files.Value, catalog, new HashSet<string>(), writer: null, incremental, progress, clock,
                cancellationToken, options.IngestLimits, Ingestion.Ocr.OcrEngine.For(options.Ocr), mergeCopies: !options.KeepCopiesApart);
            if (unchanged.Documents.Count == 0)
            {
                return NothingReadable(options, unchanged.Skipped);
            }
            return new BuildReport
            {
                IndexDirectory = options.IndexDirectory,
                Documents = unchanged.Documents,
                Paragraphs = unchanged.Paragraphs,
                InputBytes = 0,
                Elapsed = clock.Elapsed,
                IndexSizeBytes = IndexSize(options.IndexDirectory),
                ChangedFiles = [],
                Skipped = unchanged.Skipped,
                Copies = unchanged.CopyFiles,
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
            // Shared by the indexing threads: when the buffered documents pass it, the largest thread's segment
            // is flushed, so the writer's memory stays bounded however large the corpus.
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
            return new Problem(ProblemCodes.IndexBusy, IndexMessages.Busy(options.IndexDirectory), options.IndexDirectory);
        }

        var committed = false;
        StreamingIndexer.Outcome outcome;
        try
        {
            foreach (var name in removed)
            {
                writer.DeleteDocuments(new Term(FieldNames.Doc, SourceFile.IdOf(name)));
            }
            outcome = StreamingIndexer.Run(files.Value, catalog, changed.Select(f => f.FileName).ToHashSet(StringComparer.Ordinal),
                writer, incremental, progress, clock, cancellationToken, options.IngestLimits, Ingestion.Ocr.OcrEngine.For(options.Ocr), mergeCopies: !options.KeepCopiesApart);
            if (outcome.Documents.Count == 0)
            {
                return NothingReadable(options, outcome.Skipped);
            }
            hooks.At?.Invoke("documents-added");
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new IndexProgress("commit", changed.Count, changed.Count, outcome.Paragraphs, outcome.BytesIndexed,
                outcome.BytesIndexed, clock.Elapsed, null));
            writer.SetCommitData((IndexManifest.For(files.Value, catalogFile, DateTimeOffset.UtcNow, outcome.Skipped) with
            {
                Copies = outcome.CopyFiles,
                Ocr = ocrSetting,
            }).ToCommitData());
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

        // What the layers above write beside the new commit (the analytics file), while this build still holds
        // the folder: optional, so whatever happens there the commit stands.
        AfterCommit?.Invoke(options);

        return new BuildReport
        {
            IndexDirectory = options.IndexDirectory,
            Documents = outcome.Documents,
            Paragraphs = outcome.Paragraphs,
            InputBytes = outcome.BytesIndexed,
            Elapsed = clock.Elapsed,
            IndexSizeBytes = IndexSize(options.IndexDirectory),
            ChangedFiles = [.. changed.Select(f => f.FileName).Concat(removed)],
            Skipped = outcome.Skipped,
            Copies = outcome.CopyFiles,
            Rebuilt = true,
        };
    }

    /// <summary>Nothing could be read: a failure naming every skipped file, so nothing half-empty is committed.</summary>
    private static Result<BuildReport> NothingReadable(IndexOptions options, IReadOnlyList<SkippedDocument> skipped) =>
        Result<BuildReport>.Fail([
            new Problem(ProblemCodes.SeedsFolderEmpty, IngestMessages.NothingReadable(options.SeedsDirectory, skipped.Count),
                options.SeedsDirectory),
            .. skipped.Select(s => new Problem(s.Code, s.ToString(), Path.Combine(options.SeedsDirectory, s.File))),
        ]);

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
}

using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace XiqingSearch.Core.Search.Commit;

/// <summary>
/// Opens the newest commit of the index folder for searching. A commit up to <see cref="InMemoryLimitBytes"/> is
/// copied into memory first (<see cref="MemoryCommitDirectory"/>, one array per file): searching a memory copy
/// avoids the memory-mapped inputs' per-clone bookkeeping (a weak map under a lock, on every term lookup) and
/// their bounds-checked reads, which halves the tail latency of a search and takes 20–30% off every search of
/// the 1,000-copy archive (a 590 MB commit). Larger commits are searched memory-mapped in place. The files of a
/// commit never change, so a copy is exact; a build may delete them while they are being copied, in which case
/// the newer commit is read instead.
/// </summary>
internal static class CommitLoader
{
    /// <summary>
    /// Largest commit searched from memory: an eighth of the memory this process may use (the machine's, or the
    /// container's limit), and at least 256 MB. While a new commit replaces the old one both copies are held, so
    /// the bound keeps that moment to a quarter. The seeds' index is about 1 MB, 100 copies about 70 MB.
    /// </summary>
    public static long InMemoryLimitBytes { get; } =
        Math.Max(256L * 1024 * 1024, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 8);

    private const int Attempts = 5;

    public static TableSearcher Open(FSDirectory folder)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return OpenOnce(folder);
            }
            catch (IOException) when (attempt < Attempts)
            {
                // A build replaced the commit while it was being read: read the new one.
                Thread.Sleep(20 * attempt);
            }
        }
    }

    /// <summary>The generation of the newest commit in the folder (-1 when there is none).</summary>
    public static long LatestGeneration(FSDirectory folder) => SegmentInfos.GetLastCommitGeneration(folder);

    private static TableSearcher OpenOnce(FSDirectory folder)
    {
        var infos = new SegmentInfos();
        infos.Read(folder);
        var files = infos.GetFiles(folder, includeSegmentsFile: true);
        if (files.Sum(folder.FileLength) > InMemoryLimitBytes)
        {
            return new TableSearcher(DirectoryReader.Open(folder), infos.Generation);
        }
        var memory = new MemoryCommitDirectory();
        try
        {
            foreach (var file in files)
            {
                memory.CopyFrom(folder, file);
            }
            var reader = DirectoryReader.Open(memory);
            reader.AddReaderDisposedListener(new DisposeWhenClosed(memory));
            return new TableSearcher(reader, infos.Generation);
        }
        catch
        {
            memory.Dispose();
            throw;
        }
    }

    /// <summary>Frees a commit's memory copy when the last search using it has finished.</summary>
    private sealed class DisposeWhenClosed(LuceneDirectory directory) : IReaderDisposedListener
    {
        public void OnDispose(IndexReader reader) => directory.Dispose();
    }
}

using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace XiqingSearch.Core.Search.Commit;

/// <summary>
/// Opens the newest commit of the index folder for searching, its files mapped into memory
/// (<see cref="MemoryCommitDirectory"/>): nothing is copied, so opening takes milliseconds at any size and the
/// process holds only the pages searches touch (shared with the page cache), where a copy into arrays took
/// seconds at the 1,000-copy archive (a 580 MB commit) and held it twice while it was made. A build may delete the
/// commit's files while they are being mapped, in which case the newer commit is read instead.
/// </summary>
internal static class CommitLoader
{
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
        var mapped = new MemoryCommitDirectory();
        try
        {
            foreach (var file in infos.GetFiles(folder, includeSegmentsFile: true))
            {
                mapped.Map(folder.Directory.FullName, file);
            }
            var reader = DirectoryReader.Open(mapped);
            reader.AddReaderDisposedListener(new DisposeWhenClosed(mapped));
            return new TableSearcher(reader, infos.Generation);
        }
        catch
        {
            mapped.Dispose();
            throw;
        }
    }

    /// <summary>Lets a commit's mappings go when the last search using it has finished.</summary>
    private sealed class DisposeWhenClosed(LuceneDirectory directory) : IReaderDisposedListener
    {
        public void OnDispose(IndexReader reader) => directory.Dispose();
    }
}

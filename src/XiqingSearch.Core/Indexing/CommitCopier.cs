using Lucene.Net.Index;
using Lucene.Net.Store;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// Feeds a read replica: copies the newest commit of an index folder into another folder that servers search.
/// Lucene never changes a file once written, and a reader finds a commit through its <c>segments_N</c> file, so
/// the segment files go first and <c>segments_N</c> last (under a temporary name, then renamed): a server
/// refreshing meanwhile sees the previous commit or the complete new one, never part of one. Files only the
/// replica's older commits used are deleted afterwards, except those of the commit it served until now, which
/// searches in flight may still read.
/// </summary>
public static class CommitCopier
{
    private const int Attempts = 5;

    /// <summary>Copies the newest commit of <paramref name="source"/> into <paramref name="target"/>; returns its generation.</summary>
    public static long CopyLatest(string source, string target)
    {
        System.IO.Directory.CreateDirectory(target);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return CopyOnce(source, target);
            }
            catch (IOException) when (attempt < Attempts)
            {
                // The indexer committed again and deleted a file of the commit being copied: copy the newer one.
                Thread.Sleep(50 * attempt);
            }
        }
    }

    private static long CopyOnce(string source, string target)
    {
        using var from = FSDirectory.Open(source);
        using var to = FSDirectory.Open(target);
        var infos = new SegmentInfos();
        infos.Read(from);
        var previous = DirectoryReader.IndexExists(to) ? Files(to) : [];

        var segmentsFile = infos.GetSegmentsFileName();
        var files = infos.GetFiles(from, includeSegmentsFile: false);
        foreach (var file in files)
        {
            var path = Path.Combine(target, file);
            // Same name and length is the same file: a Lucene file name is never reused for other content.
            if (!File.Exists(path) || new FileInfo(path).Length != from.FileLength(file))
            {
                CopyAtomically(Path.Combine(source, file), path);
            }
        }
        CopyAtomically(Path.Combine(source, segmentsFile), Path.Combine(target, segmentsFile));

        var keep = new HashSet<string>(files, StringComparer.Ordinal) { segmentsFile };
        keep.UnionWith(previous);
        foreach (var path in System.IO.Directory.EnumerateFiles(target))
        {
            var name = Path.GetFileName(path);
            if (!keep.Contains(name) && IsIndexFile(name))
            {
                TryDelete(path);
            }
        }
        return infos.Generation;
    }

    /// <summary>The files of the folder's newest commit, segments_N included.</summary>
    private static HashSet<string> Files(FSDirectory directory)
    {
        var infos = new SegmentInfos();
        infos.Read(directory);
        return new HashSet<string>(infos.GetFiles(directory, includeSegmentsFile: true), StringComparer.Ordinal);
    }

    private static void CopyAtomically(string from, string to)
    {
        var temporary = to + ".copying";
        File.Copy(from, temporary, overwrite: true);
        File.Move(temporary, to, overwrite: true);
    }

    /// <summary>Lucene's files (segments, segment parts); other files in the folder (the SmartCn cache) stay.</summary>
    private static bool IsIndexFile(string name) =>
        name.StartsWith('_') || name.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still open (Windows): the next copy deletes it.
        }
    }
}

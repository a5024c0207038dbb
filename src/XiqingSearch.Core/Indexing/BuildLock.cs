using System.Diagnostics;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// The exclusive, cross-process lock a build holds on its index folder from before it reads the last commit's
/// manifest until after it has committed, so two builds never write one folder at once. It is the file
/// <c>build.lock</c> in the index folder opened with <see cref="FileShare.None"/>: on Linux and macOS .NET takes an
/// exclusive <c>flock</c> for that share mode (Lucene.Net's own <c>write.lock</c> takes a shared one, which lets a
/// second writer in), on Windows the share mode itself excludes every other opener. The OS drops the lock when
/// the process dies, so a killed build never leaves the folder locked.
/// Before taking the lock it makes sure the folder can exist and be written, so a read-only folder, a file in the
/// folder's place or an unwritable parent is reported as what it is rather than as "busy".
/// </summary>
internal sealed class BuildLock : IDisposable
{
    /// <summary>The lock file's name inside the index folder (Lucene ignores files it did not name).</summary>
    public const string FileName = "build.lock";

    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _stream;

    private BuildLock(FileStream stream) => _stream = stream;

    /// <summary>
    /// Takes the lock on <paramref name="indexDirectory"/> (creating the folder if needed), waiting up to
    /// <paramref name="wait"/> for a build that holds it; <paramref name="waiting"/> is told once when waiting starts.
    /// </summary>
    public static Result<BuildLock> Acquire(string indexDirectory, TimeSpan wait, Action<string>? waiting = null,
        CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(indexDirectory);
        var prepared = PrepareFolder(folder);
        if (prepared is not null)
        {
            return prepared;
        }
        var path = Path.Combine(folder, FileName);
        var clock = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None,
                    bufferSize: 1, FileOptions.None);
                // The lock file may be writable in a folder that is not (left by an earlier build): check the folder.
                var writable = CheckWritable(folder);
                if (writable is not null)
                {
                    stream.Dispose();
                    return writable;
                }
                return new BuildLock(stream);
            }
            catch (UnauthorizedAccessException e)
            {
                return ReadOnly(folder, e);
            }
            catch (IOException) when (clock.Elapsed < wait)
            {
                // Held by another build: wait for it to commit (or die), then build on its commit.
                if (!told)
                {
                    waiting?.Invoke(IndexMessages.WaitingForBuild(folder));
                    told = true;
                }
                Thread.Sleep(s_poll);
            }
            catch (IOException)
            {
                return new Problem(ProblemCodes.IndexBusy, IndexMessages.Busy(folder), folder);
            }
        }
    }

    /// <summary>Releases the lock (the file stays: deleting it could let a third build lock a different file).</summary>
    public void Dispose() => _stream.Dispose();

    private static Problem? PrepareFolder(string folder)
    {
        if (File.Exists(folder))
        {
            return new Problem(ProblemCodes.IndexPathIsFile, IndexMessages.PathIsFile(folder), folder);
        }
        if (Directory.Exists(folder))
        {
            return null;
        }
        try
        {
            Directory.CreateDirectory(folder);
            return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            var parent = Path.GetDirectoryName(folder) ?? folder;
            return new Problem(ProblemCodes.IndexCannotCreate, IndexMessages.CannotCreate(folder, IndexMessages.CauseOf(e), parent), folder);
        }
    }

    private static Problem? CheckWritable(string folder)
    {
        var probe = Path.Combine(folder, $".write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            return ReadOnly(folder, e);
        }
        catch (IOException e)
        {
            return ReadOnly(folder, e);
        }
    }

    private static Problem ReadOnly(string folder, Exception e) =>
        new(ProblemCodes.IndexReadOnly, IndexMessages.ReadOnly(folder, IndexMessages.CauseOf(e)), folder);
}

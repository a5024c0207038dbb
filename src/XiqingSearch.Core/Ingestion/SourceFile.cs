namespace XiqingSearch.Core.Ingestion;

/// <summary>A file found in the seeds folder (or a folder under it), identified by the hash of its raw bytes.</summary>
/// <param name="Path">Full path.</param>
/// <param name="FileName">Path relative to the seeds folder, <c>/</c>-separated, with extension (the bare file name
/// for a file directly in it); the key of manifests and stamps.</param>
/// <param name="Id"><paramref name="FileName"/> without its extension (<see cref="IdOf"/>); the <c>doc</c> facet.</param>
/// <param name="Bytes">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the raw bytes, lower-case hex.</param>
/// <param name="Stamp">The file's last-write time (UTC ticks) when the listing found it at least
/// <see cref="KnownSource.SafeAge"/> old, else null (see <see cref="KnownSource"/>).</param>
public sealed record SourceFile(string Path, string FileName, string Id, long Bytes, string Sha256, long? Stamp = null)
{
    /// <summary>
    /// Why the listing could not open this entry (a FIFO, a dangling or looping link, no permission), or null for a
    /// file that can be read. Such an entry is listed (so the manifest notices when it is fixed) and skipped.
    /// </summary>
    public SkippedDocument? Unreadable { get; init; }

    /// <summary>The document id of a relative path: the path without the extension of its last part.</summary>
    public static string IdOf(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var slash = relativePath.LastIndexOf('/');
        var dot = relativePath.LastIndexOf('.');
        return dot > slash + 1 ? relativePath[..dot] : relativePath;
    }
}

/// <summary>
/// What an earlier listing learnt of a file, so the next listing can skip reading and hashing it: when a file
/// has the same size and the same last-write time as then, its hash is taken as unchanged (the quick check git
/// and rsync make). A stamp is only recorded for a file already <see cref="SafeAge"/> old when it was listed: any
/// later write then moves the time, even on file systems that keep it to two seconds. A file written just before
/// its listing, or reached through a link (whose own time does not follow its target), has no stamp and is hashed
/// every time.
/// </summary>
/// <param name="Bytes">Size in bytes then.</param>
/// <param name="Stamp">Last-write time then (UTC ticks).</param>
/// <param name="Sha256">Hash of the bytes then.</param>
public sealed record KnownSource(long Bytes, long Stamp, string Sha256)
{
    /// <summary>How old a file must be for its last-write time to be trusted next time.</summary>
    public static readonly TimeSpan SafeAge = TimeSpan.FromSeconds(3);
}

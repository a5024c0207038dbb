namespace XiqingSearch.Core.Ingestion;

/// <summary>A file found in the seeds folder, identified by the hash of its raw bytes.</summary>
/// <param name="Path">Full path.</param>
/// <param name="FileName">File name with extension.</param>
/// <param name="Id">File name without extension; the <c>doc</c> facet.</param>
/// <param name="Bytes">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the raw bytes, lower-case hex.</param>
/// <param name="Stamp">The file's last-write time (UTC ticks) when the listing found it at least
/// <see cref="KnownSource.SafeAge"/> old, else null (see <see cref="KnownSource"/>).</param>
public sealed record SourceFile(string Path, string FileName, string Id, long Bytes, string Sha256, long? Stamp = null);

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

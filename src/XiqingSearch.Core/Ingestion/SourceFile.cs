namespace XiqingSearch.Core.Ingestion;

/// <summary>A file found in the seeds folder, identified by the hash of its raw bytes.</summary>
/// <param name="Path">Full path.</param>
/// <param name="FileName">File name with extension.</param>
/// <param name="Id">File name without extension; the <c>doc</c> facet.</param>
/// <param name="Bytes">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the raw bytes, lower-case hex.</param>
public sealed record SourceFile(string Path, string FileName, string Id, long Bytes, string Sha256);

namespace XiqingSearch.Core.Search.Model;

/// <summary>A document's source file (or a copy of it) in the seeds folder.</summary>
/// <param name="FileName">Its name as the index holds it (relative to the seeds folder).</param>
/// <param name="Path">Its full path.</param>
public sealed record OriginalFile(string FileName, string Path);

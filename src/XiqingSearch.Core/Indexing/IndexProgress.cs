namespace XiqingSearch.Core.Indexing;

/// <summary>Progress of a build, reported after each file and at the commit.</summary>
public readonly record struct IndexProgress(
    string Stage,
    int FilesDone,
    int FilesTotal,
    int Paragraphs,
    long BytesDone,
    long BytesTotal,
    TimeSpan Elapsed,
    string? CurrentFile);

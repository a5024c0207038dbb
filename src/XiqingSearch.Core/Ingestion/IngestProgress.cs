namespace XiqingSearch.Core.Ingestion;

/// <summary>Reported by <see cref="CorpusReader.ReadAll"/> after each file.</summary>
/// <param name="FilesDone">Files read so far.</param>
/// <param name="FilesTotal">Files to read.</param>
/// <param name="ParagraphsSoFar">Paragraphs produced so far.</param>
/// <param name="BytesDone">Bytes read so far.</param>
/// <param name="CurrentFile">The file just read.</param>
public readonly record struct IngestProgress(
    int FilesDone,
    int FilesTotal,
    int ParagraphsSoFar,
    long BytesDone,
    string CurrentFile);

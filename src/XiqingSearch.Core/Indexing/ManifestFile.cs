using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Indexing;

/// <summary>One source file as a manifest records it.</summary>
internal sealed record ManifestFile(string Name, long Bytes, string Sha256)
{
    public static ManifestFile Of(SourceFile file) => new(file.FileName, file.Bytes, file.Sha256);
}

using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Indexing;

/// <summary>One source file as a manifest records it.</summary>
internal sealed record ManifestFile(string Name, long Bytes, string Sha256)
{
    /// <summary>
    /// The manifest line of <paramref name="file"/>. A tab or line break in a path (nothing refuses such a name)
    /// would split the manifest's lines, so they are escaped; such a file is then hashed at every listing.
    /// </summary>
    public static ManifestFile Of(SourceFile file) => new(Escape(file.FileName), file.Bytes, file.Sha256);

    private static string Escape(string name) =>
        name.AsSpan().IndexOfAny('\t', '\n', '\r') < 0
            ? name
            : name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
                .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}

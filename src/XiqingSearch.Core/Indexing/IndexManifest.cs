using System.Text.Json;
using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// What a commit was built from, stored in the commit's user data so that it switches atomically with the
/// index itself: the schema version, the build time and every source file's name, size and hash.
/// Search compares it with the seeds folder to tell when the index is stale.
/// </summary>
internal sealed record IndexManifest
{
    /// <summary>
    /// Bumped whenever fields, analysis or paragraph rules change, so an old index is rebuilt, never misread.
    /// </summary>
    public const string CurrentSchema = "xiqing-4";

    private const string SchemaKey = "xiqing.schema";
    private const string ManifestKey = "xiqing.manifest";

    public required string Schema { get; init; }

    public required DateTimeOffset BuiltAt { get; init; }

    public required IReadOnlyList<ManifestFile> Files { get; init; }

    /// <summary>The catalogue file, when the seeds folder has one.</summary>
    public ManifestFile? Catalog { get; init; }

    public static IndexManifest For(IReadOnlyList<SourceFile> files, SourceFile? catalog, DateTimeOffset builtAt) => new()
    {
        Schema = CurrentSchema,
        BuiltAt = builtAt,
        Files = [.. files.Select(ManifestFile.Of)],
        Catalog = catalog is null ? null : ManifestFile.Of(catalog),
    };

    public IDictionary<string, string> ToCommitData() => new Dictionary<string, string>
    {
        [SchemaKey] = Schema,
        [ManifestKey] = JsonSerializer.Serialize(this),
    };

    /// <summary>Reads the manifest of a commit; null when the commit was not written by XiqingSearch.</summary>
    public static IndexManifest? FromCommitData(IDictionary<string, string> data)
    {
        if (!data.TryGetValue(ManifestKey, out var json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<IndexManifest>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when the seeds are exactly the files this commit was built from.</summary>
    public bool Matches(IReadOnlyList<SourceFile> files, SourceFile? catalog) =>
        Files.SequenceEqual(files.Select(ManifestFile.Of))
        && Equals(Catalog, catalog is null ? null : ManifestFile.Of(catalog));
}

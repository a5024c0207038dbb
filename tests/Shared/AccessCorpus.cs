namespace XiqingSearch.Testing;

/// <summary>
/// The repository's seeds laid out for the access tests, in a temp folder: <c>full/</c> with one seed moved into
/// <c>internal/</c> (a folder rule gives it to <see cref="FolderGroup"/>) and one kept for
/// <see cref="DocumentGroup"/> by its own rule; and, for each caller, the seeds an index without the documents
/// that caller may not see is built from (the same files and metadata, the others left out, no access rules).
/// </summary>
internal sealed class AccessCorpus : IDisposable
{
    /// <summary>The group of the folder rule, a Chinese name as a sign-on gives it.</summary>
    public const string FolderGroup = "规划科";

    /// <summary>The group of the document rule.</summary>
    public const string DocumentGroup = "xq-planning";

    /// <summary>The seed moved into <c>internal/</c>; its id there is <see cref="FolderDoc"/>.</summary>
    public const string FolderSeed = "003_7844a359d923be1e";

    /// <summary>The seed with a rule of its own.</summary>
    public const string DocumentDoc = "001_f16b77e1b112afd0";

    public const string FolderDoc = "internal/" + FolderSeed;

    /// <summary>
    /// The catalogue: access rules only (a rule on a document the reference seeds lack is simply unused), and one
    /// metadata correction, so the catalogue is also part of what the text index depends on.
    /// </summary>
    public const string Catalog = """
        {
          "documents": {
            "001_f16b77e1b112afd0": { "access": ["xq-planning"] },
            "000_313d8db390bab93c": { "issuer": "天津市西青区人民政府", "access": ["public"] }
          },
          "folders": { "internal/": { "access": ["规划科"] } }
        }
        """;

    /// <summary>The same catalogue without its access rules: the reference indexes' (answered to anyone).</summary>
    public const string CatalogWithoutRules = """
        { "documents": { "000_313d8db390bab93c": { "issuer": "天津市西青区人民政府" } } }
        """;

    public AccessCorpus()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "xiqing-access-" + Guid.NewGuid().ToString("N"));
        Full = Make("full", withFolderDoc: true, withDocumentDoc: true);
        WithoutBoth = Make("without-both", withFolderDoc: false, withDocumentDoc: false);
        WithoutDocumentDoc = Make("without-document-doc", withFolderDoc: true, withDocumentDoc: false);
        WithoutFolderDoc = Make("without-folder-doc", withFolderDoc: false, withDocumentDoc: true);
    }

    public string Root { get; }

    /// <summary>Seeds folders.</summary>
    public string Full { get; }

    public string WithoutBoth { get; }

    public string WithoutDocumentDoc { get; }

    public string WithoutFolderDoc { get; }

    /// <summary>An index folder under the root for <paramref name="name"/>.</summary>
    public string IndexFolder(string name) => System.IO.Path.Combine(Root, "index-" + name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }

    private string Make(string name, bool withFolderDoc, bool withDocumentDoc)
    {
        var seeds = System.IO.Path.Combine(Root, name);
        Directory.CreateDirectory(System.IO.Path.Combine(seeds, "internal"));
        foreach (var file in Directory.GetFiles(RepositoryRoot.Seeds, "*.txt"))
        {
            var id = System.IO.Path.GetFileNameWithoutExtension(file);
            string? target = id switch
            {
                FolderSeed => withFolderDoc ? System.IO.Path.Combine(seeds, "internal", id + ".txt") : null,
                DocumentDoc => withDocumentDoc ? System.IO.Path.Combine(seeds, id + ".txt") : null,
                _ => System.IO.Path.Combine(seeds, id + ".txt"),
            };
            if (target is not null)
            {
                File.Copy(file, target);
                File.SetAttributes(target, FileAttributes.Normal);
            }
        }
        File.WriteAllText(System.IO.Path.Combine(seeds, "catalog.json"), name == "full" ? Catalog : CatalogWithoutRules);
        return seeds;
    }
}

using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Tests.Ingestion;

namespace XiqingSearch.Core.Tests.Indexing;

/// <summary>A temp seeds folder (a copy of the real seeds, or files a test writes) and a temp index folder.</summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace(bool copySeeds = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "xiqing-index-tests-" + Guid.NewGuid().ToString("N"));
        Seeds = Path.Combine(Root, "seeds");
        Index = Path.Combine(Root, "index");
        Directory.CreateDirectory(Seeds);
        if (copySeeds)
        {
            foreach (var file in Directory.GetFiles(SeedsFolder.Path))
            {
                File.Copy(file, Path.Combine(Seeds, Path.GetFileName(file)));
            }
        }
        Options = new IndexOptions { IndexDirectory = Index, SeedsDirectory = Seeds };
    }

    public string Root { get; }

    public string Seeds { get; }

    public string Index { get; }

    public IndexOptions Options { get; }

    public string SeedPath(int index) => Directory.GetFiles(Seeds, "*.txt").Order(StringComparer.Ordinal).ElementAt(index);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

namespace XiqingSearch.Core.Tests.Ingestion;

/// <summary>Finds the repository's seeds folder by walking up to the folder that holds XiqingSearch.sln.</summary>
internal static class SeedsFolder
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "XiqingSearch.sln")))
        {
            directory = directory.Parent;
        }
        return directory is null
            ? throw new InvalidOperationException("XiqingSearch.sln not found above " + AppContext.BaseDirectory)
            : System.IO.Path.Combine(directory.FullName, "seeds");
    }
}

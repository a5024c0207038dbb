namespace XiqingSearch.Testing;

/// <summary>
/// The repository's root folder (the one holding XiqingSearch.sln), for tests and benchmarks that read the seeds
/// or start the peer. Compiled into every project under tests/ (tests/Directory.Build.props).
/// </summary>
internal static class RepositoryRoot
{
    /// <summary>Found by walking up from the program's folder, then from the current folder.</summary>
    public static string Path { get; } = Find();

    /// <summary>The project's copy of the seed documents.</summary>
    public static string Seeds => System.IO.Path.Combine(Path, "seeds");

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "XiqingSearch.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException("XiqingSearch.sln not found above " + AppContext.BaseDirectory);
    }
}

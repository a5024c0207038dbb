namespace XiqingSearch.Cli.Tests;

/// <summary>
/// A temporary working directory holding a writable copy of the repository's <c>seeds/</c>; the index goes to
/// <c>index/</c> beside it, the CLI's defaults. Deleted on dispose.
/// </summary>
public sealed class TempCorpus : IDisposable
{
    public TempCorpus()
    {
        Root = Path.Combine(Path.GetTempPath(), "xiqing-cli-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Seeds);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "seeds")))
        {
            var target = Path.Combine(Seeds, Path.GetFileName(file));
            File.Copy(file, target);
            // The repository's seeds are read-only; tests edit their copies.
            File.SetAttributes(target, FileAttributes.Normal);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
        }
    }

    /// <summary>The working directory.</summary>
    public string Root { get; }

    /// <summary>The seeds copy.</summary>
    public string Seeds => Path.Combine(Root, "seeds");

    /// <summary>The default index folder.</summary>
    public string Index => Path.Combine(Root, "index");

    /// <summary>The folder holding XiqingSearch.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Runs xiqing in <see cref="Root"/>.</summary>
    public CliRun Run(params string[] args) => CliRunner.Run(Root, args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process that outlived its test may still hold a file; the OS cleans the temp folder.
        }
    }

    private static string FindRepositoryRoot() => Testing.RepositoryRoot.Path;
}

namespace XiqingSearch.Cli.Tests;

/// <summary>A corpus whose index is built once (by <c>xiqing index</c>) and shared by a test class.</summary>
public sealed class BuiltIndexFixture : IDisposable
{
    public BuiltIndexFixture()
    {
        Corpus = new TempCorpus();
        BuildRun = Corpus.Run("index");
        if (BuildRun.ExitCode != 0)
        {
            throw new InvalidOperationException("xiqing index failed: " + BuildRun);
        }
    }

    public TempCorpus Corpus { get; }

    /// <summary>The <c>xiqing index</c> run that built it.</summary>
    public CliRun BuildRun { get; }

    public void Dispose() => Corpus.Dispose();
}

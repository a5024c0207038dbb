using System.Text;
using System.Text.RegularExpressions;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// Defect 9: the README's own example <c>search 高质量发展 --year 2024 --topic 科技创新</c> found nothing. Every
/// <c>xiqing</c> line of the README's tour is run here, as written, and must succeed.
/// </summary>
public sealed partial class ReadmeExamplesTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    public static TheoryData<string> TourLines()
    {
        var data = new TheoryData<string>();
        foreach (var line in Lines())
        {
            data.Add(line);
        }
        return data;
    }

    private static List<string> Lines()
    {
        var readme = File.ReadAllText(Path.Combine(TempCorpus.RepositoryRoot, "README.md"));
        var tour = readme[readme.IndexOf("## A tour", StringComparison.Ordinal)..];
        var block = tour[(tour.IndexOf("```sh", StringComparison.Ordinal) + 5)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        return [.. block.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("xiqing ", StringComparison.Ordinal))];
    }

    [Theory]
    [MemberData(nameof(TourLines))]
    public void ReadmeTour_EveryExample_Succeeds(string line)
    {
        var args = Words(line);
        Assert.Equal("xiqing", args[0]);
        if (args[1] == "serve")
        {
            // A server runs until stopped; ServeCommandTests start it. Here: its flags parse.
            args = [.. args, "--help"];
        }
        var run = fixture.Corpus.Run([.. args.Skip(1)]);

        Assert.True(run.ExitCode == 0, $"{line}\n{run}");
        if (args[1] is "search" or "compare" or "new-terms")
        {
            Assert.True(run.StdoutBytes.Length > 0 || args.Contains("--output"), line);
        }
    }

    [Fact]
    public void ReadmeTour_HasTheSearchWithYearAndTopic()
    {
        Assert.Contains(Lines(), line => line.Contains("--year 2024 --topic", StringComparison.Ordinal));
    }

    /// <summary>The shell words of a README line: a trailing # comment dropped, "…" quotes joined.</summary>
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == '#' && !quoted && word.Length == 0)
            {
                break;
            }
            else if (c == ' ' && !quoted)
            {
                if (word.Length > 0 || any)
                {
                    words.Add(word.ToString());
                }
                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
            }
        }
        if (word.Length > 0 || any)
        {
            words.Add(word.ToString());
        }
        return words;
    }
}

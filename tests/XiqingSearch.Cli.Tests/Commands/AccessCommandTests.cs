using System.Net;
using System.Text;
using System.Text.Json;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// Access rules end to end with real processes: <c>xiqing serve --auth header --trusted-proxy …</c> over seeds whose
/// catalogue keeps one document for a group, asked by an anonymous caller, one in the group and one outside it;
/// the same headers from an address that is not trusted; and <c>--groups</c> on the command line.
/// </summary>
public sealed class AccessCommandTests : IDisposable
{
    private const string Restricted = "003_7844a359d923be1e";
    private const string Group = "规划科";
    private readonly TempCorpus _corpus = new();

    public AccessCommandTests()
    {
        File.WriteAllText(Path.Combine(_corpus.Seeds, "catalog.json"),
            $$"""{ "documents": { "{{Restricted}}": { "access": ["{{Group}}"] } } }""", new UTF8Encoding(false));
    }

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public async Task Serve_HeaderModeBehindTrustedProxy_EachCallerSeesWhatTheRulesAllow()
    {
        Assert.Equal(0, _corpus.Run("index").ExitCode);
        var phrase = OnlyInRestricted();
        using var server = HostileServeTests.ServeProcess.Start(_corpus.Root, "--auth", "header", "--trusted-proxy", "127.0.0.1");
        await server.WaitForAsync("/readyz", TimeSpan.FromMinutes(2));

        var anonymous = await AskAsync(server.Http, phrase, null);
        var outsider = await AskAsync(server.Http, phrase, "other");
        var insider = await AskAsync(server.Http, phrase, "xq-planning," + Uri.EscapeDataString(Group));
        Assert.Equal(anonymous, outsider);
        Assert.Equal((0, false, HttpStatusCode.NotFound, HttpStatusCode.NotFound), anonymous);
        Assert.True(insider.Hits > 0, $"{phrase}: no hits for a caller in {Group}");
        Assert.Equal((true, HttpStatusCode.OK, HttpStatusCode.OK), (insider.Listed, insider.Document, insider.Original));

        // The same headers from an address that is not a trusted proxy count for nothing.
        using var untrusted = HostileServeTests.ServeProcess.Start(_corpus.Root, "--auth", "header", "--trusted-proxy", "10.20.30.40");
        await untrusted.WaitForAsync("/readyz", TimeSpan.FromMinutes(2));
        Assert.Equal(anonymous, await AskAsync(untrusted.Http, phrase, Uri.EscapeDataString(Group)));
    }

    [Fact]
    public void Search_Groups_AnswersAsACallerInThoseGroupsAndTheOperatorSeesAll()
    {
        Assert.Equal(0, _corpus.Run("index").ExitCode);
        var phrase = OnlyInRestricted();
        Assert.Equal(0, _corpus.Run("search", phrase).ExitCode);
        Assert.Equal(0, _corpus.Run("search", phrase, "--groups", "other," + Group).ExitCode);
        Assert.Equal(1, _corpus.Run("search", phrase, "--groups", "other").ExitCode);
        Assert.Equal(1, _corpus.Run("search", phrase, "--groups", "").ExitCode);
        var stats = _corpus.Run("stats", "--format", "json", "--groups", "other");
        Assert.Equal(0, stats.ExitCode);
        Assert.DoesNotContain(Restricted, stats.Stdout, StringComparison.Ordinal);
        Assert.Contains(Restricted, _corpus.Run("stats", "--format", "json").Stdout, StringComparison.Ordinal);
        Assert.NotEqual(0, _corpus.Run("show", Restricted + "#1", "--groups", "other").ExitCode);
        Assert.Equal(0, _corpus.Run("show", Restricted + "#1", "--groups", Group).ExitCode);
    }

    private static async Task<(int Hits, bool Listed, HttpStatusCode Document, HttpStatusCode Original)> AskAsync(HttpClient http, string phrase, string? groups)
    {
        async Task<HttpResponseMessage> Get(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (groups is not null)
            {
                request.Headers.Add("X-Remote-User", "zhangsan");
                request.Headers.Add("X-Remote-Groups", groups);
            }
            return await http.SendAsync(request);
        }
        using var search = await Get("/api/search?q=" + Uri.EscapeDataString(phrase));
        var hits = JsonDocument.Parse(await search.Content.ReadAsStringAsync()).RootElement.GetProperty("totalHits").GetInt32();
        using var documents = await Get("/api/documents");
        var listed = (await documents.Content.ReadAsStringAsync()).Contains(Restricted, StringComparison.Ordinal);
        using var document = await Get("/api/documents/" + Restricted);
        using var original = await Get("/api/documents/" + Restricted + "/original");
        return (hits, listed, document.StatusCode, original.StatusCode);
    }

    private string OnlyInRestricted()
    {
        var own = File.ReadAllText(Path.Combine(_corpus.Seeds, Restricted + ".txt"));
        var others = Directory.GetFiles(_corpus.Seeds, "*.txt").Where(f => !f.EndsWith(Restricted + ".txt", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        for (var i = 0; i + 6 <= own.Length; i += 31)
        {
            var phrase = own.Substring(i, 6);
            if (phrase.All(c => c is >= '\u4E00' and <= '\u9FFF') && others.All(o => !o.Contains(phrase, StringComparison.Ordinal)))
            {
                return phrase;
            }
        }
        throw new InvalidOperationException("no phrase only in " + Restricted);
    }
}

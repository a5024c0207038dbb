using XiqingSearch.Core.Indexing;

namespace XiqingSearch.Server.Tests.Hosting;

[Collection(ServerCollection.Name)]
public sealed class EngineHolderTests(ServerFixture server)
{
    [Fact]
    public async Task RebuildOutsideTheServer_IsPickedUpByTheRefreshTimer()
    {
        // What `xiqing index` does from another process: a forced build that commits to the same folder.
        var before = (await server.GetJsonAsync("/readyz")).GetProperty("generation").GetInt64();
        IndexBuilder.Build(server.Options, force: true).ValueOrThrow();

        var deadline = DateTime.UtcNow.AddSeconds(60); // a guard against hanging, not a speed requirement
        long after;
        do
        {
            await Task.Delay(100);
            after = (await server.GetJsonAsync("/readyz")).GetProperty("generation").GetInt64();
        }
        while (after == before && DateTime.UtcNow < deadline);

        Assert.True(after > before, "the server did not switch to the new commit");
        var search = await server.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("天开西青园"));
        Assert.Equal(8, search.GetProperty("totalOccurrences").GetInt32());
    }
}

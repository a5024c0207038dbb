using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Tests.Hosting;

/// <summary>
/// The server reads its settings through Core's resolver, from the same layers as the command line; these tests
/// run it from a folder of their own so its files (xiqing.json, appsettings.json) are the tests' alone.
/// </summary>
[Collection(CurrentDirectoryCollection.Name)]
public sealed class ServerSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("xiqing-server-settings-").FullName;
    private readonly string _previous = Directory.GetCurrentDirectory();

    public ServerSettingsTests() => Directory.SetCurrentDirectory(_folder);

    [Fact]
    public void From_NothingConfigured_HasNoCorsOriginsAndNoAdmin()
    {
        var settings = ServerSettings.From(ServerApp.ResolveSettings([]).ValueOrThrow());

        Assert.Empty(settings.CorsOrigins);
        Assert.False(settings.IsAdminEnabled);
        // Only this site may frame the page unless portals are configured.
        Assert.Equal("'self'", settings.FrameAncestors);
        Assert.Equal(Path.Combine(_folder, "index"), settings.Index.IndexDirectory);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.RefreshInterval);
        Assert.Equal(64L * 1024 * 1024, settings.SearchCacheBytes);
    }

    [Fact]
    public void From_NothingConfigured_EveryValueIsTheDeclaredDefault()
    {
        var resolved = ServerSettings.From(ServerApp.ResolveSettings([]).ValueOrThrow());
        var declared = new ServerSettings { Index = resolved.Index };

        Assert.Equal(declared.RefreshInterval, resolved.RefreshInterval);
        Assert.Equal(declared.SearchCacheBytes, resolved.SearchCacheBytes);
        Assert.Equal(declared.AdminRequestsPerMinute, resolved.AdminRequestsPerMinute);
        Assert.Equal(declared.SearchRequestsPerMinute, resolved.SearchRequestsPerMinute);
        Assert.Equal(declared.QueryLimits, resolved.QueryLimits);
        Assert.Equal(declared.MaxCsvRows, resolved.MaxCsvRows);
        Assert.Equal(declared.MaxDocumentCharacters, resolved.MaxDocumentCharacters);
        Assert.Equal(declared.MaxConcurrentPerRoute, resolved.MaxConcurrentPerRoute);
        Assert.Equal(declared.AuthMode, resolved.AuthMode);
        Assert.Equal(declared.UserHeader, resolved.UserHeader);
        Assert.Equal(declared.GroupsHeader, resolved.GroupsHeader);
    }

    [Fact]
    public void ResolveSettings_EverySettingFlag_SetsItsSetting()
    {
        foreach (var flag in Core.Configuration.SettingsKeys.Flags)
        {
            var resolved = ServerApp.ResolveSettings(flag.IsSwitch ? [flag.Name] : [flag.Name, "given"]).ValueOrThrow();

            Assert.Equal(flag.IsSwitch ? "true" : "given", resolved.Get(flag.Key));
            Assert.Equal("flag", resolved.SourceOf(flag.Key));
        }
    }

    [Fact]
    public void Flags_XiqingJsonAndAppSettings_ResolveLikeTheCommandLine()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"),
            """{ "Xiqing": { "Seeds": "from-appsettings", "AdminKey": "k", "Cors": { "Origins": ["https://a.example/"] } } }""");
        File.WriteAllText(Path.Combine(_folder, "xiqing.json"), """{ "index": "from-file", "seeds": "seeds-file" }""");

        var settings = ServerSettings.From(ServerApp.ResolveSettings(
            ["--index", "from-flag", "--Xiqing:Cors:Origins:0=https://b.example", "--Xiqing:Cors:Origins:1=https://c.example"]).ValueOrThrow());

        Assert.Equal(Path.Combine(_folder, "from-flag"), settings.Index.IndexDirectory);
        Assert.Equal(Path.Combine(_folder, "seeds-file"), settings.Index.SeedsDirectory);
        Assert.Equal("k", settings.AdminKey);
        Assert.Equal(["https://b.example", "https://c.example"], settings.CorsOrigins);
        Assert.Equal("'self' https://b.example https://c.example", settings.FrameAncestors);
    }

    [Fact]
    public void Build_IndexAndSeedsFlags_SetTheIndexOptions()
    {
        var app = ServerApp.Build(["--index", "/tmp/x-index", "--seeds", "/tmp/x-seeds", "--urls", "http://127.0.0.1:0"]);
        var settings = (ServerSettings)app.Services.GetService(typeof(ServerSettings))!;

        Assert.Equal("/tmp/x-index", settings.Index.IndexDirectory);
        Assert.Equal("/tmp/x-seeds", settings.Index.SeedsDirectory);
    }

    [Fact]
    public void BrokenXiqingJson_IsNamed()
    {
        File.WriteAllText(Path.Combine(_folder, "xiqing.json"), "{ \"index\": ");

        var result = ServerApp.ResolveSettings([]);

        Assert.Equal("settings.invalid", Assert.Single(result.Problems).Code);
        Assert.Contains("xiqing.json", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSettingFlag_IsRefusedWithTheNearestKnownOne()
    {
        // The scale benchmark once passed this for months; the cache stayed on and its server columns were cached.
        var result = ServerApp.ResolveSettings(["--Xiqing:SearchCache=0"]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("settings.invalid", problem.Code);
        Assert.Contains("'searchcache' (flag); did you mean 'searchcachemegabytes'?", problem.Message, StringComparison.Ordinal);
        // The real name is accepted, in any spelling the resolver takes.
        Assert.Equal(0, ServerSettings.From(ServerApp.ResolveSettings(["--Xiqing:SearchCacheMegabytes=0"]).ValueOrThrow()).SearchCacheBytes);
        Assert.True(ServerApp.ResolveSettings(["--Xiqing:search_cache_megabytes=0"]).IsSuccess);
    }

    [Fact]
    public void UnknownSettingInAppSettings_IsRefused_AndOtherSectionsAreNotOurs()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"),
            """{ "Logging": { "LogLevel": { "Default": "Warning" } }, "Kestrel": {}, "Xiqing": { "RefreshSecs": 5 } }""");

        var problem = Assert.Single(ServerApp.ResolveSettings([]).Problems);

        Assert.Contains("'refreshsecs' (appsettings.json); did you mean 'refreshseconds'?", problem.Message, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_folder, "appsettings.json"), problem.Source);
    }

    [Theory]
    [InlineData("--embed-origin", "https://portal.example")]
    [InlineData("--cors-origin", "https://portal.example")]
    [InlineData("--Xiqing:EmbedOrigins:0", "https://portal.example")]
    [InlineData("--Xiqing:Cors:Origins:0", "https://portal.example")]
    [InlineData("--Xiqing:FrameAncestors", "'self' https://portal.example")]
    public void From_EmbedOriginOrAnAlias_FramesThePageAndCallsTheApi(string flag, string value)
    {
        string[] args = flag.StartsWith("--Xiqing:", StringComparison.Ordinal) ? [flag + "=" + value] : [flag, value, flag, "https://oa.example/"];

        var settings = ServerSettings.From(ServerApp.ResolveSettings(args).ValueOrThrow());

        Assert.Contains("https://portal.example", settings.EmbedOrigins);
        Assert.Equal(settings.EmbedOrigins, settings.CorsOrigins);
        Assert.Equal(string.Join(' ', ["'self'", .. settings.EmbedOrigins]), settings.FrameAncestors);
        Assert.True(settings.IsEmbedOrigin("https://portal.example"));
        Assert.False(settings.IsEmbedOrigin("https://other.example"));
        Assert.Equal(flag.StartsWith("--Xiqing:", StringComparison.Ordinal) ? 1 : 2, settings.EmbedOrigins.Count);
    }

    [Fact]
    public void From_EmbedOriginNotAnOrigin_IsRefusedNamingTheSetting()
    {
        var error = Assert.Throws<XiqingSearch.Core.Problems.XiqingException>(() =>
            ServerSettings.From(ServerApp.ResolveSettings(["--embed-origin", "portal.example/path"]).ValueOrThrow()));

        Assert.Contains("Xiqing:EmbedOrigins: 'portal.example/path' is not an origin", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.SetCurrentDirectory(_previous);
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Tests that change the process's current directory run one at a time, apart from the rest.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CurrentDirectoryCollection
{
    public const string Name = "current directory";
}

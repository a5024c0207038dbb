using System.Collections;
using XiqingSearch.Core.Configuration;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Tests.Configuration;

/// <summary>The one resolution both front ends use: flag, environment, xiqing.json, appsettings.json, default.</summary>
public sealed class SettingsResolverTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("xiqing-settings-").FullName;

    private static readonly Dictionary<string, string?> NoFlags = [];

    private ResolvedSettings Resolve(IReadOnlyDictionary<string, string?> flags, IDictionary environment) =>
        SettingsResolver.Resolve(flags, environment, _folder).ValueOrThrow();

    [Fact]
    public void Nothing_GivesDefaultsRelativeToTheCurrentDirectory()
    {
        var settings = Resolve(NoFlags, new Hashtable());

        Assert.Equal(Path.Combine(_folder, "index"), settings.ToIndexOptions().IndexDirectory);
        Assert.Equal(Path.Combine(_folder, "seeds"), settings.ToIndexOptions().SeedsDirectory);
        Assert.Null(settings.ToIndexOptions().SmartCnJar);
        Assert.Equal("default", settings.SourceOf("index"));
    }

    [Fact]
    public void EachLayer_WinsOverTheOnesBelowIt()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"),
            """{ "Logging": {}, "Xiqing": { "Index": "from-appsettings", "Seeds": "s-appsettings", "SmartCnJar": "j-appsettings", "AdminKey": "a" } }""");
        File.WriteAllText(Path.Combine(_folder, "xiqing.json"), """{ "index": "from-file", "seeds": "s-file", "smartcnJar": "j-file" }""");
        var environment = new Hashtable { ["XIQING_INDEX"] = "from-env", ["XIQING_SEEDS"] = "s-env", ["PATH"] = "/bin" };
        var flags = new Dictionary<string, string?> { ["index"] = "from-flag" };

        var settings = Resolve(flags, environment);

        Assert.Equal(Path.Combine(_folder, "from-flag"), settings.ToIndexOptions().IndexDirectory);
        Assert.Equal(Path.Combine(_folder, "s-env"), settings.ToIndexOptions().SeedsDirectory);
        Assert.Equal(Path.Combine(_folder, "j-file"), settings.ToIndexOptions().SmartCnJar);
        Assert.Equal("a", settings.Get("adminKey"));
        Assert.Equal(["flag", "environment", "xiqing.json", "appsettings.json"],
            new[] { "index", "seeds", "smartCnJar", "adminKey" }.Select(settings.SourceOf));
    }

    [Fact]
    public void EnvironmentNames_MapLikeTheFiles()
    {
        var environment = new Hashtable
        {
            ["XIQING_SMARTCN_JAR"] = "/opt/smartcn.jar",
            ["XIQING_CORS__ORIGINS"] = "https://a.example, https://b.example",
            ["XIQING_RATE_LIMIT__ADMIN_PER_MINUTE"] = "3",
            ["XIQING_ADMIN_KEY"] = "   ",
        };

        var settings = Resolve(NoFlags, environment);

        Assert.Equal("/opt/smartcn.jar", settings.ToIndexOptions().SmartCnJar);
        Assert.Equal(["https://a.example", "https://b.example"], settings.GetList("Cors:Origins"));
        Assert.Equal(3, settings.GetWhole("RateLimit:AdminPerMinute", 10));
        Assert.Null(settings.Get("adminKey")); // blank is absent
    }

    [Fact]
    public void JsonArrays_AndNestedSections_ReadAsLists()
    {
        File.WriteAllText(Path.Combine(_folder, "xiqing.json"),
            """{ "cors": { "origins": ["https://p.example", "https://q.example"] }, "query": { "timeoutSeconds": 2.5 } }""");

        var settings = Resolve(NoFlags, new Hashtable());

        Assert.Equal(["https://p.example", "https://q.example"], settings.GetList("cors:origins"));
        Assert.Equal(2.5, settings.GetPositive("Query:TimeoutSeconds", 10));
        Assert.Equal(10, settings.GetPositive("Query:Missing", 10));
    }

    [Theory]
    [InlineData("xiqing.json", "{ \"index\": \"x\",\n  \"seeds\" }", 2)]
    [InlineData("appsettings.json", "{ \"Xiqing\": { \"Index\": } }", 1)]
    [InlineData("xiqing.json", "[1, 2]", 0)]
    public void BrokenFile_IsNamedWithItsLine(string name, string content, int line)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);

        var result = SettingsResolver.Resolve(NoFlags, new Hashtable(), _folder);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.SettingsInvalid, problem.Code);
        Assert.Contains(path, problem.Message, StringComparison.Ordinal);
        if (line > 0)
        {
            Assert.Contains($"line {line}", problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnknownKey_InAFileOrAFlag_IsRefused_InTheEnvironmentIgnored()
    {
        File.WriteAllText(Path.Combine(_folder, "xiqing.json"), """{ "$schema": "x", "idnex": "elsewhere", "seeds": "s" }""");

        var fromFile = SettingsResolver.Resolve(NoFlags, new Hashtable(), _folder);
        var problem = Assert.Single(fromFile.Problems);
        Assert.Equal(ProblemCodes.SettingsInvalid, problem.Code);
        Assert.StartsWith("Unknown setting 'idnex' (xiqing.json); did you mean 'index'?", problem.Message, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_folder, "xiqing.json"), problem.Source);

        File.Delete(Path.Combine(_folder, "xiqing.json"));
        var fromFlag = SettingsResolver.Resolve(new Dictionary<string, string?> { ["Query:MaxClause"] = "5" }, new Hashtable(), _folder);
        Assert.Contains("did you mean 'query:maxclauses'?", Assert.Single(fromFlag.Problems).Message, StringComparison.Ordinal);

        // Other tools' variables may share the environment.
        var environment = new Hashtable { ["XIQING_PEER"] = "/opt/peer", ["XIQING_INDEX"] = "from-env" };
        Assert.Equal(Path.Combine(_folder, "from-env"), Resolve(NoFlags, environment).ToIndexOptions().IndexDirectory);
    }

    [Fact]
    public void EveryKnownKey_IsAccepted()
    {
        var flags = SettingsKeys.All.ToDictionary(k => k, _ => (string?)"1");

        Assert.True(SettingsResolver.Resolve(flags, new Hashtable(), _folder).IsSuccess);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

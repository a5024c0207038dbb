using System.Collections;
using Microsoft.Extensions.Configuration;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Tests.Hosting;

public sealed class XiqingEnvironmentTests
{
    [Fact]
    public void ToConfiguration_XiqingVariables_MapOntoTheXiqingSection()
    {
        var variables = new Hashtable
        {
            ["XIQING_INDEX"] = "/data/index",
            ["XIQING_SEEDS"] = "/data/seeds",
            ["XIQING_SMARTCN_JAR"] = "/opt/smartcn.jar",
            ["XIQING_CORS__ORIGINS"] = "https://a.example, https://b.example/",
            ["XIQING_ADMIN_KEY"] = "k",
            ["PATH"] = "/usr/bin",
        };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(XiqingEnvironment.ToConfiguration(variables))
            .Build();

        var settings = ServerSettings.From(configuration, overrides: null);

        Assert.Equal("/data/index", settings.Index.IndexDirectory);
        Assert.Equal("/data/seeds", settings.Index.SeedsDirectory);
        Assert.Equal("/opt/smartcn.jar", settings.Index.SmartCnJar);
        Assert.Equal("k", settings.AdminKey);
        Assert.Equal(["https://a.example", "https://b.example"], settings.CorsOrigins);
        Assert.Equal("'self' https://a.example https://b.example", settings.FrameAncestors);
    }

    [Fact]
    public void From_NothingConfigured_HasNoCorsOriginsAndNoAdmin()
    {
        var settings = ServerSettings.From(new ConfigurationBuilder().Build(), overrides: null);

        Assert.Empty(settings.CorsOrigins);
        Assert.False(settings.IsAdminEnabled);
        // Only this site may frame the page unless portals are configured.
        Assert.Equal("'self'", settings.FrameAncestors);
        Assert.Equal(Path.GetFullPath("index"), settings.Index.IndexDirectory);
    }

    [Fact]
    public void Build_IndexAndSeedsFlags_SetTheIndexOptions()
    {
        var app = ServerApp.Build(["--index", "/tmp/x-index", "--seeds", "/tmp/x-seeds", "--urls", "http://127.0.0.1:0"]);
        var settings = (ServerSettings)app.Services.GetService(typeof(ServerSettings))!;

        Assert.Equal("/tmp/x-index", settings.Index.IndexDirectory);
        Assert.Equal("/tmp/x-seeds", settings.Index.SeedsDirectory);
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Tests;

/// <summary>
/// A real index, built once from a copy of the repository's seeds in a temp folder, and the real server on
/// Kestrel at a free loopback port, with an admin key and one CORS origin configured.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string AdminKey = "test-admin-key";
    public const string PortalOrigin = "http://portal.example";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "xiqing-server-tests-" + Guid.NewGuid().ToString("N"));

    public IndexOptions Options { get; private set; } = new();

    public WebApplication App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var seeds = Path.Combine(_root, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "seeds")))
        {
            var copy = Path.Combine(seeds, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetAttributes(copy, FileAttributes.Normal); // the repository's seeds are read-only
        }
        Options = new IndexOptions { IndexDirectory = Path.Combine(_root, "index"), SeedsDirectory = seeds };
        IndexBuilder.Build(Options).ValueOrThrow();

        (App, Client) = await StartAsync(Options,
            "--Xiqing:AdminKey=" + AdminKey,
            "--Xiqing:Cors:Origins:0=" + PortalOrigin,
            "--Xiqing:RefreshSeconds=0.5",
            // The admin rate limit has its own test; here many reindexes come from one address.
            "--Xiqing:RateLimit:AdminPerMinute=10000");
    }

    /// <summary>Starts a server over <paramref name="options"/> with extra command-line <paramref name="args"/>; waits for /readyz.</summary>
    public static async Task<(WebApplication App, HttpClient Client)> StartAsync(IndexOptions options, params string[] args)
    {
        var app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            "--index", options.IndexDirectory, "--seeds", options.SeedsDirectory, .. args]);
        await app.StartAsync();
        // With port 0 Kestrel picks a free port; Urls then holds the bound address.
        var address = app.Urls.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            using var ready = await client.GetAsync("/readyz");
            if (ready.IsSuccessStatusCode)
            {
                return (app, client);
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Server not ready: " + await ready.Content.ReadAsStringAsync());
            }
            await Task.Delay(100);
        }
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url} → {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }

    /// <summary>The folder holding XiqingSearch.sln, found by walking up from the test's output folder.</summary>
    public static string RepositoryRoot() => Testing.RepositoryRoot.Path;
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}

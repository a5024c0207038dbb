using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Server;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Web.Tests;

/// <summary>
/// The real server on a free loopback port over a real index (built once from a copy of the seeds), a second
/// tiny host on another port playing the portal that embeds the search, and the installed Chromium, Chrome or
/// Edge (<see cref="BrowserLocator"/>) driven by Playwright (no browser download: <c>ExecutablePath</c>).
/// </summary>
public sealed class WebFixture(Xunit.Abstractions.IMessageSink diagnostics) : IAsyncLifetime
{
    /// <summary>The browser executable the tests drive.</summary>
    public string BrowserPath { get; } = BrowserLocator.Find();

    private readonly string _root = Path.Combine(Path.GetTempPath(), "xiqing-web-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _server;
    private WebApplication? _portal;
    private IPlaywright? _playwright;

    public string ServerUrl { get; private set; } = "";

    public string PortalUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>artifacts/screenshots/</c> under the test output folder.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var seeds = Path.Combine(_root, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "seeds")))
        {
            var copy = Path.Combine(seeds, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetAttributes(copy, FileAttributes.Normal);
        }
        var options = new IndexOptions { IndexDirectory = Path.Combine(_root, "index"), SeedsDirectory = seeds };
        IndexBuilder.Build(options).ValueOrThrow();

        // The portal first: its origin goes into the server's CORS list.
        _portal = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]).Build();
        var portalPage = "";
        _portal.MapGet("/", () => Results.Content(portalPage, "text/html; charset=utf-8"));
        _portal.MapGet("/frame", (string q) => Results.Content(FramePage(ServerUrl, q), "text/html; charset=utf-8"));
        _portal.MapGet("/favicon.ico", () => Results.NoContent());
        await _portal.StartAsync();
        PortalUrl = _portal.Urls.First().TrimEnd('/');

        _server = ServerApp.Build([
            "--urls", "http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--embed-origin", PortalUrl,
            "--index", options.IndexDirectory,
            "--seeds", options.SeedsDirectory,
        ]);
        // What the server logs, for the tests that check a message is there (a refused embed).
        _server.Services.GetRequiredService<ILoggerFactory>().AddProvider(ServerLog);
        await _server.StartAsync();
        ServerUrl = _server.Urls.First().TrimEnd('/');
        portalPage = PortalPage(ServerUrl);

        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!(await client.GetAsync(ServerUrl + "/readyz")).IsSuccessStatusCode)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("server not ready");
            }
            await Task.Delay(100);
        }

        _playwright = await Playwright.CreateAsync();
        // Say which browser ran, on the test log (diagnostic message) and on standard error.
        var used = $"web tests: browser {BrowserPath}";
        diagnostics.OnMessage(new Xunit.Sdk.DiagnosticMessage(used));
        await Console.Error.WriteLineAsync(used);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A portal page that shows the search page of <paramref name="server"/> in an iframe.</summary>
    public static string FramePage(string server, string q) => $$"""
        <!doctype html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>门户（iframe 测试）</title></head>
        <body>
          <h1>西青区人民政府</h1>
          <iframe id="search" title="检索" src="{{server}}/?q={{Uri.EscapeDataString(q)}}" width="1000" height="700"></iframe>
        </body>
        </html>
        """;

    /// <summary>What the server under test logged (warnings and above).</summary>
    public CapturedLog ServerLog { get; } = new();

    /// <summary>A portal page of another origin, with its own styles that must not leak into the search UI.</summary>
    private static string PortalPage(string server) => $$"""
        <!doctype html>
        <html lang="zh-CN">
        <head>
          <meta charset="utf-8">
          <title>西青区人民政府门户（测试）</title>
          <style>body { font-family: serif; background: #eef3f8; margin: 0 } header { background: #0b4f8a; color: #fff; padding: 12px 24px } p, li { color: green !important; font-size: 30px } #search { margin: 16px 24px }</style>
        </head>
        <body>
          <header><h1>西青区人民政府</h1></header>
          <p class="portal-note">门户页面自己的内容</p>
          <!-- A portal element named like the UI's global: browsers expose it as window.XiqingSearch. -->
          <nav id="XiqingSearch">门户导航</nav>
          <div id="search"></div>
          <script src="{{server}}/embed.js" data-target="#search"></script>
        </body>
        </html>
        """;

    /// <summary>A fresh context and page; console errors and CSP violations are collected.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text + " @ " + message.Location);
            }
        };
        page.PageError += (_, error) => errors.Add("pageerror: " + error);
        page.Dialog += (_, dialog) =>
        {
            errors.Add("dialog: " + dialog.Message);
            _ = dialog.DismissAsync();
        };
        return (context, page, errors);
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        foreach (var app in new[] { _server, _portal })
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }

    private static string RepositoryRoot() => Testing.RepositoryRoot.Path;
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}

/// <summary>A logger provider that keeps every message, so a test can read what the server said.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    /// <summary>Every line so far: level, category, message.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log._lines.Enqueue(logLevel + " " + category + ": " + formatter(state, exception));
            }
        }
    }
}

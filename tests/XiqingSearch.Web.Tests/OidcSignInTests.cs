using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Server;

namespace XiqingSearch.Web.Tests;

/// <summary>
/// OpenID Connect end to end: a real OpenID provider (the npm package <c>oidc-provider</c> on Node, started from
/// <c>OidcProvider/</c>; its packages installed with <c>npm ci</c> when missing), the server in oidc mode, and
/// Chromium signing in on the page (authorization code + PKCE) — then a bearer token from the same provider on the
/// API, as a portal would send it.
/// </summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "xiqing-oidc-tests-" + Guid.NewGuid().ToString("N"));
    private Process? _provider;
    private WebApplication? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _providerUrl = "";
    private string _serverUrl = "";

    private static string ProviderFolder => Path.Combine(Testing.RepositoryRoot.Path, "tests", "XiqingSearch.Web.Tests", "OidcProvider");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WebFixture.ScreenshotDirectory);
        if (!File.Exists(Path.Combine(ProviderFolder, "node_modules", "oidc-provider", "package.json")))
        {
            Run("npm", ["ci", "--no-audit", "--no-fund"], ProviderFolder, TimeSpan.FromMinutes(5));
        }
        var providerPort = FreePort();
        var serverPort = FreePort();
        _providerUrl = $"http://127.0.0.1:{providerPort}";
        _serverUrl = $"http://127.0.0.1:{serverPort}";

        _provider = Process.Start(new ProcessStartInfo("node", ["provider.mjs", providerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), _serverUrl])
        {
            WorkingDirectory = ProviderFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _provider.ErrorDataReceived += (_, _) => { };
        _provider.BeginErrorReadLine();
        using (var http = new HttpClient())
        {
            await WaitAsync(http, _providerUrl + "/.well-known/openid-configuration");
        }

        var seeds = Path.Combine(_root, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var file in Directory.GetFiles(Path.Combine(Testing.RepositoryRoot.Path, "seeds")))
        {
            var copy = Path.Combine(seeds, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetAttributes(copy, FileAttributes.Normal);
        }
        var options = new IndexOptions { IndexDirectory = Path.Combine(_root, "index"), SeedsDirectory = seeds };
        IndexBuilder.Build(options).ValueOrThrow();
        _server = ServerApp.Build([
            "--urls", _serverUrl,
            "--Logging:LogLevel:Default=Warning",
            "--index", options.IndexDirectory,
            "--seeds", options.SeedsDirectory,
            "--Xiqing:Auth:Mode=oidc",
            "--Xiqing:Auth:Oidc:Authority=" + _providerUrl,
            "--Xiqing:Auth:Oidc:ClientId=xiqing",
            "--Xiqing:Auth:Oidc:Scopes=openid,profile,groups",
        ]);
        await _server.StartAsync();
        using (var http = new HttpClient())
        {
            await WaitAsync(http, _serverUrl + "/readyz");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserLocator.Find(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
        });
    }

    [Fact]
    public async Task SignIn_InChromium_PageShowsTheUserAndTheirGroupsReachTheApi()
    {
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_serverUrl + "/");
        var signIn = page.Locator(".xq-account-signin");
        await signIn.WaitForAsync();

        await signIn.ClickAsync();
        // The provider's own pages: its login form (any password), then the consent to release the claims.
        await page.WaitForURLAsync(u => u.StartsWith(_providerUrl, StringComparison.Ordinal));
        await page.Locator("input[name=login]").FillAsync("zhang");
        await page.Locator("input[name=password]").FillAsync("any-password");
        await page.Locator("button[type=submit]").ClickAsync();
        for (var i = 0; i < 3 && page.Url.StartsWith(_providerUrl, StringComparison.Ordinal); i++)
        {
            await page.WaitForLoadStateAsync();
            if (page.Url.StartsWith(_providerUrl, StringComparison.Ordinal) && await page.Locator("button[type=submit]").CountAsync() > 0)
            {
                await page.Locator("button[type=submit]").ClickAsync();
            }
        }
        await page.WaitForURLAsync(u => u.StartsWith(_serverUrl, StringComparison.Ordinal));

        var user = page.Locator(".xq-account-user");
        await user.WaitForAsync();
        Assert.Equal("zhang", await user.TextContentAsync());
        Assert.Equal(1, await page.Locator(".xq-account-signout").CountAsync());
        await WebFixture.ScreenshotAsync(page, "oidc-signed-in");

        var me = JsonDocument.Parse(await page.EvaluateAsync<string>("fetch('/api/me').then(r => r.text())")).RootElement;
        Assert.Equal("zhang", me.GetProperty("user").GetString());
        Assert.Equal("oidc", me.GetProperty("signedInWith").GetString());
        Assert.Equal(["规划科", "xq-planning"], me.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));

        // The session cookie is HttpOnly and Lax: scripts cannot read it, other sites' POSTs do not carry it.
        var session = (await context.CookiesAsync()).Single(c => c.Name == "xiqing.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);

        await page.Locator(".xq-account-signout").ClickAsync();
        await page.Locator(".xq-account-signin").WaitForAsync();
        var after = JsonDocument.Parse(await page.EvaluateAsync<string>("fetch('/api/me').then(r => r.text())")).RootElement;
        Assert.Equal(JsonValueKind.Null, after.GetProperty("user").ValueKind);
    }

    [Fact]
    public async Task BearerToken_FromTheProvider_WorksOnSearchAndMe()
    {
        using var http = new HttpClient();
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, _providerUrl + "/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" }),
        };
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("portal:portal-secret")));
        using var tokenResponse = await http.SendAsync(tokenRequest);
        var tokenBody = await tokenResponse.Content.ReadAsStringAsync();
        Assert.True(tokenResponse.IsSuccessStatusCode, tokenBody);
        var token = JsonDocument.Parse(tokenBody).RootElement.GetProperty("access_token").GetString()!;

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var search = await http.GetAsync(_serverUrl + "/api/search?q=" + Uri.EscapeDataString("发展"));
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        var me = JsonDocument.Parse(await http.GetStringAsync(_serverUrl + "/api/me")).RootElement;
        Assert.Equal("portal", me.GetProperty("user").GetString());
        Assert.Equal("bearer", me.GetProperty("signedInWith").GetString());
        Assert.Equal(["xq-planning"], me.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));

        // A token the provider did not sign (the same one with its signature altered) is refused, not served as anonymous.
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));
        using var forged = await http.GetAsync(_serverUrl + "/api/search?q=" + Uri.EscapeDataString("发展"));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Contains("auth.bad-token", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
        if (_provider is { HasExited: false })
        {
            _provider.Kill(entireProcessTree: true);
            await _provider.WaitForExitAsync();
        }
        _provider?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitAsync(HttpClient http, string url)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(url + " did not answer");
            }
            await Task.Delay(200);
        }
    }

    private static void Run(string file, string[] args, string folder, TimeSpan limit)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { WorkingDirectory = folder })!;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took longer than {limit}");
        }
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}");
    }
}

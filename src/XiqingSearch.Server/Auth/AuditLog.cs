using System.Diagnostics;
using XiqingSearch.Server.Auth.Callers;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Auth;

/// <summary>
/// The audit log (<c>Xiqing:Audit:Path</c>, <c>--audit-log FILE</c>): one JSON line per request — time, user,
/// groups, how they signed in, client address, method, route, query and filters (the query text left out when
/// <c>Xiqing:Audit:QueryText</c> is false), status, total hits, milliseconds. The file is rotated daily (UTC): the
/// date goes before the extension, <c>audit.jsonl</c> → <c>audit-2026-12-07.jsonl</c>. Lines are appended (a
/// restart continues the day's file) and flushed to the operating system one by one, so a crash or restart loses
/// none that were written. Off, nothing is opened or written. Health probes are not logged (a balancer polls them
/// every few seconds and they say nothing about anyone), nor is the start-up warm-up; a reindex is always logged, also to the server's log.
/// </summary>
internal sealed class AuditLog : IDisposable
{
    /// <summary>The parameters written as filters (the query text <c>q</c> is written apart).</summary>
    private static readonly string[] s_filters =
        ["year", "topic", "chapter", "heading", "doc", "kind", "type", "issuer", "sort", "offset", "limit", "format", "multiYear", "since"];

    private static readonly object s_hitsKey = new();

    private readonly string? _path;
    private readonly bool _queryText;
    private readonly IReadOnlyList<System.Net.IPAddress> _trustedProxies;
    private readonly ILogger<AuditLog> _logger;
    private readonly Lock _write = new();
    private readonly TimeProvider _time;
    private FileStream? _file;
    private DateOnly _fileDate;

    public AuditLog(AuthSettings settings, ServerSettings server, ILogger<AuditLog> logger, TimeProvider? time = null)
    {
        _path = settings.AuditPath;
        _queryText = settings.AuditQueryText;
        _trustedProxies = server.TrustedProxies;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>True when the audit log is on.</summary>
    public bool Enabled => _path is not null;

    /// <summary>The file lines of <paramref name="date"/> go to.</summary>
    public static string FileFor(string path, DateOnly date) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "",
            $"{Path.GetFileNameWithoutExtension(path)}-{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{Path.GetExtension(path)}");

    /// <summary>Notes a search answer's JSON, whose <c>totalHits</c> the request's line gives (read only when the log is on).</summary>
    public static void NoteAnswer(HttpContext context, byte[] json) => context.Items[s_hitsKey] = json;

    /// <summary>Runs the request and writes its line after it.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        var isAdmin = path.StartsWithSegments("/api/admin");
        // The start-up warm-up's own searches are the server's, not anyone's.
        if ((!Enabled && !isAdmin) || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz")
            || ServerWarmUp.IsWarmUp(context))
        {
            await next(context);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var line = Line(context, Stopwatch.GetElapsedTime(started));
            if (isAdmin)
            {
                _logger.LogInformation("Admin action: {Line}", Encoding.UTF8.GetString(line));
            }
            if (Enabled)
            {
                Append(line);
            }
        }
    }

    private byte[] Line(HttpContext context, TimeSpan took)
    {
        var request = context.Request;
        var caller = context.Caller();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("time", _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("user", caller.User);
            json.WriteStartArray("groups");
            foreach (var group in caller.Groups)
            {
                json.WriteStringValue(group);
            }
            json.WriteEndArray();
            json.WriteString("signedInWith", context.SignedInWith());
            json.WriteString("client", ClientAddress.Of(context, _trustedProxies));
            json.WriteString("method", request.Method);
            json.WriteString("route", request.Path.Value);
            if (request.Path.StartsWithSegments("/api/admin"))
            {
                json.WriteString("admin", request.Path.Value!["/api/admin/".Length..]);
            }
            var queries = request.Query["q"];
            if (queries.Count > 0)
            {
                if (_queryText)
                {
                    json.WriteStartArray("query");
                    foreach (var q in queries)
                    {
                        json.WriteStringValue(q);
                    }
                    json.WriteEndArray();
                }
                else
                {
                    json.WriteBoolean("queryOmitted", true);
                }
            }
            json.WriteStartObject("filters");
            foreach (var name in s_filters)
            {
                if (request.Query.TryGetValue(name, out var values))
                {
                    json.WriteStartArray(name);
                    foreach (var value in values)
                    {
                        json.WriteStringValue(value);
                    }
                    json.WriteEndArray();
                }
            }
            json.WriteEndObject();
            json.WriteNumber("status", context.Response.StatusCode);
            if (TotalHits(context) is { } hits)
            {
                json.WriteNumber("totalHits", hits);
            }
            json.WriteNumber("tookMs", Math.Round(took.TotalMilliseconds, 1));
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    // The search answer's top-level totalHits, read from its JSON (the cached answer is bytes only).
    private static int? TotalHits(HttpContext context)
    {
        if (!context.Items.TryGetValue(s_hitsKey, out var noted) || noted is not byte[] body)
        {
            return null;
        }
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("totalHits"u8) && reader.Read() && reader.TryGetInt32(out var hits))
            {
                return hits;
            }
            reader.Read();
            reader.TrySkip();
        }
        return null;
    }

    private void Append(byte[] line)
    {
        lock (_write)
        {
            try
            {
                var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
                if (_file is null || today != _fileDate)
                {
                    _file?.Dispose();
                    var name = FileFor(_path!, today);
                    if (Path.GetDirectoryName(name) is { Length: > 0 } folder)
                    {
                        Directory.CreateDirectory(folder);
                    }
                    // Append, and let others read the day's file while it is written (tail -f, a log shipper).
                    _file = new FileStream(name, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete);
                    _fileDate = today;
                }
                _file.Write(line);
                _file.WriteByte((byte)'\n');
                // To the operating system now: a restart or a crash of the process loses no line written.
                _file.Flush();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unwritable log must not take searching down; it is reported where operators look, each time.
                _file?.Dispose();
                _file = null;
                _logger.LogError(e, "Audit line not written to {Path}: {Line}", _path, Encoding.UTF8.GetString(line));
            }
        }
    }

    public void Dispose()
    {
        lock (_write)
        {
            _file?.Dispose();
            _file = null;
        }
    }
}

using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// A Kestrel connection middleware, in front of the HTTP parser: the connection's incoming bytes go through a
/// <see cref="RequestLineEncoder"/> into a pipe Kestrel reads instead, so a request line with raw UTF-8 (as
/// <c>curl "…?q=天开西青园"</c> sends it) arrives percent-encoded. Answers go out untouched.
/// </summary>
/// <remarks>
/// On a TLS endpoint Kestrel puts its TLS layer after the endpoint defaults, so this middleware sees encrypted
/// bytes there: the encoder recognises them (they do not start with a method) and passes them on. Raw UTF-8 over
/// HTTPS is therefore answered only through a proxy that terminates TLS (nginx passes the bytes on as they came).
/// </remarks>
internal static class RawRequestLineMiddleware
{
    /// <summary>Adds the middleware to every endpoint Kestrel opens, those of <c>--urls</c> included.</summary>
    public static void Add(KestrelServerOptions options) =>
        options.ConfigureEndpointDefaults(listen => listen.Use(next => context => RunAsync(next, context,
            options.Limits.MaxRequestLineSize, options.Limits.MaxRequestHeadersTotalSize)));

    private static async Task RunAsync(ConnectionDelegate next, ConnectionContext context, int maxRequestLine, int maxHeaders)
    {
        var original = context.Transport;
        var encoder = new RequestLineEncoder(maxRequestLine, maxHeaders);
        // The pipe's own bounds (64 KiB paused, as Kestrel's) hold back a client that sends faster than it is read.
        var pipe = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var pump = PumpAsync(original.Input, pipe.Writer, encoder);
        context.Transport = new DuplexPipe(pipe.Reader, original.Output);
        try
        {
            await next(context);
        }
        finally
        {
            context.Transport = original;
            // Kestrel is done with the connection: a pump waiting to write or to read is let go.
            await pipe.Reader.CompleteAsync();
            original.Input.CancelPendingRead();
            await pump;
        }
    }

    private static async Task PumpAsync(PipeReader source, PipeWriter target, RequestLineEncoder encoder)
    {
        // Runs beside the connection: the caller awaits it after the connection ends.
        await Task.Yield();
        Exception? failure = null;
        try
        {
            while (true)
            {
                var result = await source.ReadAsync();
                foreach (var segment in result.Buffer)
                {
                    encoder.Transform(segment.Span, target);
                }
                source.AdvanceTo(result.Buffer.End);
                var flushed = await target.FlushAsync();
                if (flushed.IsCompleted || result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or ConnectionResetException or ConnectionAbortedException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away: Kestrel reading the pipe learns it as it would from the transport.
            failure = e;
        }
        await target.CompleteAsync(failure);
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}

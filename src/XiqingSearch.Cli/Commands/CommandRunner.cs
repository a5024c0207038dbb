using XiqingSearch.Cli.Rendering;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// Runs a verb's body and turns failures into exit codes: problems (expected failures) are shown by
/// <see cref="ProblemRenderer"/> and exit 2; anything else is a bug, shown as one line and exit 3.
/// </summary>
internal static class CommandRunner
{
    /// <summary>Runs <paramref name="body"/>.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (XiqingException e)
        {
            ProblemRenderer.Write(Console.Error, e.Problem);
            return ExitCodes.UserError;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("xiqing: cancelled");
            return ExitCodes.UserError;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"xiqing: internal error: {e.GetType().Name}: {e.Message}");
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("XIQING_DEBUG")))
            {
                Console.Error.WriteLine(e);
            }
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The value, or throws with the problems shown (first problem as the exception).</summary>
    public static T Unwrap<T>(Result<T> result) =>
        // Every problem but the first is shown there; the first travels in the exception and is shown by Run.
        ProblemRenderer.ValueOrThrow(result);
}

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// A test whose command runs Tesseract and pdftoppm: skipped, saying what to install, only when they are not on
/// PATH (<c>.ci/run</c> installs them, so in CI these run).
/// </summary>
public sealed class OcrFactAttribute : FactAttribute
{
    public OcrFactAttribute()
    {
        if (!OnPath("tesseract") || !OnPath("pdftoppm"))
        {
            Skip = "tesseract and pdftoppm are not on PATH: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils";
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, tool)) || File.Exists(Path.Combine(folder, tool + ".exe")));
}

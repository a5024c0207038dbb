using XiqingSearch.Core.Ingestion.Ocr;

namespace XiqingSearch.Core.Tests.Ingestion.Ocr;

/// <summary>
/// A test that runs Tesseract and pdftoppm: skipped, saying what to install, only when they are not on PATH
/// (<c>.ci/run</c> installs them, so in CI these run).
/// </summary>
public sealed class OcrFactAttribute : FactAttribute
{
    public OcrFactAttribute()
    {
        if (!OcrFixture.ToolsPresent)
        {
            Skip = "tesseract and pdftoppm are not on PATH: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils";
        }
    }
}

using XiqingSearch.Core.Ingestion.Formats;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// A file's lines as a list that reads them as they are asked for and forgets those well behind: the splitter
/// walks its lines forward, looking a few lines ahead (past blank lines) and back only to the line it is on, so a
/// window of them is all a file of any length needs in memory. <see cref="Count"/> is known beforehand (a first
/// pass counted the lines); asking for a line already forgotten, or for more lines than the source gives, throws
/// <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class LineWindow(IEnumerable<SourceLine> source, int count) : IReadOnlyList<SourceLine>, IDisposable
{
    /// <summary>Lines kept behind the furthest one asked for.</summary>
    private const int Behind = 256;

    private readonly IEnumerator<SourceLine> _source = source.GetEnumerator();
    private readonly List<SourceLine> _lines = [];

    /// <summary>The index of <c>_lines[0]</c> in the file.</summary>
    private int _first;

    public int Count { get; } = count;

    public SourceLine this[int index]
    {
        get
        {
            if (index < _first || index >= Count)
            {
                throw new InvalidDataException($"line {index + 1} is outside the window of lines read");
            }
            while (index >= _first + _lines.Count)
            {
                if (!_source.MoveNext())
                {
                    throw new InvalidDataException($"the file ended before line {index + 1}");
                }
                _lines.Add(_source.Current);
            }
            // Forget in batches, so the list is not shifted at every line.
            var forget = index - Behind - _first;
            if (forget > 4 * Behind)
            {
                _lines.RemoveRange(0, forget);
                _first += forget;
            }
            return _lines[index - _first];
        }
    }

    public IEnumerator<SourceLine> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose() => _source.Dispose();
}

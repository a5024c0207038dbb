namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// One filter of <see cref="Filters"/>: its parameter and where its values live in the record. The list of them
/// (<see cref="RequestDeclarations.Filters"/>) is what the front ends read, check, cache and describe a filter by,
/// so a new filter is one entry here and one property of <see cref="Filters"/>.
/// </summary>
public sealed record FilterDeclaration
{
    /// <summary>The parameter: name, limits, allowed values, description.</summary>
    public required ParameterDeclaration Parameter { get; init; }

    /// <summary>The filter's values in a <see cref="Model.Filters"/>, as text (years as <c>2021..2023</c>).</summary>
    public required Func<Filters, IEnumerable<string>> Values { get; init; }

    /// <summary>The filters given with this filter's values replaced by the values given, or the problem.</summary>
    public required Func<Filters, IReadOnlyList<string>, Result<Filters>> With { get; init; }

    /// <summary>
    /// The filters read from a front end's values: <paramref name="valuesOf"/> gives each filter's values as typed
    /// (blank ones are skipped, the rest trimmed), from <paramref name="filters"/> (all of <see cref="RequestDeclarations.Filters"/>
    /// when null). The first value that cannot be read is the problem (a year that is none).
    /// </summary>
    public static Result<Filters> Read(Func<ParameterDeclaration, IEnumerable<string>> valuesOf, IEnumerable<FilterDeclaration>? filters = null)
    {
        ArgumentNullException.ThrowIfNull(valuesOf);
        var read = Model.Filters.None;
        foreach (var filter in filters ?? RequestDeclarations.Filters)
        {
            var values = valuesOf(filter.Parameter).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
            if (values.Count == 0)
            {
                continue;
            }
            var next = filter.With(read, values);
            if (!next.IsSuccess)
            {
                return next;
            }
            read = next.Value;
        }
        return read;
    }
}

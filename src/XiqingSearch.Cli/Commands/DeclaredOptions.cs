using System.CommandLine;
using XiqingSearch.Cli.Rendering;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// The CLI's options made from Core's parameter declarations (<see cref="RequestDeclarations"/>): the CLI keeps only
/// its spelling of each name (<see cref="ParameterNames"/>) and reads every value as text, so a value that cannot be
/// read is Core's problem, worded as HTTP words it. Descriptions go through <see cref="CliHelp"/> under
/// <c>verb.name</c>.
/// </summary>
internal static class DeclaredOptions
{
    /// <summary>A single-valued option for <paramref name="declaration"/> (an integer or a choice), read as text.</summary>
    public static Option<string> Single(string verb, ParameterDeclaration declaration, string? description = null)
    {
        var option = new Option<string>(ParameterNames.Of(declaration.Parameter))
        {
            Description = Describe(verb, declaration, description),
            HelpName = declaration.HelpName,
        };
        if (declaration.Default is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }
        if (declaration.CommandLineOnly && declaration.Allowed.Count > 0)
        {
            // A rendering choice never reaches Core's request, so the command line checks it itself (the parser
            // refuses another value and offers these on completion).
            option.AcceptOnlyFromAmong([.. declaration.Allowed]);
        }
        else
        {
            Complete(option, declaration);
        }
        return option;
    }

    /// <summary>
    /// A switch for the true/false <paramref name="declaration"/> (<c>--exact</c>, <c>--all</c>): given, it holds
    /// true. <c>--exclude-ocr</c> is the switch of <c>ocr</c> that asks for false, so it says so in its own words
    /// (<paramref name="description"/>).
    /// </summary>
    public static Option<bool> Switch(string verb, ParameterDeclaration declaration, string? description = null) =>
        new(ParameterNames.Of(declaration.Parameter)) { Description = Describe(verb, declaration, description) };

    /// <summary>The filter options of <paramref name="filters"/> that the CLI spells (the chapter facet's exact path has none).</summary>
    public static FilterOptions Filters(string verb, IEnumerable<FilterDeclaration> filters)
    {
        var options = new List<(FilterDeclaration, Option<string[]>)>();
        foreach (var filter in filters)
        {
            var name = ParameterNames.Of(filter.Parameter.Parameter);
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }
            var option = new Option<string[]>(name)
            {
                Description = Describe(verb, filter.Parameter, null),
                HelpName = filter.Parameter.HelpName,
            };
            Complete(option, filter.Parameter);
            options.Add((filter, option));
        }
        return new FilterOptions(options);
    }

    /// <summary>The integer <paramref name="option"/> holds, as Core reads it, or the problem.</summary>
    public static int Integer(ParseResult parseResult, Option<string> option, ParameterDeclaration declaration) =>
        CommandRunner.Unwrap(declaration.ParseInteger(parseResult.GetValue(option)));

    // Keyed by the option as the CLI spells it (search.exclude-ocr, search.facet-size), as CliHelp.KeyOf keys it.
    private static string Describe(string verb, ParameterDeclaration declaration, string? description) =>
        CliHelp.Describe(verb + "." + ParameterNames.Of(declaration.Parameter).TrimStart('-'), description ?? declaration.Description);

    private static void Complete(Option option, ParameterDeclaration declaration)
    {
        if (declaration.Allowed.Count > 0)
        {
            // Offered on completion, never enforced here: Core refuses another value with the words HTTP uses.
            option.CompletionSources.Add([.. declaration.Allowed]);
        }
    }

    /// <summary>A verb's filter options, and the <see cref="Core.Search.Model.Filters"/> they give.</summary>
    internal sealed class FilterOptions(IReadOnlyList<(FilterDeclaration Filter, Option<string[]> Option)> options)
    {
        /// <summary>The options, in the declarations' order.</summary>
        public IEnumerable<Option> All => options.Select(o => o.Option);

        /// <summary>The option of <paramref name="declaration"/>.</summary>
        public Option<string[]> Of(ParameterDeclaration declaration) => options.Single(o => o.Filter.Parameter == declaration).Option;

        /// <summary>The filters given, as HTTP reads the same values; the first that cannot be read is the problem.</summary>
        public Filters Read(ParseResult parseResult)
        {
            var byDeclaration = options.ToDictionary(o => o.Filter.Parameter, o => parseResult.GetValue(o.Option) ?? []);
            return CommandRunner.Unwrap(FilterDeclaration.Read(
                declaration => byDeclaration.TryGetValue(declaration, out var values) ? values : [],
                options.Select(o => o.Filter)));
        }
    }
}

using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace XiqingSearch.Testing;

/// <summary>One generated search: a query and the parameters that go with it, as a client would send them.</summary>
public sealed record FuzzCase(
    string Query,
    int? Offset,
    int? Limit,
    string? Sort,
    IReadOnlyList<string> Years,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Chapters,
    IReadOnlyList<string> Docs,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<(string Name, string Value)> Extras)
{
    /// <summary>The query string of <c>GET /api/search</c> for this case (parameters in generated order).</summary>
    public string ToQueryString()
    {
        var parts = new List<string> { "q=" + Uri.EscapeDataString(Query) };
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
        Add("offset", Offset?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("limit", Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("sort", Sort);
        foreach (var (name, values) in new[] { ("year", Years), ("topic", Topics), ("chapter", Chapters), ("doc", Docs), ("kind", Kinds) })
        {
            foreach (var value in values)
            {
                Add(name, value);
            }
        }
        foreach (var (name, value) in Extras)
        {
            Add(name, value);
        }
        return string.Join('&', parts);
    }

    /// <inheritdoc/>
    public override string ToString() => ToQueryString();
}

/// <summary>
/// FsCheck generators of queries and parameter sets, built from the pieces people (and attackers) type: Chinese
/// phrases from the seeds, operators, fields, ranges with open ends, quotes, wildcards, escapes, stray syntax,
/// full-width spaces, over-long input. Sampled from a seed, so a failing run is reproduced by its seed
/// (<c>XIQING_FUZZ_SEED</c>).
/// </summary>
public static class QueryFuzz
{
    /// <summary>The seed of this run: <c>XIQING_FUZZ_SEED</c> if set, else a new one (printed on failure).</summary>
    public static ulong Seed { get; } = ulong.TryParse(Environment.GetEnvironmentVariable("XIQING_FUZZ_SEED"), out var seed)
        ? seed
        : (ulong)System.Random.Shared.NextInt64(1, long.MaxValue);

    private static readonly string[] Words =
    [
        "天开西青园", "西青", "发展", "的", "2023年", "京津冀", "协同发展", "高质量发展", "5G", "350亿元", "同比增长4.2%",
        "科技创新", "乡村振兴", "营商环境", "智能制造", "园区", "产业", "ABC", "ｆｕｌｌ", "a", "年", "一、", "（一）",
        "\u4E00", "\uD840\uDC00", "é", "x", "0", "9999", "—", "·", "“", "”", "增速>5%",
    ];

    private static readonly string[] Operators = ["AND", "OR", "NOT", "+", "-", "&&", "||", "!", "and", "or"];

    private static readonly string[] Syntax =
    [
        "(", ")", "\"", "\"\"", "*", "**", "?", "~", "~2", "^2", "^", ":", "\\", "/", "[", "]", "{", "}", "TO", "\\\"",
        "/.*/", "\u3000", "\t", "\n", "''", "<", ">", "&", "%", "#", "=",
    ];

    private static readonly string[] Fields = ["year:", "topic:", "chapter:", "doc:", "kind:", "text:", "foo:", "YEAR:", ":"];

    private static readonly string[] FieldValues =
    [
        "2024", "[2021 TO *]", "{* TO 2024}", "[* TO *]", "[2021 TO 2023]", "{2021 TO 2023}", "[abc TO 2023]", "99999",
        "*", "**", "\"\"", "\"京津冀\"", "京津冀", "科技创新", "paragraph", "table-row", "x", "000_*", "00?_*",
        "[2024 TO 2021]", "2024~", "(2023 OR 2024)",
    ];

    private static Gen<string> Token() => Gen.Frequency(
        (8, Gen.Elements(Words)),
        (3, Gen.Elements(Operators)),
        (3, Gen.Elements(Syntax)),
        (3, Gen.Elements(Fields).SelectMany(f => Gen.Elements(FieldValues).Select(v => f + v))),
        (1, Gen.Choose(0x4E00, 0x9FA5).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())));

    private static Gen<string> QueryText() => Gen.Frequency(
        (30, Gen.Choose(1, 10).SelectMany(n => Gen.ArrayOf(Gen.Zip(Token(), Gen.Elements("", " ", " ", "  ")), n))
            .Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)))),
        (1, Gen.Elements("", " ", "\u3000", "AND", "NOT 西青", "-西青", "()", "\"", "*", "*:*")),
        // Many clauses and over-long input: the cost and length limits.
        (1, Gen.Choose(40, 90).Select(n => string.Join(" OR ", Enumerable.Range(0, n).Select(i => ((char)(0x4E00 + i * 7)).ToString())))),
        (1, Gen.Choose(480, 700).Select(n => new StringBuilder().Insert(0, "西", n).ToString())));

    private static Gen<int?> OptionalInt(int low, int high) => Gen.Frequency(
        (3, Gen.Constant<int?>(null)),
        (3, Gen.Choose(low, high).Select(i => (int?)i)),
        (1, Gen.Elements<int?>(-1, 0, 1, 100, 101, 1000, 10_000, 10_001, int.MaxValue, int.MinValue)));

    private static Gen<IReadOnlyList<string>> Values(params string[] pool) => Gen.Frequency(
        (4, Gen.Constant<IReadOnlyList<string>>([])),
        (2, Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements(pool), n)).Select(a => (IReadOnlyList<string>)a)));

    /// <summary>A query with a parameter set.</summary>
    public static Gen<FuzzCase> Case() =>
        from query in QueryText()
        from offset in OptionalInt(0, 40)
        from limit in OptionalInt(1, 20)
        from sort in Gen.Elements<string?>(null, null, "relevance", "year", "document", "YEAR", "random", "")
        from years in Values("2024", "2021..2023", "2023", "1999", "abc", "2024..2021", "")
        from topics in Values("科技创新", "民生保障", "不存在的主题", "")
        from chapters in Values("一、2024年工作回顾", "一、2024年工作回顾 > （二）科技创新见行见效", ">", "a > b > c", "增速>5%", "")
        from docs in Values("000_313d8db390bab93c", "004_e4f3d8be122b771a", "nope", "../etc/passwd")
        from kinds in Values("paragraph", "heading", "table-row", "x", "")
        from extras in Gen.Elements<IReadOnlyList<(string, string)>>([], [], [("_", "1")], [("callback", "x")], [("q2", "西青")])
        select new FuzzCase(query, offset, limit, sort, years, topics, chapters, docs, kinds, extras);

    /// <summary><paramref name="count"/> cases from <see cref="Seed"/> (plus <paramref name="stream"/>, so two suites differ).</summary>
    public static FuzzCase[] Sample(int count, ulong stream = 0) =>
        Gen.Sample(Case(), count, new Rnd(Seed + stream), 50);
}

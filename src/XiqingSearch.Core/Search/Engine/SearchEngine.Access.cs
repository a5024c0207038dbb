using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using XiqingSearch.Core.Access;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Commit;

namespace XiqingSearch.Core.Search.Engine;

public sealed partial class SearchEngine
{
    /// <summary>Most distinct caller group sets whose views one commit keeps; past it a view is made for each answer.</summary>
    private const int MaxCachedViews = 1024;

    /// <summary>What each commit's documents may be seen by, under the rules it was last asked with.</summary>
    private static readonly ConditionalWeakTable<ParagraphTable, CommitAccess> s_access = [];

    /// <summary>
    /// A key naming the documents <paramref name="caller"/> may see: equal for every caller who sees the same
    /// documents (<c>all</c> for one who sees every document), so a cache of answers keyed by it never hands one
    /// caller's answer to a caller who may see less.
    /// </summary>
    public string VisibilityKey(Caller? caller = null)
    {
        var searcher = Acquire();
        try
        {
            return ViewOf(searcher.Table, caller).Key;
        }
        finally
        {
            Release(searcher);
        }
    }

    /// <summary>
    /// The access rules as the seeds folder's catalogue says now; their <see cref="AccessRules.Problem"/> says
    /// when they cannot be read (then nobody but the operator sees any document).
    /// </summary>
    public AccessRules AccessRules => _accessFile.Current;

    /// <summary>The groups that may see <paramref name="doc"/> (null: public; empty: only the operator).</summary>
    public IReadOnlyList<string>? AccessOf(string doc)
    {
        var info = WithTable(table => table.Documents.FirstOrDefault(d => d.Doc == doc));
        return info is null ? null : _accessFile.Current.GroupsOf(info.Doc, info.File);
    }

    /// <summary>
    /// The commit's table as <paramref name="caller"/> may see it: the whole table for the operator, or when no rule
    /// hides anything from the caller; else a view without the hidden documents (one per distinct set of visible
    /// documents, kept with the commit).
    /// </summary>
    private (ParagraphTable Table, string Key) ViewOf(ParagraphTable table, Caller? caller)
    {
        table = table.Base;
        if (caller is null || caller.SeesEverything)
        {
            return (table, AllKey);
        }
        var rules = _accessFile.Current;
        if (!rules.HasRules)
        {
            return (table, AllKey);
        }
        var access = s_access.GetValue(table, t => new CommitAccess(t, rules));
        if (access.Rules.Signature != rules.Signature)
        {
            access = new CommitAccess(table, rules);
            s_access.AddOrUpdate(table, access);
        }
        return access.ViewFor(caller);
    }

    private const string AllKey = "all";

    /// <summary>The table <paramref name="caller"/> may see of the current commit, for <paramref name="action"/>.</summary>
    private T WithTable<T>(Caller? caller, Func<ParagraphTable, T> action)
    {
        var searcher = Acquire();
        try
        {
            return action(ViewOf(searcher.Table, caller).Table);
        }
        finally
        {
            Release(searcher);
        }
    }

    /// <summary>The skipped documents of a commit that <paramref name="caller"/> may see (an index without the others would not name them).</summary>
    private IReadOnlyList<SkippedDocument> VisibleSkipped(IReadOnlyList<SkippedDocument> skipped, Caller? caller)
    {
        if (caller is null || caller.SeesEverything || skipped.Count == 0)
        {
            return skipped;
        }
        var rules = _accessFile.Current;
        return [.. skipped.Where(s => AccessRules.Sees(caller, rules.GroupsOf(SourceFile.IdOf(s.File), s.File)))];
    }

    /// <summary>One commit's documents under one set of rules: who may see each, and the views made so far.</summary>
    private sealed class CommitAccess
    {
        private readonly ParagraphTable _table;
        private readonly IReadOnlyList<string>?[] _groups;
        private readonly ConcurrentDictionary<string, (ParagraphTable Table, string Key)> _byGroups = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, ParagraphTable> _byKey = new(StringComparer.Ordinal);

        public CommitAccess(ParagraphTable table, AccessRules rules)
        {
            _table = table;
            Rules = rules;
            _groups = [.. table.AllDocuments.Select(d => rules.GroupsOf(d.Doc, d.File))];
        }

        public AccessRules Rules { get; }

        public (ParagraphTable Table, string Key) ViewFor(Caller caller)
        {
            // Group names compare without case, as the rules do; their order does not matter.
            var groupsKey = string.Join('\n', caller.Groups.Select(g => g.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            if (_byGroups.TryGetValue(groupsKey, out var known))
            {
                return known;
            }
            var visible = new bool[_groups.Length];
            for (var i = 0; i < visible.Length; i++)
            {
                visible[i] = AccessRules.Sees(caller, _groups[i]);
            }
            (ParagraphTable, string) view;
            if (visible.All(v => v))
            {
                view = (_table, AllKey);
            }
            else
            {
                var key = "v" + AccessRules.Digest(_table.AllDocuments.Where(d => visible[d.Ordinal]).Select(d => d.Doc));
                var restricted = _byKey.TryGetValue(key, out var shared) ? shared : _table.Restrict(visible);
                if (_byKey.Count < MaxCachedViews)
                {
                    _byKey.TryAdd(key, restricted);
                }
                view = (restricted, key);
            }
            if (_byGroups.Count < MaxCachedViews)
            {
                _byGroups.TryAdd(groupsKey, view);
            }
            return view;
        }
    }
}

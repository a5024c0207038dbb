namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>The dictionary keys that stand for a class of lattice tokens rather than a word (spec §6).</summary>
internal static class SpecialKeys
{
    /// <summary>Key of Latin/full-width letter runs and OTHER units (未##串).</summary>
    public const string String = "未##串";

    /// <summary>Key of digit runs (未##数).</summary>
    public const string Number = "未##数";

    /// <summary>Key of the BEGIN token (始##始).</summary>
    public const string Begin = "始##始";

    /// <summary>Key of the END token (末##末).</summary>
    public const string End = "末##末";
}

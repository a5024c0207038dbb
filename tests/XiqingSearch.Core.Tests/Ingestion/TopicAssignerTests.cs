using XiqingSearch.Core.Ingestion.Topics;

namespace XiqingSearch.Core.Tests.Ingestion;

public class TopicAssignerTests
{
    [Fact]
    public void Assign_NoKeyword_GivesFallbackWithNoKeywords()
    {
        var assignment = TopicAssigner.Default.Assign(["一、总体要求"], "今年工作要求如下。");

        Assert.Equal(Taxonomy.Default.Fallback, assignment.Topic);
        Assert.Equal("综合", assignment.Topic);
        Assert.Empty(assignment.Keywords);
    }

    [Fact]
    public void Assign_HeadingKeyword_OutweighsSingleTextKeyword()
    {
        var assignment = TopicAssigner.Default.Assign(["（五）深化乡村振兴"], "推进城市道路建设。");

        Assert.Equal("乡村振兴", assignment.Topic);
        Assert.Contains("乡村", assignment.Keywords);
    }

    [Fact]
    public void Assign_TextKeywords_AreRecorded()
    {
        var assignment = TopicAssigner.Default.Assign(["二、任务"], "深入打好污染防治攻坚战，推进碳达峰。");

        Assert.Equal("生态环境", assignment.Topic);
        Assert.Equal(["碳达峰", "污染"], assignment.Keywords);
    }

    [Fact]
    public void Assign_Tie_GoesToFirstTopicInTaxonomy()
    {
        var taxonomy = new Taxonomy(
            [new TopicDefinition("甲", [new("工作", 1)]), new TopicDefinition("乙", [new("工作", 1)])],
            "综合");

        Assert.Equal("甲", new TopicAssigner(taxonomy).Assign([], "工作").Topic);
    }

    [Fact]
    public void Default_HasAFewTopicsAndAFallback()
    {
        Assert.InRange(Taxonomy.Default.Topics.Count, 12, 15);
        Assert.DoesNotContain(Taxonomy.Default.Fallback, Taxonomy.Default.Topics.Select(t => t.Name));
    }
}

using WorldProbe.SpaceTime.Datasets;
using WorldProbe.SpaceTime.Prompts;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>Rendered prompts carry the entity's exact span and the right probe position.</summary>
public class PromptRenderingTests
{
    public static TheoryData<string, string> DatasetPrompts()
    {
        var data = new TheoryData<string, string>();
        foreach (var (dataset, prompts) in PromptCatalog.ByDataset)
            foreach (string prompt in prompts) data.Add(dataset, prompt);
        return data;
    }

    [Theory]
    [MemberData(nameof(DatasetPrompts))]
    public void SpanHoldsTheEntityForASampleOfEntities(string dataset, string prompt)
    {
        var data = LoadedDatasets.Get(dataset);
        var template = PromptCatalog.GetFor(dataset, prompt);
        // Every 37th entity plus the first and last: a few hundred per dataset and prompt.
        var sample = data.Entities.Where((_, i) => i % 37 == 0).Append(data.Entities[^1]);
        foreach (var entity in sample)
        {
            var rendered = PromptCatalog.Render(template, entity);
            string expected = template.UpperCaseEntity ? entity.Name.ToUpperInvariant() : entity.Name;
            Assert.Equal(expected, rendered.Text[rendered.EntityStart..rendered.EntityEnd]);
            Assert.StartsWith(template.Prefix, rendered.Text);
            Assert.EndsWith(template.Suffix, rendered.Text);
            Assert.Equal(entity.Id, rendered.EntityId);
            Assert.InRange(rendered.ProbedChar, rendered.EntityStart, rendered.Text.Length - 1);
            if (template.Punctuation == FinalPunctuation.Period)
                Assert.Contains(rendered.Text[rendered.ProbedChar], ".?!");
            else
                Assert.Equal(rendered.EntityEnd - 1, rendered.ProbedChar);
            Assert.Equal(template.RandomPrefixTokens, rendered.RandomPrefixTokens);
            Assert.Equal(template.RandomPrefixTokens > 0, rendered.RandomPrefixSeed.HasValue);
        }
    }

    [Fact]
    public void PaperPromptTextsExactly()
    {
        var lincoln = LoadedDatasets.Row("pantheon", 1);
        Assert.Equal("When was Abraham Lincoln born?", PromptCatalog.Render(PromptCatalog.Get("when"), lincoln).Text);
        Assert.Equal("When was ABRAHAM LINCOLN born?", PromptCatalog.Render(PromptCatalog.Get("when_all_caps"), lincoln).Text);
        var under = LoadedDatasets.Row("world_place", 13);
        Assert.Equal("What are the lat/lon coordinates of restaurant's Under", PromptCatalog.Render(PromptCatalog.Get("coords"), under).Text);
        Assert.Equal("Where is restaurant's Under", PromptCatalog.Render(PromptCatalog.Get("where_is"), under).Text);
        var nyc = LoadedDatasets.Row("nyc_place", 8);
        Assert.Equal("Where in New York City is Robert F Kennedy", PromptCatalog.Render(PromptCatalog.Get("where_nyc"), nyc).Text);
        var us = LoadedDatasets.Row("us_place", 1);
        Assert.Equal("Where in the United States is New York", PromptCatalog.Render(PromptCatalog.Get("where_us"), us).Text);
        var it = LoadedDatasets.Row("art", 1);
        Assert.Equal("When was the release date of Stephen King's It", PromptCatalog.Render(PromptCatalog.Get("release"), it).Text);
    }

    [Fact]
    public void HeadlinePromptsProbeThePeriodOrTheLastToken()
    {
        var campaign = LoadedDatasets.Row("headlines_epu", 1); // "Campaign Report", 1980-10-25
        var with = PromptCatalog.Render(PromptCatalog.Get("when_w_period"), campaign);
        Assert.Equal("Publication date of: Campaign Report.", with.Text);
        Assert.Equal(with.Text.Length - 1, with.ProbeCharIndex);
        var without = PromptCatalog.Render(PromptCatalog.Get("when_wo_period"), campaign);
        Assert.Equal("Publication date of: Campaign Report", without.Text);
        Assert.Null(without.ProbeCharIndex);
        Assert.Equal(without.Text.Length - 1, without.ProbedChar);

        var question = LoadedDatasets.Get("headlines_epu").Entities.First(e => e.Name == "Why Did Tavern Fail?");
        var asked = PromptCatalog.Render(PromptCatalog.Get("empty_w_period"), question);
        Assert.Equal("Why Did Tavern Fail?", asked.Text);
        Assert.Equal(asked.Text.Length - 1, asked.ProbeCharIndex);
    }

    [Fact]
    public void RandomPrefixIsSeededPerEntity()
    {
        var template = PromptCatalog.Get("random");
        var a = PromptCatalog.Render(template, LoadedDatasets.Row("nyc_place", 1), baseSeed: 7);
        var b = PromptCatalog.Render(template, LoadedDatasets.Row("nyc_place", 2), baseSeed: 7);
        var again = PromptCatalog.Render(template, LoadedDatasets.Row("nyc_place", 1), baseSeed: 7);
        Assert.Equal(10, a.RandomPrefixTokens);
        Assert.Equal(a.RandomPrefixSeed, again.RandomPrefixSeed);
        Assert.NotEqual(a.RandomPrefixSeed, b.RandomPrefixSeed);
        Assert.Equal("Whitestone", a.Text);
        int[] ids = RandomPrefix.Draw(a.RandomPrefixSeed!.Value, a.RandomPrefixTokens, RandomPrefix.LowestId, 32_000);
        Assert.Equal(ids, RandomPrefix.Draw(a.RandomPrefixSeed!.Value, 10, RandomPrefix.LowestId, 32_000));
        Assert.All(ids, id => Assert.InRange(id, 100, 31_999));
        Assert.True(ids.Distinct().Count() > 5);
    }

    [Fact]
    public void RandomPrefixIdsCoverTheRangeUniformly()
    {
        // 20,000 draws over 10 values: each value's count is within 5 standard deviations of 2,000.
        int[] ids = RandomPrefix.Draw(12345, 20_000, 0, 10);
        var counts = ids.GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 2_000 - 5 * 42, 2_000 + 5 * 42));
    }

    [Fact]
    public void UnknownOrInapplicablePromptsListTheValidOnes()
    {
        var unknown = Assert.Throws<WorldProbeException>(() => PromptCatalog.Get("wherever"));
        Assert.Contains("wherever", unknown.Message);
        foreach (var template in PromptCatalog.Templates) Assert.Contains(template.Name, unknown.Message);
        var wrong = Assert.Throws<WorldProbeException>(() => PromptCatalog.GetFor("art", "where_nyc"));
        Assert.Contains("release, empty, empty_all_caps, random", wrong.Message);
    }

    [Fact]
    public void EveryDatasetHasPromptsAndEveryPromptIsUsed()
    {
        Assert.Equal(SpaceTimeDatasets.Names.Order(), PromptCatalog.ByDataset.Keys.Order());
        var used = PromptCatalog.ByDataset.Values.SelectMany(p => p).ToHashSet();
        Assert.All(PromptCatalog.Templates, t => Assert.Contains(t.Name, used));
    }
}

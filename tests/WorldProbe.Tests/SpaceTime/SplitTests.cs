using WorldProbe.SpaceTime.Datasets;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>The hash split for sources without one: independent of run and order, about 20%, duplicates together.</summary>
public class SplitTests
{
    [Fact]
    public void UniformMatchesAnIndependentSha256Computation()
    {
        // Python: int.from_bytes(sha256(b"worldprobe-split:pantheon:307").digest()[:8], "big") >> 11) / 2**53
        Assert.Equal(0.4144690518015607, HashSplit.Uniform("pantheon:307"), 15);
        Assert.Equal(0.9227005550078388, HashSplit.Uniform("headlines_abc:abc"), 15);
    }

    [Theory]
    [InlineData("pantheon")]
    [InlineData("headlines_nyt")]
    [InlineData("headlines_epu")]
    [InlineData("headlines_abc")]
    public void HashSplitIsStableAndAboutOneFifth(string name)
    {
        var first = LoadedDatasets.Get(name);
        var again = SpaceTimeDatasets.Load(name);
        Assert.Equal(first.Entities.Select(e => e.IsTest), again.Entities.Select(e => e.IsTest));
        Assert.InRange(first.TestCount / (double)first.Entities.Count, 0.18, 0.22);
    }

    [Fact]
    public void RepeatedHeadlinesShareASplit()
    {
        // SOURCE.md: "Your Tuesday Briefing" and "World Business Briefing" recur.
        var epu = LoadedDatasets.Get("headlines_epu");
        foreach (string headline in new[] { "Your Tuesday Briefing", "World Business Briefing" })
        {
            var copies = epu.Entities.Where(e => e.Name == headline).ToArray();
            Assert.True(copies.Length > 1);
            Assert.Single(copies.Select(e => e.IsTest).Distinct());
        }
        var split = epu.Entities.GroupBy(e => e.Name.ToLowerInvariant()).Where(g => g.Select(e => e.IsTest).Distinct().Count() > 1);
        Assert.Empty(split);
    }
}

using WorldProbe.Demo;
using WorldProbe.Reports;
using WorldProbe.Runs;

namespace WorldProbe.Tests.Othello;

/// <summary>The demo's Othello step writes its corpora and a report section with the checked numbers.</summary>
public class OthelloEngineStepTests
{
    [Fact]
    public void TheDemoStepReportsPerftTheSyntheticCorpusAndTheEothelloImport()
    {
        using var temp = new TempFolder();
        var report = new HtmlReport("test");
        new OthelloEngineStep().Run(temp.Path, report, IProgressSink.Silent);
        string html = report.Render();
        Assert.Contains("390216", html);
        Assert.DoesNotContain(">NO<", html);
        Assert.Contains("596120 (28 moves)", html);
        using var corpus = WorldProbe.Othello.GameCorpus.Open(Path.Combine(temp.Path, "synthetic-100k.wpg"));
        Assert.Equal(OthelloEngineStep.DemoGames, corpus.Count);
        Assert.True(File.Exists(Path.Combine(temp.Path, "eothello.wpg")));
    }
}

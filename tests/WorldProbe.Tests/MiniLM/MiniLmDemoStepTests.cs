using WorldProbe.Demo;
using WorldProbe.Reports;
using WorldProbe.Runs;

namespace WorldProbe.Tests.MiniLM;

/// <summary>The demo's MiniLM step on the shared import.</summary>
[Collection(MiniLmCollection.Name)]
public sealed class MiniLmDemoStepTests(MiniLmFixture fixture)
{
    [Fact]
    public void StepReportsAgreementWithOnnxRuntimeAndTheEntityToken()
    {
        var report = new HtmlReport("test");
        string folder = Directory.CreateTempSubdirectory("worldprobe-demo-").FullName;
        try { new MiniLmStep(fixture.CacheRoot).Run(folder, report, IProgressSink.Silent); }
        finally { Directory.Delete(folder, recursive: true); }
        string html = report.Render();
        Assert.Contains("passed", html);
        Assert.DoesNotContain("FAILED", html);
        Assert.Contains("all-MiniLM-L6-v2", html);
    }
}

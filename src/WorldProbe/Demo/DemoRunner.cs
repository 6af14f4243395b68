using WorldProbe.Reports;
using WorldProbe.Runs;

namespace WorldProbe.Demo;

/// <summary>
/// The main job: runs every demo step on the embedded defaults (offline, CPU, a few minutes) and
/// writes one HTML report, index.html, with a manifest beside it.
/// </summary>
public sealed class DemoRunner
{
    /// <summary>The steps in the order they run.</summary>
    public static IReadOnlyList<IDemoStep> DefaultSteps() =>
    [
        new TensorCheckStep(),
        new OthelloEngineStep(),
        new OthelloWorldModelStep(),
        new MiniLmStep(),
        new SpaceProbeStep(),
    ];

    readonly IReadOnlyList<IDemoStep> steps;

    /// <summary>A runner over <paramref name="steps"/> (default: <see cref="DefaultSteps"/>).</summary>
    public DemoRunner(IReadOnlyList<IDemoStep>? steps = null) => this.steps = steps ?? DefaultSteps();

    /// <summary>Runs all steps into <paramref name="folder"/>; returns the report's path.</summary>
    public string Run(string folder, string commandLine, IProgressSink progress)
    {
        Directory.CreateDirectory(folder);
        var manifest = new RunManifest { CommandLine = commandLine, Seed = 0 };
        manifest.WriteTo(folder);
        var report = new HtmlReport("WorldProbe demo");
        report.Paragraph("Does a sequence model carry an internal model of the world, and does it use it? " +
                         "This page is written by ./worldprobe demo on the embedded defaults.");
        foreach (var step in steps)
        {
            string stepFolder = Path.Combine(folder, step.Name);
            Directory.CreateDirectory(stepFolder);
            step.Run(stepFolder, report, progress);
            report.Save(Path.Combine(folder, "index.html"));
        }
        string index = Path.Combine(folder, "index.html");
        report.Save(index);
        (manifest with { EndedUtc = DateTimeOffset.UtcNow, Status = "ok" }).WriteTo(folder);
        return index;
    }
}

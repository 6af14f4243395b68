using WorldProbe.Reports;
using WorldProbe.Runs;

namespace WorldProbe.Demo;

/// <summary>
/// One part of <c>worldprobe demo</c>: it does its work inside the demo's run folder and writes its
/// section of the report. Each study (Othello, space and time) adds its own step.
/// </summary>
public interface IDemoStep
{
    /// <summary>A short name shown in progress and used as its sub-folder.</summary>
    string Name { get; }

    /// <summary>Runs the step; <paramref name="folder"/> is its own sub-folder of the run.</summary>
    void Run(string folder, HtmlReport report, IProgressSink progress);
}

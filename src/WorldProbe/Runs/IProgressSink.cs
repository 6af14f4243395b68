namespace WorldProbe.Runs;

/// <summary>
/// How long-running library work reports progress without knowing about the console. The CLI
/// renders it as Spectre.Console progress bars with rate and ETA; scripts may pass <see cref="Silent"/>.
/// </summary>
public interface IProgressSink
{
    /// <summary>Starts a task of <paramref name="total"/> units (games, tokens, rows...).</summary>
    IProgressTask Start(string description, double total, string unit = "items");

    /// <summary>A sink that shows nothing.</summary>
    public static IProgressSink Silent { get; } = new SilentProgress();

    private sealed class SilentProgress : IProgressSink, IProgressTask
    {
        public IProgressTask Start(string description, double total, string unit) => this;
        public void Advance(double units) { }
        public void SetDescription(string description) { }
        public void Dispose() { }
    }
}

/// <summary>One task's progress; dispose when done.</summary>
public interface IProgressTask : IDisposable
{
    /// <summary>Adds <paramref name="units"/> of done work.</summary>
    void Advance(double units);
    /// <summary>Replaces the line's text (for example with the current loss).</summary>
    void SetDescription(string description);
}

using System.Collections.Concurrent;
using Spectre.Console;
using Spectre.Console.Rendering;
using WorldProbe.Runs;

namespace WorldProbe.Cli.Console;

/// <summary>
/// Renders library progress (<see cref="IProgressSink"/>) as Spectre.Console bars on stderr with
/// percentage, rate in the task's own unit, elapsed time and ETA.
/// </summary>
public static class ConsoleProgress
{
    /// <summary>Runs <paramref name="work"/> with live progress bars; returns its result.</summary>
    public static T Run<T>(Func<IProgressSink, T> work)
    {
        var units = new ConcurrentDictionary<int, string>();
        T result = default!;
        CommandAction.Error.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                     new RateColumn(units), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context => result = work(new Sink(context, units)));
        return result;
    }

    sealed class Sink(ProgressContext context, ConcurrentDictionary<int, string> units) : IProgressSink
    {
        public IProgressTask Start(string description, double total, string unit = "items")
        {
            var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1e-9));
            units[task.Id] = unit;
            return new Task(task);
        }
    }

    sealed class Task(ProgressTask task) : IProgressTask
    {
        public void Advance(double units) => task.Increment(units);
        public void SetDescription(string description) => task.Description = Markup.Escape(description);
        public void Dispose() => task.StopTask();
    }

    sealed class RateColumn(ConcurrentDictionary<int, string> units) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            double? speed = task.Speed;
            string unit = units.GetValueOrDefault(task.Id, "items");
            return new Text(speed is null ? "" : $"{FormatRate(speed.Value)} {unit}/s", new Style(Color.Grey));
        }

        static string FormatRate(double rate) => rate switch
        {
            >= 1e6 => $"{rate / 1e6:F2}M",
            >= 1e4 => $"{rate / 1e3:F1}k",
            >= 100 => $"{rate:F0}",
            _ => $"{rate:F2}",
        };
    }
}

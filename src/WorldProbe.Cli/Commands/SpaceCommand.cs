using System.CommandLine;
using System.Globalization;
using WorldProbe.SpaceTime.Datasets;
using WorldProbe.SpaceTime.Prompts;

namespace WorldProbe.Cli.Commands;

/// <summary>`worldprobe space`: the space and time datasets and their prompts.</summary>
public static class SpaceCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create()
    {
        var command = new Command("space", "Space and time probes of language models: datasets, prompts, extraction, probes and reports.");
        command.Subcommands.Add(Datasets());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(SpaceProbeCommands.Extract());
        command.Subcommands.Add(SpaceProbeCommands.Merge());
        command.Subcommands.Add(SpaceProbeCommands.Probe());
        command.Subcommands.Add(SpaceProbeCommands.Report());
        return command;
    }

    static Command Datasets()
    {
        var json = CommonOptions.Json();
        var command = new Command("datasets", "List the space/time datasets with row and test counts and what loading repaired or dropped.") { json };
        CommandAction.Set(command, parse =>
        {
            var rows = SpaceTimeDatasets.All.Select(registration =>
            {
                var dataset = SpaceTimeDatasets.Load(registration.Name);
                return new
                {
                    name = dataset.Name,
                    kind = dataset.Kind.ToString().ToLowerInvariant(),
                    file = "data/spacetime/" + registration.RelativePath,
                    description = registration.Description,
                    rows = dataset.Entities.Count,
                    test = dataset.TestCount,
                    rowsRead = dataset.Report.RowsRead,
                    dropped = dataset.Report.DroppedByReason,
                    repaired = dataset.Report.RepairsByKind,
                    target = dataset.TargetDescription,
                    split = dataset.SplitRule,
                    prompts = PromptCatalog.For(dataset.Name),
                };
            }).ToArray();
            if (parse.GetValue(json))
            {
                CommonOptions.PrintJson(rows);
                return ExitCodes.Ok;
            }
            var output = System.Console.Out;
            output.WriteLine($"{"dataset",-14} {"kind",-5} {"rows",7} {"test",6} {"read",7} {"dropped",7}  prompts (main first)");
            foreach (var row in rows)
                output.WriteLine($"{row.name,-14} {row.kind,-5} {row.rows,7} {row.test,6} {row.rowsRead,7} {row.rowsRead - row.rows,7}  {string.Join(", ", row.prompts)}");
            output.WriteLine();
            foreach (var row in rows)
            {
                output.WriteLine($"{row.name}: {row.file}");
                if (row.dropped.Count > 0) output.WriteLine($"  dropped:  {string.Join("; ", row.dropped.Select(p => $"{p.Key} {p.Value}"))}");
                if (row.repaired.Count > 0) output.WriteLine($"  repaired: {string.Join("; ", row.repaired.Select(p => $"{p.Key} {p.Value}"))}");
                output.WriteLine($"  split:    {row.split}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Show()
    {
        var dataset = new Option<string>("--dataset") { Description = $"Dataset: {string.Join(", ", SpaceTimeDatasets.Names)}.", Required = true };
        var prompt = new Option<string?>("--prompt") { Description = "Prompt name (default: the dataset's main prompt)." };
        var count = new Option<int>("--n") { Description = "How many entities to show (the first N rows).", DefaultValueFactory = _ => 5 };
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("show", "Show prompts rendered for a dataset's first entities, with the entity span marked «like this».")
        {
            dataset, prompt, count, seed, json,
        };
        CommandAction.Set(command, parse =>
        {
            string name = parse.GetValue(dataset)!;
            SpaceTimeDatasets.Find(name);
            string promptName = parse.GetValue(prompt) ?? PromptCatalog.MainPrompt(name);
            var template = PromptCatalog.GetFor(name, promptName);
            int n = parse.GetValue(count);
            if (n < 0) throw new WorldProbeException($"--n {n}: the number of entities to show must be 0 or more.");
            var data = SpaceTimeDatasets.Load(name);
            var shown = data.Entities.Take(n).Select(entity => (Entity: entity, Prompt: PromptCatalog.Render(template, entity, parse.GetValue(seed)))).ToArray();
            if (parse.GetValue(json))
            {
                CommonOptions.PrintJson(shown.Select(s => new
                {
                    entityId = s.Entity.Id,
                    entity = s.Entity.Name,
                    target = data.Target(s.Entity),
                    isTest = s.Entity.IsTest,
                    s.Prompt.Text,
                    s.Prompt.EntityStart,
                    s.Prompt.EntityEnd,
                    s.Prompt.ProbeCharIndex,
                    s.Prompt.RandomPrefixTokens,
                    s.Prompt.RandomPrefixSeed,
                }));
                return ExitCodes.Ok;
            }
            var output = System.Console.Out;
            output.WriteLine($"{name} / {template.Name}: {template.Description}");
            foreach (var (entity, rendered) in shown)
            {
                string marked = rendered.Text[..rendered.EntityStart] + "«" + rendered.EntityText + "»" + rendered.Text[rendered.EntityEnd..];
                string random = rendered.RandomPrefixTokens > 0 ? $"BOS + {rendered.RandomPrefixTokens} random ids (seed {rendered.RandomPrefixSeed}) + " : "BOS + ";
                string probe = rendered.ProbeCharIndex is { } at ? $"probe '{rendered.Text[at]}' at char {at}" : "probe the entity's last token";
                string target = string.Join(", ", data.Target(entity).Select(v => v.ToString("0.####", CultureInfo.InvariantCulture)));
                output.WriteLine($"#{entity.Id} {(entity.IsTest ? "test " : "train")} [{string.Join(", ", data.TargetNames)}] = [{target}]");
                output.WriteLine($"  {random}\"{marked}\"");
                output.WriteLine($"  span [{rendered.EntityStart}, {rendered.EntityEnd}), {probe}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}

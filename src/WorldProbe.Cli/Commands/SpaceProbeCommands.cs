using System.CommandLine;
using System.Globalization;
using WorldProbe.Activations;
using WorldProbe.Cli.Console;
using WorldProbe.Runs;
using WorldProbe.SpaceTime.Analysis;
using WorldProbe.SpaceTime.Datasets;
using WorldProbe.SpaceTime.Extraction;

namespace WorldProbe.Cli.Commands;

/// <summary>`worldprobe space extract | merge | probe | report`: activations of a language model, and probes on them.</summary>
public static class SpaceProbeCommands
{
    /// <summary>`space extract`.</summary>
    public static Command Extract()
    {
        var model = new Option<string>("--model") { Description = "Embedded model name (minilm) or a Hugging Face model folder.", Required = true };
        var dataset = new Option<string>("--dataset") { Description = $"Dataset: {string.Join(", ", SpaceTimeDatasets.Names)}.", Required = true };
        var prompt = new Option<string?>("--prompt") { Description = "Prompt name (default: the dataset's main prompt)." };
        var output = new Option<string>("--out") { Description = "Store folder (created; rerun the same command to resume).", Required = true };
        var layers = new Option<string?>("--layers") { Description = "Layers to keep, e.g. 0,3,6 or 2-5 (default: all, 0..n_layers; layer j = after j blocks)." };
        var storeDType = new Option<string>("--store-dtype") { Description = "fp16 or fp32 on disk.", DefaultValueFactory = _ => "fp16" };
        var batch = new Option<int>("--batch") { Description = "Rows per padded forward batch (part of the batch plan: keep it when resuming).", DefaultValueFactory = _ => 64 };
        var shard = new Option<string>("--shard") { Description = "i/N: compute shard i of N (0-based); join with `space merge`.", DefaultValueFactory = _ => "0/1" };
        var threads = new Option<int?>("--threads") { Description = "libtorch threads (default: all cores)." };
        var maxEntities = new Option<int?>("--max-entities") { Description = "Keep an evenly spaced subset of at most N entities." };
        var randomInit = new Option<long?>("--random-init") { Description = "Control: replace the trained weights by a fresh initialisation with this seed (same architecture and tokenizer; BERT's N(0, 0.02), norms 1/0); the store's model name records it." };
        var timeForward = new Option<bool>("--time-forward") { Description = "Afterwards, time the same batches through the bare forward pass and print the extraction's overhead." };
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("extract", "Run a model over a dataset's prompts and store the residual stream at each entity's probed token, every layer (resumable, shardable).")
        {
            model, dataset, prompt, output, layers, storeDType, batch, shard, threads, maxEntities, randomInit, timeForward, seed, json,
        };
        CommandAction.Set(command, parse =>
        {
            if (parse.GetValue(threads) is int count) TorchSharp.torch.set_num_threads(Math.Max(1, count));
            var options = new SpaceExtractionOptions(
                parse.GetValue(model)!, parse.GetValue(dataset)!, parse.GetValue(prompt), parse.GetValue(output)!,
                ParseLayers(parse.GetValue(layers)),
                ExtractionSettings.ParseStoreDType(parse.GetValue(storeDType)!),
                parse.GetValue(batch),
                ShardSpec.Parse(parse.GetValue(shard)!),
                parse.GetValue(maxEntities),
                parse.GetValue(seed),
                RandomInitSeed: parse.GetValue(randomInit));
            var result = ConsoleProgress.Run(progress => SpaceExtraction.Run(options, progress));
            double? forward = parse.GetValue(timeForward) ? ConsoleProgress.Run(progress => SpaceExtraction.TimeBareForward(options, progress)) : null;
            var summary = new
            {
                store = Path.GetFullPath(options.Output),
                result.Manifest.Model,
                result.Manifest.Dataset,
                result.Manifest.Prompt,
                layers = result.Manifest.Layers,
                chunksDone = result.Manifest.Chunks.Count,
                chunks = result.Manifest.ChunkCount,
                rowsComputed = result.Rows,
                result.RealTokens,
                result.PaddedTokens,
                seconds = result.Seconds,
                entitiesPerSecond = result.RowsPerSecond,
                threads = TorchSharp.torch.get_num_threads(),
                bareForwardSeconds = forward,
                overhead = forward is double f && f > 0 ? result.Seconds / f - 1 : (double?)null,
            };
            if (parse.GetValue(json)) CommonOptions.PrintJson(summary);
            else
            {
                System.Console.Out.WriteLine($"{summary.Dataset}/{summary.Prompt} -> {summary.store}: chunks {summary.chunksDone}/{summary.chunks}, " +
                                             $"{summary.rowsComputed:N0} rows computed in {summary.seconds:F1} s ({summary.entitiesPerSecond:F0} entities/s, {summary.threads} threads, " +
                                             $"{summary.RealTokens:N0} tokens, {summary.PaddedTokens:N0} with padding)");
                if (forward is double seconds)
                    System.Console.Out.WriteLine($"bare forward pass on the same batches: {seconds:F1} s; extraction overhead {summary.overhead:P1}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>`space merge`.</summary>
    public static Command Merge()
    {
        var output = new Option<string>("--out") { Description = "Folder of the whole store.", Required = true };
        var shards = new Argument<string[]>("shards") { Description = "Shard store folders (from extract --shard i/N).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("merge", "Join the stores of several shards of one extraction into one store (checks settings, coverage and checksums).") { output, shards };
        CommandAction.Set(command, parse =>
        {
            var manifest = ActivationStoreMerger.Merge(parse.GetValue(shards)!, parse.GetValue(output)!);
            System.Console.Out.WriteLine($"merged {manifest.Chunks.Count} chunks ({manifest.TotalRows:N0} rows) of {manifest.Describe()} into {parse.GetValue(output)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>`space probe`.</summary>
    public static Command Probe()
    {
        var store = new Option<string>("--store") { Description = "Activation store folder (from space extract).", Required = true };
        var output = new Option<string?>("--out") { Description = "Output folder (default: a new folder under runs/)." };
        var resamples = new Option<int>("--bootstrap") { Description = "Bootstrap resamples of each 95% interval.", DefaultValueFactory = _ => 1000 };
        var threads = new Option<int?>("--threads") { Description = "libtorch threads (default: all cores)." };
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("probe", "Fit a ridge probe per layer on the dataset's training rows and score it on the test rows (R², Pearson, Spearman, MAE, km, proximity error, bootstrap CIs, shuffled-target control); writes results.json, charts and report.html.")
        {
            store, output, resamples, threads, seed, json,
        };
        var experiments = new SpaceExperiments(command);
        CommandAction.Set(command, parse =>
        {
            if (parse.GetValue(threads) is int count) TorchSharp.torch.set_num_threads(Math.Max(1, count));
            string folder = parse.GetValue(output) ?? RunFolder.CreateNew("space-probe");
            Directory.CreateDirectory(folder);
            new RunManifest { CommandLine = CommonOptions.CommandLine, Seed = parse.GetValue(seed) }.WriteTo(folder);
            if (experiments.Selected(parse) != SpaceExperiments.Layers)
            {
                System.Console.Out.WriteLine($"report: {experiments.Run(parse, parse.GetValue(store)!, folder, parse.GetValue(resamples), parse.GetValue(seed), parse.GetValue(json))}");
                return ExitCodes.Ok;
            }
            var results = ConsoleProgress.Run(progress => SpaceProbe.Run(parse.GetValue(store)!,
                new SpaceProbeOptions(parse.GetValue(resamples), parse.GetValue(seed)), progress));
            results.WriteTo(folder);
            string page = SpaceProbeReport.WritePage([results], folder, $"Space and time probes: {results.Model} on {results.Dataset}");
            if (parse.GetValue(json)) CommonOptions.PrintJson(results.Layers);
            else
            {
                System.Console.Out.WriteLine(string.Join(" | ", SpaceProbeReport.SummaryHeader));
                System.Console.Out.WriteLine(string.Join(" | ", SpaceProbeReport.SummaryRow(results)));
                foreach (var layer in results.Layers)
                    System.Console.Out.WriteLine($"layer {layer.Layer}: R² {layer.RSquared.Format()}, Spearman {layer.Spearman.Format()}, proximity {layer.ProximityError.Format()}, " +
                                                 $"alpha {layer.Alpha:G3}{(layer.AlphaOnGridEdge ? " (grid edge)" : "")}, control R² {layer.ControlRSquared:F3}");
                System.Console.Out.WriteLine($"report: {page}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>`space report`.</summary>
    public static Command Report()
    {
        var output = new Option<string>("--out") { Description = "Folder for report.html and its charts.", Required = true };
        var inputs = new Argument<string[]>("results") { Description = "results.json files or the folders holding them (from space probe).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("report", "One HTML page for several probe results (all datasets and models).") { output, inputs };
        CommandAction.Set(command, parse =>
        {
            var all = parse.GetValue(inputs)!.Select(SpaceProbeResults.Read).ToList();
            System.Console.Out.WriteLine($"report: {SpaceProbeReport.WritePage(all, parse.GetValue(output)!)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Parses "0,3,6", "2-5" or a mix; null stays null (all layers).</summary>
    public static int[]? ParseLayers(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var layers = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] range = part.Split('-');
            if (range.Length == 1 && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out int one)) layers.Add(one);
            else if (range.Length == 2 && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out int from)
                     && int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out int to) && from <= to)
                layers.AddRange(Enumerable.Range(from, to - from + 1));
            else throw new WorldProbeException($"--layers {text}: expected layer numbers and ranges like 0,3,6 or 2-5.");
        }
        return layers.Distinct().Order().ToArray();
    }
}

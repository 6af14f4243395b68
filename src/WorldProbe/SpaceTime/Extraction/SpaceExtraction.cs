using System.Diagnostics;
using System.Globalization;
using WorldProbe.Activations;
using WorldProbe.Runs;
using WorldProbe.SpaceTime.Datasets;
using WorldProbe.SpaceTime.Prompts;
using WorldProbe.Transformers;
using WorldProbe.Transformers.Import;
using WorldProbe.Transformers.Tokenization;
using static TorchSharp.torch;

namespace WorldProbe.SpaceTime.Extraction;

/// <summary>
/// Extracts the residual stream of a language model at each entity's probed token into an activation
/// store: render the prompts, tokenize them, locate the probed token from the tokenizer's offsets, plan
/// padded batches by length and stream every layer to disk (resumable, shardable).
/// </summary>
public static class SpaceExtraction
{
    /// <summary>Resolves a model argument: an embedded model name, or a folder.</summary>
    public static string ResolveModelFolder(string model, string? cacheRoot = null)
    {
        if (EmbeddedModels.Names.Contains(model, StringComparer.OrdinalIgnoreCase)) return EmbeddedModels.Resolve(model, cacheRoot);
        if (Directory.Exists(model)) return Path.GetFullPath(model);
        throw new WorldProbeException($"--model {model}: neither an embedded model ({string.Join(", ", EmbeddedModels.Names)}) nor a folder; pass a Hugging Face model folder with config.json, weights and tokenizer files.");
    }

    /// <summary>The dataset's entities, or an evenly spaced subset of at most <paramref name="maxEntities"/> of them (file order kept).</summary>
    public static EntityDataset Subset(EntityDataset dataset, int? maxEntities)
    {
        if (maxEntities is not int max || max >= dataset.Entities.Count) return dataset;
        if (max < 1) throw new WorldProbeException($"--max-entities {max}: keep at least one entity.");
        double step = (double)dataset.Entities.Count / max;
        var kept = Enumerable.Range(0, max).Select(i => dataset.Entities[(int)(i * step)]).ToArray();
        return dataset with { Entities = kept };
    }

    /// <summary>Tokenizes every prompt: ids (with BOS/[CLS]) and the probed token's index.</summary>
    public static IReadOnlyList<EncodedPrompt> EncodeAll(ITextTokenizer tokenizer, IReadOnlyList<RenderedPrompt> prompts, int maxPositions)
    {
        var encoded = new EncodedPrompt[prompts.Count];
        for (int i = 0; i < prompts.Count; i++)
        {
            encoded[i] = EncodedPrompt.Encode(tokenizer, prompts[i]);
            if (encoded[i].Ids.Length > maxPositions)
                throw new WorldProbeException($"entity {prompts[i].EntityId}: its prompt has {encoded[i].Ids.Length} tokens, more than the model's {maxPositions} positions.");
        }
        return encoded;
    }

    /// <summary>Runs the extraction described by <paramref name="options"/>.</summary>
    public static SpaceExtractionResult Run(SpaceExtractionOptions options, IProgressSink progress, CancellationToken cancel = default)
    {
        var full = SpaceTimeDatasets.Load(options.Dataset, options.DataRoot ?? SpaceTimeDatasets.DefaultDataRoot);
        var dataset = Subset(full, options.MaxEntities);
        string promptName = options.Prompt ?? PromptCatalog.MainPrompt(dataset.Name);
        var prompts = PromptCatalog.RenderAll(dataset, promptName, options.Seed);
        string folder = ResolveModelFolder(options.Model, options.CacheRoot);
        using var tokenizer = TokenizerLoader.Load(folder);
        using var model = TransformerLoader.Load(folder);
        if (options.RandomInitSeed is long initSeed) model.InitializeWeights(initSeed);
        model.eval();
        var encoded = EncodeAll(tokenizer, prompts, model.Config.Context);
        int[] layers = (options.Layers ?? Enumerable.Range(0, model.Config.NLayers + 1).ToArray()).ToArray();
        foreach (int layer in layers)
            if (layer < 0 || layer > model.Config.NLayers)
                throw new WorldProbeException($"--layers: layer {layer} does not exist; {options.Model} has layers 0..{model.Config.NLayers} (layer j = after j blocks).");

        var details = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["model_weights"] = options.RandomInitSeed is long seed
                ? $"random init, seed {seed}: linear and embedding weights N(0, 0.02), biases 0, norms weight 1 bias 0 (trained weights not used)"
                : WeightFiles(folder),
            ["model_architecture"] = model.Config.Architecture.ToString(),
            ["model_config_sha256"] = HashIfPresent(Path.Combine(folder, "config.json")),
            ["model_parameters"] = model.ParameterCount.ToString(CultureInfo.InvariantCulture),
            ["compute_dtype"] = model.DType.ToString().ToLowerInvariant(),
            ["tokenizer_kind"] = tokenizer.Kind.ToString(),
            ["tokenizer_file"] = Path.GetFileName(tokenizer.SourcePath),
            ["tokenizer_sha256"] = HashIfPresent(tokenizer.SourcePath),
            ["tokenizer_vocabulary"] = tokenizer.VocabularySize.ToString(CultureInfo.InvariantCulture),
            ["sequence"] = (tokenizer.Special.Bos is not null ? "BOS" : tokenizer.Special.Cls is not null ? "[CLS]" : "nothing") + " + random prefix (if any) + prompt text; no other special tokens",
            ["probed_token"] = "token holding the entity's last character (or the final period for headline prompts), from the tokenizer's offsets",
            ["prompt_seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
            ["subset"] = dataset.Entities.Count < full.Entities.Count ? $"{dataset.Entities.Count} of {full.Entities.Count} entities, evenly spaced in file order" : "all",
        };
        var settings = new ExtractionSettings(ModelName(options), dataset.Name, promptName, options.StoreDType, layers, options.BatchSize, options.BatchesPerChunk, details);
        var plan = BatchPlan.Create(encoded.Select(e => e.Ids.Length).ToArray(), options.BatchSize, settings.BatchesPerChunk);
        var source = new ResidualStreamSource(model, encoded.Select(e => e.Ids).ToArray(), encoded.Select(e => e.ProbedIndex).ToArray(), layers);
        var before = ActivationStoreManifest.TryRead(options.Output)?.Chunks.Select(c => c.Index).ToHashSet() ?? [];

        var clock = Stopwatch.StartNew();
        var manifest = ActivationStoreWriter.Extract(options.Output, settings, plan,
            dataset.Entities.Select(e => e.Id.ToString(CultureInfo.InvariantCulture)).ToArray(), source, options.Shard.Count == 0 ? ShardSpec.Whole : options.Shard, progress, cancel);
        double seconds = clock.Elapsed.TotalSeconds;

        var computed = manifest.Chunks.Where(c => !before.Contains(c.Index)).ToList();
        long real = 0, padded = 0;
        foreach (var chunk in computed)
        {
            var (first, count) = plan.Chunks[chunk.Index];
            foreach (var batch in plan.Batches.Skip(first).Take(count))
            {
                real += batch.Sum(r => (long)encoded[r].Ids.Length);
                padded += (long)batch.Length * batch.Max(r => encoded[r].Ids.Length);
            }
        }
        return new SpaceExtractionResult(manifest, computed.Sum(c => c.Rows.Length), real, padded, seconds);
    }

    /// <summary>
    /// Times the same padded batches as an extraction through the bare forward pass
    /// (<see cref="Transformer.Forward"/>, all blocks, no hooks, no files): the baseline for the
    /// extraction's overhead. Returns seconds.
    /// </summary>
    public static double TimeBareForward(SpaceExtractionOptions options, IProgressSink progress)
    {
        var dataset = Subset(SpaceTimeDatasets.Load(options.Dataset, options.DataRoot ?? SpaceTimeDatasets.DefaultDataRoot), options.MaxEntities);
        var prompts = PromptCatalog.RenderAll(dataset, options.Prompt ?? PromptCatalog.MainPrompt(dataset.Name), options.Seed);
        string folder = ResolveModelFolder(options.Model, options.CacheRoot);
        using var tokenizer = TokenizerLoader.Load(folder);
        using var model = TransformerLoader.Load(folder);
        model.eval();
        var encoded = EncodeAll(tokenizer, prompts, int.MaxValue);
        var plan = BatchPlan.Create(encoded.Select(e => e.Ids.Length).ToArray(), options.BatchSize);
        using var task = progress.Start("bare forward pass", encoded.Count, "rows");
        var clock = Stopwatch.StartNew();
        foreach (var batch in plan.Batches)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var rows = batch.OrderBy(r => encoded[r].Ids.Length).ToArray();
            int length = rows.Max(r => encoded[r].Ids.Length);
            var ids = new long[rows.Length, length];
            var mask = new long[rows.Length, length];
            for (int i = 0; i < rows.Length; i++)
                for (int t = 0; t < encoded[rows[i]].Ids.Length; t++)
                {
                    ids[i, t] = encoded[rows[i]].Ids[t];
                    mask[i, t] = 1;
                }
            model.Forward(tensor(ids), tensor(mask));
            task.Advance(rows.Length);
        }
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The model name a store records: the model argument, with "(random init, seed S)" for a randomly initialised model.</summary>
    public static string ModelName(SpaceExtractionOptions options) =>
        options.RandomInitSeed is long seed ? $"{options.Model} (random init, seed {seed})" : options.Model;

    /// <summary>The model folder's weight files, "name size; ..." as the store's settings record them.</summary>
    // The weights' names and sizes identify them cheaply; hashing gigabytes on every resume would not pay.
    public static string WeightFiles(string folder) => string.Join("; ",
        Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".safetensors", StringComparison.Ordinal) || f.EndsWith(".bin", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length}"));

    static string HashIfPresent(string path) => File.Exists(path) ? ActivationStoreWriter.HashFile(path) : "none";
}

using System.Diagnostics;
using TorchSharp.Modules;
using Transformer = WorldProbe.Transformers.Transformer;
using WorldProbe.Othello.Evaluation;
using WorldProbe.Runs;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Othello.Training;

/// <summary>
/// Trains an Othello-GPT to predict the next move (Li et al.'s recipe) on games streamed from corpus
/// files. Deterministic for a seed: the data order of step s and its dropout masks depend only on
/// (seed, s), so a resumed run continues exactly as if it had never stopped.
/// </summary>
public sealed class OthelloTrainer
{
    readonly OthelloTrainingOptions options;

    /// <summary>A trainer for <paramref name="options"/>.</summary>
    public OthelloTrainer(OthelloTrainingOptions options) => this.options = options;

    /// <summary>Runs (or resumes) training to the last step, or until <paramref name="cancel"/> asks to stop after a checkpoint.</summary>
    public TrainingState Run(IProgressSink progress, CancellationToken cancel = default)
    {
        var device = options.Device ?? CPU;
        string folder = options.Folder;
        var existing = TrainingState.TryRead(folder);
        if (existing is not null && !options.Resume)
            throw new WorldProbeException($"{folder}: already holds a training run (step {existing.Step}); add --resume to continue it or choose another --out.");
        if (existing is null && options.Resume)
            throw new WorldProbeException($"{folder}: no training run to resume (no {TrainingState.RelativePath}); drop --resume to start one.");
        AtomicFile.CleanStaleTemporaries(folder);

        var state = existing ?? NewState();
        if (existing is not null)
        {
            // The corpus files may have moved (another checkout, another session); their games may not change.
            string[] paths = options.Corpora.Count > 0 ? options.Corpora.Select(Path.GetFullPath).ToArray() : existing.Corpora;
            CheckSameCorpora(paths, existing.CorpusGames);
            state = existing with { Corpora = paths, TotalSteps = options.Steps ?? existing.TotalSteps };
        }
        var preset = OthelloTrainingPreset.Named(state.Preset);
        using var games = existing is null
            ? TrainingGames.Open(state.Corpora, state.HeldOutGames, state.Seed)
            : TrainingGames.OpenWithHeldOut(state.Corpora, TrainingCheckpoint.LoadHeldOut(folder));
        // Only now, with every corpus opened and checked, does the run leave files behind.
        Directory.CreateDirectory(Path.Combine(folder, "training"));
        if (existing is null) TrainingCheckpoint.SaveHeldOut(folder, games.HeldOut);
        long stepsPerEpoch = games.Train.Length / state.BatchGames;
        if (stepsPerEpoch == 0)
            throw new WorldProbeException($"the corpora hold {games.Train.Length} training games, fewer than one batch of {state.BatchGames}; generate more games.");

        using var model = OthelloGpt.Create(state.Model, state.Seed, device);
        var master = model.named_parameters().ToList();
        using var optimizer = CreateOptimizer(master.Select(p => (p.name, p.parameter)).ToList(), state);
        using var shadow = state.ComputeDType == "bfloat16" ? new BFloat16Shadow(model) : null;
        if (existing is not null) TrainingCheckpoint.Load(folder, state, model, optimizer);
        else state = TrainingCheckpoint.Save(folder, model, optimizer, state);

        var schedule = new LearningRateSchedule(state.LearningRate, Math.Max(1, (long)(state.TotalSteps * preset.WarmupFraction)), state.TotalSteps);
        var curveGames = games.HeldOut.Take(options.CurveGames).Select(games.Moves).ToList();
        var interval = options.CheckpointInterval ?? TimeSpan.FromMinutes(5);
        var sinceCheckpoint = Stopwatch.StartNew();
        var session = Stopwatch.StartNew();
        double sessionStartWall = state.WallSeconds;
        long[]? order = null;
        long orderEpoch = -1;
        double lossSum = 0;
        long lossSteps = 0;
        var losses = state.Loss.ToList();
        var curve = state.Curve.ToList();

        using var task = progress.Start(Describe(state, double.NaN), (state.TotalSteps - state.Step) * (double)state.BatchGames * MoveTokens.Context, "tokens");
        while (state.Step < state.TotalSteps)
        {
            long step = state.Step;
            long epoch = step / stepsPerEpoch;
            if (epoch != orderEpoch)
            {
                order = games.EpochOrder(checked((int)epoch), state.Seed);
                orderEpoch = epoch;
            }
            int offset = checked((int)(step % stepsPerEpoch * state.BatchGames));
            var (loss, tokens) = TrainStep(model, shadow, optimizer, master, games, order.AsSpan(offset, state.BatchGames), schedule.At(step), state, preset.GradientClip);
            lossSum += loss;
            lossSteps++;
            state = state with { Step = step + 1, Tokens = state.Tokens + tokens, WallSeconds = sessionStartWall + session.Elapsed.TotalSeconds };
            task.Advance((double)state.BatchGames * MoveTokens.Context);
            if (state.Step % options.LossEvery == 0 || state.Step == state.TotalSteps)
            {
                losses.Add(new LossPoint(state.Step, state.Tokens, lossSum / lossSteps));
                task.SetDescription(Describe(state, lossSum / lossSteps));
                lossSum = 0;
                lossSteps = 0;
            }
            if (state.Step % options.EvaluateEvery == 0 || state.Step == state.TotalSteps)
                curve.Add(CurvePointOf(model, curveGames, state));
            bool stopping = cancel.IsCancellationRequested;
            if (sinceCheckpoint.Elapsed >= interval || state.Step == state.TotalSteps || stopping)
            {
                state = TrainingCheckpoint.Save(folder, model, optimizer, state with { Loss = losses.ToList(), Curve = curve.ToList() });
                sinceCheckpoint.Restart();
            }
            if (stopping) break;
        }
        return state;
    }

    (double Loss, long Tokens) TrainStep(Transformer model, BFloat16Shadow? shadow, OptimizerHelper optimizer, List<(string Name, Parameter Parameter)> master,
                                         TrainingGames games, ReadOnlySpan<long> batch, double learningRate, TrainingState state, double clip)
    {
        using var scope = NewDisposeScope();
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
        // Dropout masks of step s depend only on (seed, s): resumption needs no generator state.
        manual_seed(state.Seed * 1_000_003 + state.Step);
        var tokens = games.Tokens(batch).to(model.Device);                      // [batch, 60]
        var inputs = tokens[.., ..MoveTokens.Context];                            // [batch, 59]
        var targets = tokens[.., 1..];                                            // [batch, 59]
        optimizer.zero_grad();
        shadow?.PullWeights();
        var logits = (shadow?.Model ?? model).Forward(inputs);                    // [batch, 59, 61]
        var loss = nn.functional.cross_entropy(
            logits.reshape(-1, MoveTokens.Vocabulary).to(ScalarType.Float32), targets.reshape(-1), ignore_index: MoveTokens.Padding);
        loss.backward();
        shadow?.PushGradients();
        nn.utils.clip_grad_norm_(master.Select(p => p.Parameter), clip);
        optimizer.step();
        long counted = targets.ne(MoveTokens.Padding).sum().item<long>();
        return (loss.item<float>(), counted);
    }

    static CurvePoint CurvePointOf(Transformer model, IReadOnlyList<byte[]> curveGames, TrainingState state)
    {
        model.eval();
        var score = LegalMoveEvaluator.Evaluate(tokens => model.Forward(tokens), curveGames);
        model.train();
        return new CurvePoint(state.Step, state.Tokens, score.StrictError, score.LenientError);
    }

    static OptimizerHelper CreateOptimizer(IReadOnlyList<(string Name, Parameter Parameter)> parameters, TrainingState state)
    {
        // minGPT: weight decay on the weight matrices of linear layers only, not on biases, norms or embeddings.
        bool Decays((string Name, Parameter Parameter) p) => p.Parameter.dim() == 2 && !p.Name.StartsWith("embed", StringComparison.Ordinal);
        var decay = new AdamW.ParamGroup(parameters.Where(Decays).Select(p => p.Parameter), state.LearningRate, 0.9, 0.95, 1e-8, 0.1, false, false);
        var noDecay = new AdamW.ParamGroup(parameters.Where(p => !Decays(p)).Select(p => p.Parameter), state.LearningRate, 0.9, 0.95, 1e-8, 0.0, false, false);
        return optim.AdamW([decay, noDecay], state.LearningRate, 0.9, 0.95, 1e-8, 0.1);
    }

    TrainingState NewState()
    {
        long[] counts = options.Corpora.Select(CountGames).ToArray();
        return new()
        {
            Preset = options.Preset.Name,
            Model = options.Preset.Model,
            BatchGames = options.Preset.BatchGames,
            TotalSteps = options.Steps ?? options.Preset.DefaultSteps,
            Seed = options.Seed,
            LearningRate = options.Preset.LearningRate,
            ComputeDType = options.ComputeDType == ScalarType.BFloat16 ? "bfloat16" : "float32",
            Corpora = options.Corpora.Select(Path.GetFullPath).ToArray(),
            CorpusGames = counts,
            // A tenth of the games at most, so that a small corpus still trains.
            HeldOutGames = Math.Min(options.HeldOutGames, counts.Sum() / 10),
        };
    }

    static long CountGames(string path)
    {
        using var corpus = GameCorpus.Open(path);
        return corpus.Count;
    }

    static void CheckSameCorpora(string[] paths, long[] counts)
    {
        if (paths.Length != counts.Length)
            throw new WorldProbeException($"--corpus: the run was started on {counts.Length} corpus files, not {paths.Length}; resume needs the same files in the same order.");
        for (int i = 0; i < paths.Length; i++)
        {
            long games = CountGames(paths[i]);
            if (games != counts[i])
                throw new WorldProbeException($"{paths[i]}: holds {games} games, but the run was started on a file of {counts[i]}; resume needs the same corpus files.");
        }
    }

    static string Describe(TrainingState state, double loss) =>
        $"{state.Preset} step {state.Step}/{state.TotalSteps}" + (double.IsNaN(loss) ? "" : $" loss {loss:F3}");
}

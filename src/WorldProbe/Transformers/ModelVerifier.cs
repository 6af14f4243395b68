using WorldProbe.Transformers.Checkpoints;
using static TorchSharp.torch;

namespace WorldProbe.Transformers;

/// <summary>One compared activation: the reference tensor's name, our hook point, and the error over real tokens.</summary>
/// <param name="Reference">Name in the reference file (e.g. "resid_post.1").</param>
/// <param name="HookPoint">Our hook point (e.g. "blocks.1.hook_resid_post").</param>
/// <param name="MaxAbsoluteError">max |ours - reference| over non-padded positions.</param>
/// <param name="RelativeError">MaxAbsoluteError / max |reference| over the same positions.</param>
public sealed record ActivationError(string Reference, string HookPoint, double MaxAbsoluteError, double RelativeError);

/// <summary>
/// Checks a ported model against reference activations (a safetensors file with input_ids, attention_mask and
/// activations named embed, resid_post.{i}, final_norm, logits, last_hidden_state, hf_hidden_states.{j}, as the
/// fixtures written by Hugging Face transformers have).
/// </summary>
public static class ModelVerifier
{
    /// <summary>Runs <paramref name="model"/> on the reference inputs and compares every activation it names.</summary>
    public static IReadOnlyList<ActivationError> Verify(Transformer model, string referencePath)
    {
        using var reference = CheckpointReader.OpenFile(referencePath);
        if (!reference.Contains("input_ids"))
            throw new WorldProbeException($"{referencePath}: no 'input_ids' tensor; a reference file needs input_ids [batch, pos] (and optionally attention_mask) plus the activations to compare.");
        using var scope = NewDisposeScope();
        var ids = reference.Read("input_ids").to(ScalarType.Int64);
        var mask = reference.Contains("attention_mask") ? reference.Read("attention_mask") : ones_like(ids);
        var tokenTypes = reference.Contains("token_type_ids") ? reference.Read("token_type_ids").to(ScalarType.Int64) : null;
        var pairs = reference.Names.Select(name => (name, hook: HookPointFor(model.Config, name))).Where(p => p.hook is not null).OrderBy(p => p.name, StringComparer.Ordinal).ToList();
        if (pairs.Count == 0)
            throw new WorldProbeException($"{referencePath}: no activation this runtime knows how to compare (expected embed, resid_post.N, final_norm, logits, last_hidden_state or hf_hidden_states.N).");
        var captured = new Dictionary<string, Tensor>();
        var handles = pairs.Select(p => p.hook!).Distinct().Select(name => model.AddHook(name, (activation, point) =>
        {
            captured[point.Name] = activation.detach().to(ScalarType.Float32).cpu();
            return activation;
        })).ToList();
        try
        {
            using var noGrad = no_grad();
            model.Forward(ids, mask, tokenTypeIds: tokenTypes);
        }
        finally
        {
            foreach (var handle in handles) handle.Dispose();
        }
        var real = mask.ne(0).reshape(-1).nonzero().squeeze(1); // indices of real tokens in [batch * pos]
        var errors = new List<ActivationError>();
        foreach (var (name, hook) in pairs)
        {
            var expected = reference.Read(name).to(ScalarType.Float32);
            var ours = captured[hook!];
            if (!expected.shape.SequenceEqual(ours.shape))
                throw new WorldProbeException($"{referencePath}: '{name}' has shape [{string.Join(", ", expected.shape)}] but {hook} is [{string.Join(", ", ours.shape)}].");
            var e = expected.reshape(-1, expected.shape[^1]).index_select(0, real);
            var o = ours.reshape(-1, ours.shape[^1]).index_select(0, real);
            double absolute = o.sub(e).abs().max().item<float>();
            double scale = e.abs().max().item<float>();
            errors.Add(new ActivationError(name, hook!, absolute, scale > 0 ? absolute / scale : absolute));
        }
        return errors;
    }

    /// <summary>Our hook point for a reference activation name, or null for names we do not compare.</summary>
    public static string? HookPointFor(TransformerConfig config, string referenceName)
    {
        if (referenceName == "embed") return HookNames.ResidPre(0);
        if (referenceName == "final_norm") return config.FinalNorm ? HookNames.LnFinal : null;
        if (referenceName == "logits") return config.Unembed ? HookNames.Logits : null;
        if (referenceName == "last_hidden_state") return config.FinalNorm ? HookNames.LnFinal : HookNames.ResidPost(config.NLayers - 1);
        if (referenceName.StartsWith("resid_post.", StringComparison.Ordinal) && int.TryParse(referenceName["resid_post.".Length..], out int block) && block < config.NLayers)
            return HookNames.ResidPost(block);
        if (referenceName.StartsWith("hf_hidden_states.", StringComparison.Ordinal) && int.TryParse(referenceName["hf_hidden_states.".Length..], out int layer) && layer <= config.NLayers)
            // transformers returns the final-normed stream as its last hidden state.
            return layer == config.NLayers && config.FinalNorm ? HookNames.LnFinal : HookNames.ResidualLayer(layer);
        return null;
    }
}

namespace WorldProbe.Transformers;

/// <summary>
/// The hook point names shared by every architecture. Layer j of the residual stream (after j blocks;
/// 0 = embeddings) is <see cref="ResidPre"/>(0) for j = 0 and <see cref="ResidPost"/>(j - 1) otherwise.
/// </summary>
public static class HookNames
{
    /// <summary>Token embeddings (before positions, token types or the embedding norm).</summary>
    public const string Embed = "embed";
    /// <summary>Learned position embeddings (models with learned positions only).</summary>
    public const string PosEmbed = "pos_embed";
    /// <summary>Output of the final norm.</summary>
    public const string LnFinal = "ln_final";
    /// <summary>The logits.</summary>
    public const string Logits = "logits";

    /// <summary>Input to block i: [batch, pos, d_model].</summary>
    public static string ResidPre(int block) => $"blocks.{block}.hook_resid_pre";
    /// <summary>Attention pattern of block i (softmax probabilities): [batch, head, query pos, key pos]. Hooking it switches block i from the fused kernel to written-out attention.</summary>
    public static string AttnPattern(int block) => $"blocks.{block}.attn.hook_pattern";
    /// <summary>Attention output of block i (after the output projection): [batch, pos, d_model].</summary>
    public static string AttnOut(int block) => $"blocks.{block}.hook_attn_out";
    /// <summary>Residual stream between attention and MLP: [batch, pos, d_model].</summary>
    public static string ResidMid(int block) => $"blocks.{block}.hook_resid_mid";
    /// <summary>MLP pre-activations (the gate's for gated MLPs): [batch, pos, d_mlp].</summary>
    public static string MlpPre(int block) => $"blocks.{block}.hook_mlp_pre";
    /// <summary>MLP neuron activations (act(gate) x up for gated MLPs): [batch, pos, d_mlp].</summary>
    public static string MlpPost(int block) => $"blocks.{block}.hook_mlp_post";
    /// <summary>MLP output (after the down projection): [batch, pos, d_model].</summary>
    public static string MlpOut(int block) => $"blocks.{block}.hook_mlp_out";
    /// <summary>Output of block i: [batch, pos, d_model].</summary>
    public static string ResidPost(int block) => $"blocks.{block}.hook_resid_post";

    /// <summary>The hook point holding residual-stream layer j (0..n_layers).</summary>
    public static string ResidualLayer(int layer) => layer == 0 ? ResidPre(0) : ResidPost(layer - 1);
}

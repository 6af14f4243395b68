using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WorldProbe.Transformers;

/// <summary>
/// Token embedding, plus (by configuration) learned positions, token types and an embedding norm:
/// the input to block 0.
/// </summary>
public sealed class TokenEmbedding : Module<Tensor, ForwardState, Tensor?, Tensor>
{
    readonly int vocabSize;
    readonly Norm? norm;
    readonly TorchSharp.Modules.Dropout dropout;
    readonly double dropoutProbability;
    readonly HookPoint hookEmbed;
    readonly HookPoint? hookPosEmbed;

    /// <summary>Token embedding matrix [vocab, d_model].</summary>
    public TorchSharp.Modules.Parameter Token { get; }
    /// <summary>Learned position table [context, d_model], or null.</summary>
    public TorchSharp.Modules.Parameter? Position { get; }
    /// <summary>Token type table [types, d_model], or null.</summary>
    public TorchSharp.Modules.Parameter? TokenType { get; }

    /// <summary>Creates uninitialised embeddings for <paramref name="config"/>.</summary>
    public TokenEmbedding(TransformerConfig config, Device device, ScalarType dtype) : base(nameof(TokenEmbedding))
    {
        vocabSize = config.VocabSize;
        Token = new TorchSharp.Modules.Parameter(empty(config.VocabSize, config.DModel, dtype: dtype, device: device));
        register_parameter("token", Token);
        hookEmbed = new HookPoint(HookNames.Embed);
        if (config.Positions == PositionKind.Learned)
        {
            Position = new TorchSharp.Modules.Parameter(empty(config.Context, config.DModel, dtype: dtype, device: device));
            register_parameter("position", Position);
            hookPosEmbed = new HookPoint(HookNames.PosEmbed);
        }
        if (config.TokenTypes > 0)
        {
            TokenType = new TorchSharp.Modules.Parameter(empty(config.TokenTypes, config.DModel, dtype: dtype, device: device));
            register_parameter("token_type", TokenType);
        }
        if (config.EmbeddingNorm)
        {
            norm = new Norm(config.Norm, config.DModel, config.NormEps, device, dtype);
            register_module("norm", norm);
        }
        dropout = Dropout(config.Dropout);
        dropoutProbability = config.Dropout;
        register_module("dropout", dropout);
    }

    /// <summary>The hook points of the embedding.</summary>
    public IEnumerable<HookPoint> HookPoints => hookPosEmbed is null ? [hookEmbed] : [hookEmbed, hookPosEmbed];

    /// <summary>ids: [batch, pos] -> [batch, pos, d_model]; token types default to 0.</summary>
    public override Tensor forward(Tensor ids, ForwardState state, Tensor? tokenTypeIds)
    {
        long batch = ids.shape[0], length = ids.shape[1];
        if (ids.numel() > 0)
        {
            long lowest = ids.min().item<long>(), highest = ids.max().item<long>();
            if (lowest < 0 || highest >= vocabSize)
                throw new WorldProbeException($"token id {(lowest < 0 ? lowest : highest)} is outside this model's vocabulary of {vocabSize}; use the model's own tokenizer.");
        }
        var x = hookEmbed.Apply(Lookup(Token, ids)); // [batch, pos, d_model]
        if (Position is not null && hookPosEmbed is not null)
            x = x.add(hookPosEmbed.Apply(Lookup(Position, state.Positions)));
        if (TokenType is not null)
            x = x.add(tokenTypeIds is null ? TokenType[0] : Lookup(TokenType, tokenTypeIds.to(ids.device)));
        if (norm is not null) x = norm.forward(x);
        return Drop(x).view(batch, length, -1);
    }

    Tensor Drop(Tensor x) => dropoutProbability > 0 ? dropout.forward(x) : x;

    static Tensor Lookup(Tensor table, Tensor ids) =>
        table.index_select(0, ids.reshape(-1)).view(ids.shape[0], ids.shape[1], table.shape[1]); // [batch, pos, d_model]
}

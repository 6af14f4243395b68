using TorchSharp;
using WorldProbe.Transformers.Tokenization;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WorldProbe.Tests.MiniLM;

/// <summary>
/// A plain BERT encoder forward (Devlin et al. 2019; transformers' BertModel without pooler), written
/// here independently of WorldProbe's runtime, on a Hugging Face state dict.
/// </summary>
static class BertReferenceForward
{
    public static Tensor LastHiddenState(IReadOnlyDictionary<string, Tensor> w, PaddedBatch batch, int layers, int heads, double epsilon)
    {
        int b = batch.BatchSize, length = batch.Length;
        var ids = tensor(batch.InputIds, [b, length]);
        var types = tensor(batch.TokenTypeIds, [b, length]);
        var positions = arange(length, dtype: ScalarType.Int64).unsqueeze(0).expand(b, length);
        var wordTable = w["embeddings.word_embeddings.weight"];
        long d = wordTable.shape[1], dHead = d / heads;

        var x = Lookup(wordTable, ids)
              + Lookup(w["embeddings.position_embeddings.weight"], positions)
              + Lookup(w["embeddings.token_type_embeddings.weight"], types); // [batch, pos, d_model]
        x = LayerNorm(x, "embeddings.LayerNorm");

        // Padding keys get a large negative score before the softmax, as BertModel's extended mask does.
        var keyMask = (1 - tensor(batch.AttentionMask, [b, 1, 1, length]).to(ScalarType.Float32)) * -10000f; // [batch, 1, 1, pos]
        for (int i = 0; i < layers; i++)
        {
            string p = $"encoder.layer.{i}.";
            Tensor Heads(Tensor t) => t.view(b, length, heads, dHead).transpose(1, 2); // [batch, head, pos, d_head]
            var q = Heads(Linear(x, p + "attention.self.query"));
            var k = Heads(Linear(x, p + "attention.self.key"));
            var v = Heads(Linear(x, p + "attention.self.value"));
            var scores = q.matmul(k.transpose(-1, -2)) / Math.Sqrt(dHead) + keyMask; // [batch, head, pos, pos]
            var context = scores.softmax(-1).matmul(v).transpose(1, 2).reshape(b, length, d);
            x = LayerNorm(Linear(context, p + "attention.output.dense") + x, p + "attention.output.LayerNorm");
            var hidden = F.gelu(Linear(x, p + "intermediate.dense")); // [batch, pos, d_mlp]
            x = LayerNorm(Linear(hidden, p + "output.dense") + x, p + "output.LayerNorm");
        }
        return x;

        Tensor Lookup(Tensor table, Tensor index) => table.index_select(0, index.reshape(-1)).view(b, length, d);
        Tensor Linear(Tensor input, string name) => F.linear(input, w[name + ".weight"], w[name + ".bias"]);
        Tensor LayerNorm(Tensor input, string name) => F.layer_norm(input, [d], w[name + ".weight"], w[name + ".bias"], epsilon);
    }
}

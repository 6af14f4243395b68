namespace WorldProbe.Transformers.Tokenization;

/// <summary>The ids of a tokenizer's special tokens; null where the tokenizer has no such token.</summary>
/// <param name="Bos">Beginning of sequence (Llama's &lt;s&gt;, GPT-2's &lt;|endoftext|&gt;).</param>
/// <param name="Eos">End of sequence.</param>
/// <param name="Pad">Padding.</param>
/// <param name="Cls">BERT's [CLS].</param>
/// <param name="Sep">BERT's [SEP].</param>
/// <param name="Unk">The unknown token.</param>
public sealed record SpecialTokenIds(int? Bos, int? Eos, int? Pad, int? Cls, int? Sep, int? Unk);

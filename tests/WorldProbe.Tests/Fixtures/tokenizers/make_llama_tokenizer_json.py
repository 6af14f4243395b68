"""Builds a Llama-2-style tokenizer.json from sp.vocab, following transformers' LlamaConverter:
BPE over the SentencePiece pieces with byte fallback, merges from SentencePieceExtractor (every
split of a piece into two pieces, ordered by the piece's score), normalizer Prepend("▁") +
Replace(" ", "▁"), BOS added by a TemplateProcessing post-processor."""
import json, sys

source, target = sys.argv[1], sys.argv[2]
pieces = []
with open(source, encoding="utf-8") as f:
    for line in f:
        piece, score = line.rstrip("\n").split("\t")
        pieces.append((piece, float(score)))
vocab = {p: i for i, (p, _) in enumerate(pieces)}
merges = []
for piece, score in pieces:
    local = []
    for k in range(1, len(piece)):
        left, right = piece[:k], piece[k:]
        if left in vocab and right in vocab:
            local.append((left, right, score))
    local.sort(key=lambda m: (vocab[m[0]], vocab[m[1]]))
    merges.extend(local)
merges.sort(key=lambda m: m[2], reverse=True)

def special(i, content):
    return {"id": i, "content": content, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}

tokenizer = {
    "version": "1.0", "truncation": None, "padding": None,
    "added_tokens": [special(0, "<unk>"), special(1, "<s>"), special(2, "</s>")],
    "normalizer": {"type": "Sequence", "normalizers": [
        {"type": "Prepend", "prepend": "▁"},
        {"type": "Replace", "pattern": {"String": " "}, "content": "▁"}]},
    "pre_tokenizer": None,
    "post_processor": {"type": "TemplateProcessing",
        "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
        "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                 {"SpecialToken": {"id": "<s>", "type_id": 1}}, {"Sequence": {"id": "B", "type_id": 1}}],
        "special_tokens": {"<s>": {"id": "<s>", "ids": [1], "tokens": ["<s>"]}}},
    "decoder": {"type": "Sequence", "decoders": [
        {"type": "Replace", "pattern": {"String": "▁"}, "content": " "},
        {"type": "ByteFallback"}, {"type": "Fuse"},
        {"type": "Strip", "content": " ", "start": 1, "stop": 0}]},
    "model": {"type": "BPE", "dropout": None, "unk_token": "<unk>", "continuing_subword_prefix": None,
              "end_of_word_suffix": None, "fuse_unk": True, "byte_fallback": True, "ignore_merges": False,
              "vocab": vocab, "merges": [[l, r] for l, r, _ in merges]},
}
with open(target, "w", encoding="utf-8") as f:
    json.dump(tokenizer, f, ensure_ascii=False, indent=1)
print(len(vocab), "pieces,", len(merges), "merges")

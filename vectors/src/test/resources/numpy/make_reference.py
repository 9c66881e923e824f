#!/usr/bin/python3
"""Reference values from numpy for dev.x2s.vectors tests (Debian python3-numpy 1.24.2).

Run: cd vectors/src/test/resources/numpy && /usr/bin/python3 make_reference.py
Writes:
  fp16.tsv   float32 bits -> float16 bits by numpy's astype(float16) (round to nearest even),
             for edge values and 4000 random float32 bit patterns (seed 7) across all exponents.
  eigen.txt  a 6x6 symmetric matrix (seed 11), then numpy.linalg.eigh eigenvalues (descending).
  abtt.txt   a 40x8 matrix (seed 13, float32) and all-but-the-top with D=2 computed in float64:
             mu = X.mean(0); Xc = X - mu; U = top-2 eigenvectors of Xc.T@Xc/n; out = Xc - (Xc@U)@U.T
"""
import numpy as np

np.seterr(all="ignore")
rng = np.random.default_rng(7)
edge = np.array([0.0, -0.0, 1.0, -1.0, 65504.0, 65519.996, 65520.0, 65536.0, 1e10, -1e10,
                 np.inf, -np.inf, 2.0**-14, 2.0**-24, 2.0**-25, 2.0**-25 * 1.0000001, 2.0**-26,
                 3 * 2.0**-25, 5 * 2.0**-25, 1e-8, 1e-45, 3.4028235e38, 0.1, 1 / 3, 2049.0,
                 2051.0, 1.00048828125, 1.00146484375], dtype=np.float32)
rand_bits = rng.integers(0, 2**32, size=4000, dtype=np.uint64).astype(np.uint32)
# bias half of them to exponents near the float16 range (float32 exponent 100..145)
near = rng.integers(100, 146, size=2000, dtype=np.uint32)
rand_bits[:2000] = (rand_bits[:2000] & np.uint32(0x807FFFFF)) | (near << np.uint32(23))
vals = np.concatenate([edge, rand_bits.view(np.float32)])
vals = vals[~np.isnan(vals)]
halves = vals.astype(np.float16)
with open("fp16.tsv", "w") as f:
    for v, h in zip(vals.view(np.uint32), halves.view(np.uint16)):
        f.write("%08x\t%04x\n" % (v, h))

rng = np.random.default_rng(11)
a = rng.standard_normal((6, 6))
a = (a + a.T) / 2
w = np.linalg.eigh(a)[0][::-1]
with open("eigen.txt", "w") as f:
    for row in a:
        f.write(" ".join(repr(float(x)) for x in row) + "\n")
    f.write(" ".join(repr(float(x)) for x in w) + "\n")

rng = np.random.default_rng(13)
x = (rng.standard_normal((40, 8)) + np.linspace(0, 3, 8)).astype(np.float32)
x[:, 0] *= 4  # make the leading directions well separated
x[:, 1] += 2 * x[:, 0]
xd = x.astype(np.float64)
mu = xd.mean(0)
xc = xd - mu
vals_, vecs = np.linalg.eigh(xc.T @ xc / len(xc))
u = vecs[:, ::-1][:, :2]
out = xc - (xc @ u) @ u.T
with open("abtt.txt", "w") as f:
    for row in x:
        f.write(" ".join(repr(float(v)) for v in row) + "\n")
    f.write("\n")
    for row in out:
        f.write(" ".join(repr(float(v)) for v in row) + "\n")
    f.write("# eigenvalues " + " ".join(repr(float(v)) for v in vals_[::-1]) + "\n")

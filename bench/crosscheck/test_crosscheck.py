#!/usr/bin/python3
"""Hand-checked toy cases for crosscheck.py: /usr/bin/python3 -m unittest bench/crosscheck/test_crosscheck.py

Toy 2-d vectors, query a : b :: c : ?  with a = (1,0), b = (0,1), c = (0.6,0.8).
3CosAdd = x . (b - a + c) = x . (-0.4, 1.8):
  p = (-0.6,0.8) -> 1.68   q = (0.8,0.6) -> 0.76   r = (-1,0) -> 0.40
3CosMul = s(x,b) s(x,c) / (s(x,a) + 0.001), s = (cos+1)/2:
  p -> 0.9*0.64/0.201 = 2.866   q -> 0.8*0.98/0.901 = 0.870   r -> 0.5*0.2/0.001 = 100
So 3CosAdd answers p, 3CosMul answers r; `dup` (= p, at a lower row) wins the 3CosAdd tie.
"""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import crosscheck  # noqa: E402

ROWS = [("a", (1, 0)), ("b", (0, 1)), ("c", (0.6, 0.8)), ("dup", (-0.6, 0.8)), ("p", (-0.6, 0.8)),
        ("q", (0.8, 0.6)), ("r", (-1, 0)), ("B", (0.6, -0.8))]


class ToyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        fd, cls.path = tempfile.mkstemp(suffix=".txt")
        with os.fdopen(fd, "w") as f:
            f.write(f"{len(ROWS)} 2\n")
            for w, (x, y) in ROWS:
                f.write(f"{w} {x} {y}\n")
        cls.vec = crosscheck.Vectors(cls.path, lower=False)

    @classmethod
    def tearDownClass(cls):
        os.unlink(cls.path)

    def run_q(self, d, n=100, protocol="skip", a="a"):
        per_q = crosscheck.analogy(self.vec, [(a, "b", "c", d, "t")], protocol, n)
        return per_q[0][:3]

    def test_add_and_mul_differ_and_ties_go_to_lower_row(self):
        self.assertEqual(self.run_q("dup"), [True, True, False])  # 3CosAdd: dup (row 3) ties p (row 4)
        self.assertEqual(self.run_q("p"), [True, False, False])
        self.assertEqual(self.run_q("r"), [True, False, True])  # 3CosMul: r

    def test_search_space_limits_candidates_and_skip(self):
        # N = 6 drops r (row 6): 3CosMul falls back to dup (2.866, lower row than p)
        self.assertEqual(self.run_q("dup", n=6), [True, True, True])
        # an answer outside the search space: dropped under skip, wrong under meanfill
        self.assertEqual(self.run_q("r", n=6), [False, False, False])
        self.assertEqual(self.run_q("r", n=6, protocol="meanfill"), [True, False, False])

    def test_lookup_exact_then_lower(self):
        self.assertEqual(self.vec.find("B"), 7)  # exact row wins
        self.assertEqual(self.vec.find("DUP"), 3)  # else lower-case
        self.assertIsNone(self.vec.find("zzz"))
        lower = crosscheck.Vectors(self.path, lower=True)
        self.assertEqual(lower.find("B"), 1)  # vocabulary lower-cased, first occurrence wins

    def test_similarity_cosine_and_zero_vector(self):
        self.assertAlmostEqual(crosscheck.cosine(self.vec.matrix[2], self.vec.matrix[5]), 0.96, places=6)
        self.assertEqual(crosscheck.cosine(self.vec.matrix[2], self.vec.matrix[2] * 0), 0.0)


if __name__ == "__main__":
    unittest.main()

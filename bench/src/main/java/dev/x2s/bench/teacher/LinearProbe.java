package dev.x2s.bench.teacher;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.x2s.teachers.graph.OnnxGraphBuilder;
import dev.x2s.teachers.graph.OnnxGraphBuilder.Attr;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** One linear layer [M,K]x[K,N] in ONNX Runtime: fp32 vs int8 variants (issue 12 engine probe). */
public final class LinearProbe {
  public static void main(String[] args) throws Exception {
    int m = Integer.parseInt(args[0]);
    int k = Integer.parseInt(args[1]);
    int n = Integer.parseInt(args[2]);
    int iters = Integer.parseInt(args[3]);
    Random r = new Random(1);
    float[] w = new float[k * n];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) r.nextGaussian() * 0.05f;
    }
    float[] x = new float[m * k];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    byte[] wq = new byte[k * n];
    for (int i = 0; i < wq.length; i++) {
      wq[i] = (byte) Math.max(-127, Math.min(127, Math.round(w[i] * 127 / 0.25f)));
    }
    float[] ws = new float[n];
    java.util.Arrays.fill(ws, 0.25f / 127);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    for (String v : args[4].split(",")) {
      OnnxGraphBuilder g = new OnnxGraphBuilder("p");
      String in = g.input("x", OnnxGraphBuilder.FLOAT, "m", (long) k);
      String y;
      switch (v) {
        case "fp32" -> y = g.node("MatMul", List.of(in, g.floats("w", w, k, n)));
        case "dqmm" -> y = g.nodeIn("com.microsoft", "DynamicQuantizeMatMul",
            List.of(in, g.int8s("wq", wq, k, n), g.floats("ws", ws, n)));
        case "s8", "u8", "u8mitf", "qonly" -> {
          String amax = g.node("ReduceMax", List.of(g.node("Abs", List.of(in))), Attr.ints("axes", -1),
              Attr.i("keepdims", 1));
          String scale = g.node("Mul", List.of(amax, g.floats("c", new float[] {1f / 127})));
          String rq = g.node("Round", List.of(g.node("Div", List.of(in, scale))));
          String q;
          String zp = "";
          if (v.equals("s8")) {
            q = g.node("Cast", List.of(rq), Attr.i("to", OnnxGraphBuilder.INT8));
          } else {
            q = g.node("Cast", List.of(g.node("Add", List.of(rq, g.floats("c", new float[] {128f})))),
                Attr.i("to", OnnxGraphBuilder.UINT8));
            zp = g.uint8s("zp", new byte[] {(byte) 128});
          }
          if (v.equals("qonly")) {
            y = g.node("Cast", List.of(q), Attr.i("to", OnnxGraphBuilder.FLOAT));
          } else if (v.equals("u8mitf")) {
            // MatMulIntegerToFloat with a per-row A scale [M,1]? (checks whether ORT accepts it)
            y = g.nodeIn("com.microsoft", "MatMulIntegerToFloat",
                List.of(q, g.int8s("wq", wq, k, n), scale, g.floats("ws", ws, n), zp));
          } else {
            List<String> mi = zp.isEmpty() ? List.of(q, g.int8s("wq", wq, k, n)) : List.of(q, g.int8s("wq", wq, k, n), zp);
            String acc = g.node("MatMulInteger", mi);
            y = g.node("Mul", List.of(g.node("Mul", List.of(g.node("Cast", List.of(acc), Attr.i("to", 1)), scale)),
                g.floats("ws", ws, n)));
          }
        }
        default -> throw new IllegalArgumentException(v);
      }
      g.nodeOut("", "Identity", List.of(y), List.of("y"));
      g.output("y", OnnxGraphBuilder.FLOAT, "m", v.equals("qonly") ? (long) k : (long) n);
      try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
        o.setIntraOpNumThreads(2);
        o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        try (OrtSession s = env.createSession(g.toModel(), o);
            OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {m, k})) {
          s.run(Map.of("x", t)).close();
          long t0 = System.nanoTime();
          for (int i = 0; i < iters; i++) {
            s.run(Map.of("x", t)).close();
          }
          double sec = (System.nanoTime() - t0) / 1e9 / iters;
          System.out.printf(Locale.ROOT, "%-7s %dx%dx%d: %.2f ms  %.0f GOP/s  [load %s]%n", v, m, k, n, sec * 1e3,
              2.0 * m * k * n / sec / 1e9, Machine.loadAverage());
        }
      } catch (Exception e) {
        System.out.println(v + ": " + e.getMessage());
      }
    }
  }
}

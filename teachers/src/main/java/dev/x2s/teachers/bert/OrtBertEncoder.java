package dev.x2s.teachers.bert;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A BERT encoder graph written by {@link BertOnnxGraph} and run by ONNX Runtime (CPU). The graph always
 * holds every block; a call asks only for the hidden states it needs, and ONNX Runtime runs only the nodes
 * they depend on.
 */
public final class OrtBertEncoder implements BertForward {
  private final BertConfig config;
  private final String source;
  private final OrtEnvironment env;
  private final OrtSession session;

  /**
   * @param model ONNX bytes from {@link BertOnnxGraph#build}
   * @param threads ONNX Runtime intra-op threads; 0 for its default (one per core)
   */
  public OrtBertEncoder(BertConfig config, byte[] model, int threads, String source) {
    this.config = config;
    this.source = source;
    this.env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
      o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      o.setIntraOpNumThreads(threads);
      o.setInterOpNumThreads(1);
      o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      this.session = env.createSession(model, o);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime refused the encoder graph for " + source + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public BertConfig config() {
    return config;
  }

  /** int8 (fp32 graphs serve calibration and tests only). */
  @Override
  public dev.x2s.teachers.Precision precision() {
    return dev.x2s.teachers.Precision.INT8;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public HiddenStates forward(int[][] ids, int[] lengths, int maxLayer) {
    BertBatch in = BertBatch.of(config, ids, lengths, maxLayer);
    Set<String> wanted = new LinkedHashSet<>();
    for (int l = 0; l <= maxLayer; l++) {
      wanted.add("hidden_" + l);
    }
    Map<String, float[]> out = run(in, wanted);
    float[][] data = new float[maxLayer + 1][];
    for (int l = 0; l <= maxLayer; l++) {
      data[l] = out.get("hidden_" + l);
    }
    return new HiddenStates(in.batch(), in.seq(), config.hidden(), data);
  }

  /**
   * Per block and linear layer, the max |input| per channel over a batch (a graph built with {@code
   * calibrate}).
   */
  public float[][][] calibrationMax(int[][] ids, int[] lengths) {
    BertBatch in = BertBatch.of(config, ids, lengths, config.layers());
    Set<String> wanted = new LinkedHashSet<>();
    for (int i = 0; i < config.layers(); i++) {
      for (int j = 0; j < BertOnnxGraph.LINEARS; j++) {
        wanted.add("amax_" + i + "_" + j);
      }
    }
    Map<String, float[]> out = run(in, wanted);
    float[][][] m = new float[config.layers()][BertOnnxGraph.LINEARS][];
    for (int i = 0; i < config.layers(); i++) {
      for (int j = 0; j < BertOnnxGraph.LINEARS; j++) {
        m[i][j] = out.get("amax_" + i + "_" + j);
      }
    }
    return m;
  }

  /** Runs the graph on a checked batch and returns the named float outputs, flattened. */
  Map<String, float[]> run(BertBatch in, Set<String> outputs) {
    int b = in.batch();
    int t = in.seq();
    long[] ids = new long[b * t];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = in.flatIds()[i];
    }
    long[] pos = new long[t];
    for (int i = 0; i < t; i++) {
      pos[i] = i;
    }
    Map<String, float[]> result = new HashMap<>();
    try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {b, t});
        OnnxTensor posT = OnnxTensor.createTensor(env, LongBuffer.wrap(pos), new long[] {t});
        OnnxTensor maskT = OnnxTensor.createTensor(env, FloatBuffer.wrap(in.mask()), new long[] {b, 1, 1, t});
        OrtSession.Result r = session.run(Map.of("input_ids", idT, "positions", posT, "mask", maskT), outputs)) {
      for (String name : outputs) {
        OnnxTensor o = (OnnxTensor) r.get(name).orElseThrow();
        FloatBuffer fb = o.getFloatBuffer();
        float[] v = new float[fb.remaining()];
        fb.get(v);
        result.put(name, v);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed on a " + b + "×" + t + " batch (" + source + "): "
          + e.getMessage(), e);
    }
    return result;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}

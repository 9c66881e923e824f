package dev.x2s.teachers.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test oracle: ONNX Runtime runs a teacher's own {@code .onnx} file, edited so that every hidden state
 * the mapping found ({@link OnnxBertWeights#hiddenStates()}) is also a graph output.
 */
final class OrtHiddenStates {
  private OrtHiddenStates() {}

  /**
   * Runs a batch of id rows (padded with id 0 and masked; token type 0).
   *
   * @return {@code [state][row][position][dim]}, padded to the longest row
   */
  static float[][][][] run(String id, long[][] ids) throws Exception {
    int batch = ids.length;
    int seq = 0;
    for (long[] row : ids) {
      seq = Math.max(seq, row.length);
    }
    long[] flatIds = new long[batch * seq];
    long[] mask = new long[batch * seq];
    for (int s = 0; s < batch; s++) {
      for (int p = 0; p < ids[s].length; p++) {
        flatIds[s * seq + p] = ids[s][p];
        mask[s * seq + p] = 1;
      }
    }
    OnnxBertWeights w = TestModels.weights(id);
    List<String> outputs = TestModels.model(id).graph().outputs().stream().map(OnnxValueInfo::name).toList();
    List<String> extra = new ArrayList<>(w.hiddenStates());
    extra.removeAll(outputs);
    byte[] edited = OnnxModelEditor.withExtraOutputs(TestModels.onnxBytes(id), extra);

    OrtEnvironment env = OrtEnvironment.getEnvironment();
    float[][][][] states = new float[w.hiddenStates().size()][][][];
    long[] shape = {batch, seq};
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      so.setIntraOpNumThreads(2);
      try (OrtSession session = env.createSession(edited, so);
          OnnxTensor in = OnnxTensor.createTensor(env, LongBuffer.wrap(flatIds), shape);
          OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
          OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[batch * seq]), shape);
          OrtSession.Result r = session.run(Map.of("input_ids", in, "attention_mask", m,
              "token_type_ids", types))) {
        for (int l = 0; l < states.length; l++) {
          states[l] = (float[][][]) r.get(w.hiddenStates().get(l)).orElseThrow().getValue();
        }
      }
    }
    return states;
  }
}

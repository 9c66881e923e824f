package dev.x2s.teachers.onnx;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.weights.WeightsException;
import dev.x2s.testkit.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Graphs that are not (quite) BERT: the real MiniLM export with one thing removed or changed. Each must
 * fail with a message naming the source, and the node (with byte offset) or tensor at fault.
 */
@Tag(Tags.MODEL)
class OnnxBertBadGraphTest {
  private static final String SOURCE = "edited.onnx";

  private static OnnxModel edit(
      UnaryOperator<OnnxNode> nodeEdit, Consumer<Map<String, OnnxTensorProto>> initEdit) {
    OnnxModel m = TestModels.model(TestModels.MINILM);
    OnnxGraph g = m.graph();
    List<OnnxNode> nodes = new ArrayList<>();
    for (OnnxNode n : g.nodes()) {
      nodes.add(nodeEdit.apply(n));
    }
    Map<String, OnnxTensorProto> inits = new LinkedHashMap<>(g.initializers());
    initEdit.accept(inits);
    return new OnnxModel(SOURCE, m.irVersion(), m.opsets(), m.producerName(), m.producerVersion(),
        new OnnxGraph(SOURCE, g.name(), nodes, inits, g.inputs(), g.outputs()));
  }

  private static OnnxNode withOp(OnnxNode n, String op) {
    return new OnnxNode(n.name(), op, n.domain(), n.inputs(), n.outputs(), n.attributes(), n.offset());
  }

  private static String fails(OnnxModel m) {
    WeightsException e = assertThrows(WeightsException.class, () -> OnnxBertWeights.from(m));
    assertTrue(e.getMessage().startsWith(SOURCE + ": "), e.getMessage());
    System.out.println(e.getMessage());
    return e.getMessage();
  }

  private static void contains(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), "«" + p + "» not in: " + message);
    }
  }

  @Test
  void missingWeightInitializer() {
    String keyWeight = TestModels.weights(TestModels.MINILM).origins()
        .get("encoder.layer.2.attention.self.key.weight");
    String msg = fails(edit(n -> n, inits -> inits.remove(keyWeight)));
    contains(msg, "layer 2: expected 3 projections", "found 2", "byte offset");
  }

  @Test
  void missingBiasInitializer() {
    String msg = fails(edit(n -> n,
        inits -> inits.remove("encoder.layer.0.attention.self.query.bias")));
    contains(msg, "node '/encoder/layer.0/attention/self/query/Add' (Add, byte offset ",
        "input 'encoder.layer.0.attention.self.query.bias' is not a constant weight");
  }

  @Test
  void weightOfTheWrongShape() {
    String msg = fails(edit(n -> n, inits -> inits.put("encoder.layer.1.intermediate.dense.bias",
        new OnnxTensorProto("encoder.layer.1.intermediate.dense.bias", new long[] {1000},
            OnnxTensorProto.FLOAT, null, new float[1000], null, SOURCE, 0))));
    contains(msg, "weight 'encoder.layer.1.intermediate.dense.bias' has shape [1000], expected [1536]");
  }

  @Test
  void attentionWithoutSoftmax() {
    String msg = fails(edit(n -> n.opType().equals("Softmax") ? withOp(n, "Sigmoid") : n, i -> { }));
    contains(msg, "layer 0: the attention scores do not reach the value MatMul through a Softmax");
  }

  @Test
  void activationThatIsNotGelu() {
    // 0.5·x·(1 + tanh(x/√2)) has the shape of erf-GELU with the wrong function: not GELU at all.
    String msg = fails(edit(n -> n.opType().equals("Erf") ? withOp(n, "Tanh") : n, i -> { }));
    contains(msg, "layer 0: feed-forward activation is not recognisably GELU");
  }

  @Test
  void positionIdsThatAreNotARange() {
    String msg = fails(edit(n -> n, inits -> {
      long[] reversed = new long[512];
      for (int i = 0; i < 512; i++) {
        reversed[i] = 511 - i;
      }
      inits.put("embeddings.position_ids", new OnnxTensorProto("embeddings.position_ids",
          new long[] {1, 512}, OnnxTensorProto.INT64, null, null, reversed, SOURCE, 0));
    }));
    contains(msg, "position ids 'embeddings.position_ids' are not 0..n-1 (element 0 is 511)");
  }

  @Test
  void graphWithoutInputIds() {
    String msg = fails(edit(n -> new OnnxNode(n.name(), n.opType(), n.domain(),
        n.inputs().stream().map(s -> s.equals("input_ids") ? "ids" : s).toList(), n.outputs(),
        n.attributes(), n.offset()), i -> { }));
    contains(msg, "no Gather of a constant table by the graph input 'input_ids': not a BERT graph");
  }

  @Test
  void fusedAttentionOperatorsAreRejected() {
    String msg = fails(edit(
        n -> n.opType().equals("Softmax") ? withOp(n, "SkipLayerNormalization") : n, i -> { }));
    contains(msg, "operator SkipLayerNormalization is not supported");
  }
}

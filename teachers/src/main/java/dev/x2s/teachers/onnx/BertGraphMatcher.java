package dev.x2s.teachers.onnx;

import dev.x2s.teachers.bert.BertConfig;
import dev.x2s.teachers.bert.BertWeightNames;
import dev.x2s.teachers.onnx.GraphWalker.Hit;
import dev.x2s.teachers.onnx.GraphWalker.Weight;
import dev.x2s.teachers.weights.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Recognises a BERT encoder in an ONNX graph by its dataflow, not by node or initializer names (exports
 * name MatMul weights {@code onnx::MatMul_1234}): embedding Gathers → Add → LayerNorm, then per layer
 * three projections told apart by where they flow (query and key meet as left and right operand of the
 * score MatMul, value is the right operand of the MatMul that reads the softmax), the attention output
 * projection, residual Add, LayerNorm, feed-forward with GELU, residual Add, LayerNorm.
 *
 * <p>LayerNorm may be the fused {@code LayerNormalization} operator (opset ≥ 17) or its decomposition
 * (ReduceMean, Sub, Pow, ReduceMean, Add ε, Sqrt, Div, Mul γ, Add β); GELU the Erf form, the tanh form
 * or a {@code Gelu} node. ONNX Runtime's extended-level fusions are understood too
 * ({@code LayerNormalization}, {@code BiasGelu}/{@code FastGelu}, {@code FusedMatMul} scores). Weights
 * may be float or int8/uint8 behind {@code DequantizeLinear}. Graphs with fused attention or skip
 * LayerNorm (Attention, SkipLayerNormalization) and dynamically quantized graphs (MatMulInteger) are
 * rejected with a message saying so.
 */
final class BertGraphMatcher {
  private static final Set<String> UNSUPPORTED = Set.of(
      "Attention", "MultiHeadAttention", "SkipLayerNormalization", "EmbedLayerNormalization",
      "MatMulInteger", "QAttention", "DynamicQuantizeMatMul");

  private final GraphWalker w;
  private final OnnxGraph g;
  private final String source;
  private final Map<String, Tensor> tensors = new LinkedHashMap<>();
  private final Map<String, String> origins = new LinkedHashMap<>();
  private final List<String> hiddenStates = new ArrayList<>();
  private int hidden;

  BertGraphMatcher(OnnxModel model) {
    this.w = new GraphWalker(model);
    this.g = model.graph();
    this.source = model.source();
  }

  OnnxBertWeights match() {
    for (OnnxNode n : g.nodes()) {
      if (UNSUPPORTED.contains(n.opType())) {
        throw w.fail(n, "operator " + n.opType() + (n.domain().isEmpty() ? "" : " (" + n.domain() + ")")
            + " is not supported: use an unoptimized, non-dynamically-quantized export");
      }
    }
    Embeddings e = matchEmbeddings();
    LayerNorm ln = matchLayerNorm(e.sum, e.lastAdd);
    put(BertWeightNames.EMBEDDINGS_LN_WEIGHT, ln.gamma, false, hidden);
    put(BertWeightNames.EMBEDDINGS_LN_BIAS, ln.beta, false, hidden);
    hiddenStates.add(ln.out);

    String h = ln.out;
    int heads = -1;
    int intermediate = -1;
    String activation = null;
    int layers = 0;
    while (true) {
      List<OnnxNode> projections = weightMatMuls(h);
      if (projections.isEmpty()) {
        break;
      }
      Layer layer = matchLayer(layers, h, projections, ln.eps);
      if (heads >= 0 && (layer.heads != heads || layer.intermediate != intermediate
          || !layer.activation.equals(activation))) {
        throw w.fail(projections.get(0), "layer " + layers + " differs from layer 0 (heads "
            + layer.heads + " vs " + heads + ", intermediate " + layer.intermediate + " vs "
            + intermediate + ", activation " + layer.activation + " vs " + activation + ")");
      }
      heads = layer.heads;
      intermediate = layer.intermediate;
      activation = layer.activation;
      h = layer.out;
      hiddenStates.add(h);
      layers++;
    }
    if (layers == 0) {
      throw w.fail(g.producer(h), "no transformer layer (three weight MatMuls) reads the embeddings"
          + " LayerNorm output '" + h + "'");
    }
    BertConfig config = new BertConfig(e.vocab, hidden, layers, heads, intermediate, e.maxPositions,
        e.typeVocab, ln.eps, activation);
    return new OnnxBertWeights(config, tensors, hiddenStates, origins);
  }

  // ---------------------------------------------------------------- embeddings

  private record Embeddings(String sum, OnnxNode lastAdd, int vocab, int maxPositions, int typeVocab) {}

  private Embeddings matchEmbeddings() {
    // The word lookup: a Gather of a 2-D constant table by the graph input input_ids.
    OnnxNode word = null;
    for (OnnxNode n : g.nodes()) {
      if (n.opType().equals("Gather") && n.input(1).equals("input_ids") && w.isWeight(n.input(0))) {
        word = n;
        break;
      }
    }
    if (word == null) {
      throw w.fail("no Gather of a constant table by the graph input 'input_ids': not a BERT graph"
          + " (graph inputs " + g.inputs() + ")");
    }
    Weight wordTable = w.weight(word.input(0), word);
    if (wordTable.shape().length != 2) {
      throw w.fail(word, "word embedding table has rank " + wordTable.shape().length);
    }
    hidden = wordTable.shape()[1];
    put(BertWeightNames.WORD_EMBEDDINGS, wordTable, false, wordTable.shape());

    // Climb the Add chain that sums word, position and token-type embeddings up to the LayerNorm.
    String cur = word.output(0);
    OnnxNode lastAdd = null;
    List<OnnxNode> lookups = new ArrayList<>();
    while (!startsLayerNorm(cur)) {
      OnnxNode add = w.single(cur, "Add", lastAdd == null ? word : lastAdd, "embedding sum");
      collectLookups(GraphWalker.other(add, cur), add, lookups);
      cur = add.output(0);
      lastAdd = add;
    }
    OnnxNode position = null;
    OnnxNode type = null;
    for (OnnxNode n : lookups) {
      boolean byInput = g.producer(n.input(1)) == null && g.constant(n.input(1)) == null;
      if (byInput && !n.input(1).contains("position")) {
        if (type != null) {
          throw w.fail(n, "two token-type embedding lookups");
        }
        type = n;
      } else {
        if (position != null) {
          throw w.fail(n, "two position embedding lookups");
        }
        checkPositionIds(n);
        position = n;
      }
    }
    if (position == null || type == null) {
      throw w.fail(lastAdd == null ? word : lastAdd, "embedding sum lacks a "
          + (position == null ? "position" : "token-type") + " embedding lookup");
    }
    Weight pos = w.weight(position.input(0), position);
    Weight typ = w.weight(type.input(0), type);
    put(BertWeightNames.POSITION_EMBEDDINGS, pos, false, pos.shape()[0], hidden);
    put(BertWeightNames.TOKEN_TYPE_EMBEDDINGS, typ, false, typ.shape()[0], hidden);
    return new Embeddings(cur, lastAdd, wordTable.shape()[0], pos.shape()[0], typ.shape()[0]);
  }

  private boolean startsLayerNorm(String value) {
    return !w.consumers(value, "LayerNormalization").isEmpty()
        || !w.consumers(value, "ReduceMean").isEmpty();
  }

  /** The embedding Gathers summed into {@code value} (a Gather, or an Add tree of Gathers). */
  private void collectLookups(String value, OnnxNode user, List<OnnxNode> out) {
    OnnxNode p = g.producer(value);
    if (p != null && p.opType().equals("Gather") && w.isWeight(p.input(0))) {
      out.add(p);
    } else if (p != null && p.opType().equals("Add")) {
      collectLookups(p.input(0), p, out);
      collectLookups(p.input(1), p, out);
    } else {
      throw w.fail(user, "embedding sum operand '" + value + "' is not an embedding lookup");
    }
  }

  /** Position ids must be 0..n-1 (HF's position_ids buffer or a Range), or a graph input. */
  private void checkPositionIds(OnnxNode lookup) {
    String v = lookup.input(1);
    for (int hop = 0; hop < 16; hop++) {
      OnnxTensorProto c = g.constant(v);
      if (c != null) {
        long[] ids = c.longs();
        for (int i = 0; i < ids.length; i++) {
          if (ids[i] != i) {
            throw w.fail(lookup, "position ids '" + v + "' are not 0..n-1 (element " + i + " is "
                + ids[i] + ")");
          }
        }
        return;
      }
      OnnxNode p = g.producer(v);
      if (p == null) {
        return; // a graph input: the caller supplies positions
      }
      switch (p.opType()) {
        case "Slice", "Expand", "Cast", "Unsqueeze", "Squeeze", "Reshape", "Identity" -> v = p.input(0);
        case "Range" -> {
          double start = w.scalar(p.input(0));
          double delta = w.scalar(p.input(2));
          if (start != 0 || delta != 1) {
            throw w.fail(p, "position ids Range starts at " + start + " with step " + delta);
          }
          return;
        }
        default -> throw w.fail(p, "cannot trace position ids through " + p.opType());
      }
    }
    throw w.fail(lookup, "cannot trace position ids");
  }

  // ---------------------------------------------------------------- layers

  private record Layer(String out, int heads, int intermediate, String activation) {}

  /** A projection; {@code fusedActivation} is set when the bias Add is fused into a GELU node. */
  private record Linear(Weight weight, Weight bias, String out, OnnxNode matMul, String fusedActivation) {}

  private Layer matchLayer(int i, String h, List<OnnxNode> projections, double eps) {
    if (projections.size() != 3) {
      throw w.fail(projections.get(0), "layer " + i + ": expected 3 projections (query, key, value)"
          + " reading '" + h + "', found " + projections.size());
    }
    Predicate<OnnxNode> headsPath = n -> Set.of(
        "Reshape", "Transpose", "Mul", "Div", "Cast", "Squeeze", "Unsqueeze", "Identity")
        .contains(n.opType());
    Predicate<OnnxNode> dynamicMatMul = n -> (n.opType().equals("MatMul")
        || n.opType().equals("FusedMatMul")) && !w.isWeight(n.input(0)) && !w.isWeight(n.input(1));
    Linear[] proj = new Linear[3];
    Hit[] use = new Hit[3];
    for (int k = 0; k < 3; k++) {
      proj[k] = plain(linear(projections.get(k), hidden, hidden), i);
      use[k] = w.forward(proj[k].out, headsPath, dynamicMatMul);
      if (use[k] == null) {
        throw w.fail(projections.get(k), "layer " + i + ": projection output never reaches an"
            + " attention MatMul");
      }
    }
    // Query and key meet in the score MatMul (left, right); value is the right operand of the other.
    Linear q = null;
    Linear key = null;
    Linear v = null;
    OnnxNode scores = null;
    OnnxNode context = null;
    for (int k = 0; k < 3; k++) {
      int shared = 0;
      for (int j = 0; j < 3; j++) {
        if (use[j].node() == use[k].node()) {
          shared++;
        }
      }
      if (shared == 2 && use[k].index() == 0) {
        q = proj[k];
        scores = use[k].node();
      } else if (shared == 2 && use[k].index() == 1) {
        key = proj[k];
      } else if (shared == 1 && use[k].index() == 1) {
        v = proj[k];
        context = use[k].node();
      }
    }
    if (q == null || key == null || v == null) {
      throw w.fail(projections.get(0), "layer " + i + ": cannot tell query, key and value apart"
          + " (attention MatMuls reached: " + use[0].node().name() + "#" + use[0].index() + ", "
          + use[1].node().name() + "#" + use[1].index() + ", " + use[2].node().name() + "#"
          + use[2].index() + ")");
    }
    Hit softmax = w.forward(scores.output(0),
        n -> Set.of("Div", "Mul", "Add", "Sub", "Where", "Cast").contains(n.opType()),
        n -> n.opType().equals("Softmax"));
    OnnxNode ctx = context;
    if (softmax == null || w.forward(softmax.node().output(0),
        n -> Set.of("Cast", "Dropout", "Identity").contains(n.opType()),
        n -> n == ctx) == null) {
      throw w.fail(scores, "layer " + i + ": the attention scores do not reach the value MatMul"
          + " through a Softmax");
    }
    int heads = heads(i, q, scores);

    Hit outMm = w.forward(context.output(0),
        n -> Set.of("Transpose", "Reshape").contains(n.opType()),
        n -> n.opType().equals("MatMul") && w.isWeight(n.input(1)));
    if (outMm == null) {
      throw w.fail(context, "layer " + i + ": no attention output projection after the context");
    }
    Linear attnOut = plain(linear(outMm.node(), hidden, hidden), i);
    LayerNorm ln1 = matchLayerNorm(residual(attnOut, h, i), attnOut.matMul);
    checkEps(ln1, eps, i);

    List<OnnxNode> ff = weightMatMuls(ln1.out);
    if (ff.size() != 1) {
      throw w.fail(g.producer(ln1.out), "layer " + i + ": expected one intermediate MatMul reading '"
          + ln1.out + "', found " + ff.size());
    }
    Weight interW = w.weight(ff.get(0).input(1), ff.get(0));
    int f = interW.shape().length == 2 ? interW.shape()[1] : -1;
    Linear inter = linear(ff.get(0), hidden, f);
    List<OnnxNode> act = new ArrayList<>();
    if (inter.fusedActivation != null) {
      act.add(g.producer(inter.out));
    }
    Hit down = w.forward(inter.out,
        n -> Set.of("Div", "Mul", "Erf", "Add", "Pow", "Tanh", "Gelu", "Sqrt", "Cast")
            .contains(n.opType()),
        n -> n.opType().equals("MatMul") && w.isWeight(n.input(1)), act);
    if (down == null) {
      throw w.fail(inter.matMul, "layer " + i + ": no output projection after the intermediate");
    }
    String activation = activation(act, inter.matMul, i);
    Linear output = plain(linear(down.node(), f, hidden), i);
    LayerNorm ln2 = matchLayerNorm(residual(output, ln1.out, i), output.matMul);
    checkEps(ln2, eps, i);

    putLinear(BertWeightNames.query(i, ""), q);
    putLinear(BertWeightNames.key(i, ""), key);
    putLinear(BertWeightNames.value(i, ""), v);
    putLinear(BertWeightNames.attentionOutput(i, ""), attnOut);
    put(BertWeightNames.attentionLayerNorm(i, "weight"), ln1.gamma, false, hidden);
    put(BertWeightNames.attentionLayerNorm(i, "bias"), ln1.beta, false, hidden);
    putLinear(BertWeightNames.intermediate(i, ""), inter);
    putLinear(BertWeightNames.output(i, ""), output);
    put(BertWeightNames.outputLayerNorm(i, "weight"), ln2.gamma, false, hidden);
    put(BertWeightNames.outputLayerNorm(i, "bias"), ln2.beta, false, hidden);
    return new Layer(ln2.out, heads, f, activation);
  }

  private List<OnnxNode> weightMatMuls(String value) {
    List<OnnxNode> out = new ArrayList<>();
    for (OnnxNode n : w.consumers(value, "MatMul")) {
      if (n.input(0).equals(value) && w.isWeight(n.input(1))) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * MatMul by a constant {@code [in, out]} weight followed by Add of a constant {@code [out]} bias, or
   * by ONNX Runtime's {@code BiasGelu}/{@code FastGelu} (bias add fused into the activation).
   */
  private Linear linear(OnnxNode mm, int in, int out) {
    Weight weight = w.weight(mm.input(1), mm);
    expect(weight, mm, in, out);
    String mmOut = mm.output(0);
    for (String fused : List.of("BiasGelu", "FastGelu")) {
      List<OnnxNode> f = w.consumers(mmOut, fused);
      if (f.size() == 1 && f.get(0).input(0).equals(mmOut) && !f.get(0).input(1).isEmpty()) {
        OnnxNode n = f.get(0);
        Weight bias = w.weight(n.input(1), n);
        expect(bias, n, out);
        return new Linear(weight, bias, n.output(0), mm, fused);
      }
    }
    OnnxNode add = w.single(mmOut, "Add", mm, "bias");
    Weight bias = w.weight(GraphWalker.other(add, mmOut), add);
    expect(bias, add, out);
    return new Linear(weight, bias, add.output(0), mm, null);
  }

  private Linear plain(Linear l, int i) {
    if (l.fusedActivation != null) {
      throw w.fail(l.matMul, "layer " + i + ": unexpected " + l.fusedActivation + " after this projection");
    }
    return l;
  }

  /** The residual Add of a projection's output and the block input; returns its output. */
  private String residual(Linear l, String blockInput, int i) {
    for (OnnxNode add : w.consumers(l.out, "Add")) {
      if (GraphWalker.other(add, l.out).equals(blockInput)) {
        return add.output(0);
      }
    }
    throw w.fail(l.matMul, "layer " + i + ": no residual Add of '" + l.out + "' and '" + blockInput + "'");
  }

  private String activation(List<OnnxNode> path, OnnxNode from, int i) {
    boolean erf = false;
    boolean tanh = false;
    for (OnnxNode n : path) {
      switch (n.opType()) {
        case "Erf", "BiasGelu" -> erf = true;
        case "Tanh", "FastGelu" -> tanh = true;
        case "Gelu" -> {
          OnnxAttribute a = n.attributes().get("approximate");
          if (a != null && "tanh".equals(a.s())) {
            tanh = true;
          } else {
            erf = true;
          }
        }
        default -> { }
      }
    }
    // Decomposed forms must carry their constants: 1/sqrt(2) (Div by sqrt 2 or Mul by its inverse)
    // for erf, 0.044715 for tanh; fused nodes (Gelu, BiasGelu, FastGelu) imply them.
    boolean fusedNode = path.stream().anyMatch(n -> n.opType().endsWith("Gelu"));
    if (!fusedNode && erf && !hasScalar(path, Math.sqrt(2), 1 / Math.sqrt(2))) {
      erf = false;
    }
    if (!fusedNode && tanh && !hasScalar(path, 0.044715, 0.044715)) {
      tanh = false;
    }
    if (erf == tanh) {
      throw w.fail(from, "layer " + i + ": feed-forward activation is not recognisably GELU (erf or"
          + " tanh form); operators on the path: " + path.stream().map(OnnxNode::opType).toList());
    }
    return erf ? "gelu" : "gelu_tanh";
  }

  /** Whether a Div by {@code div} or a Mul by {@code mul} (constant scalars) is on the path. */
  private boolean hasScalar(List<OnnxNode> path, double div, double mul) {
    for (OnnxNode n : path) {
      for (String in : n.inputs()) {
        double c = w.scalar(in);
        if ((n.opType().equals("Div") && Math.abs(c - div) < 1e-5 * div)
            || (n.opType().equals("Mul") && Math.abs(c - mul) < 1e-5 * mul)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Heads from the query's Reshape to {@code [batch, seq, heads, headDim]} (a constant or a Concat
   * with constant tail), cross-checked with the score scale {@code 1/sqrt(headDim)} when present.
   */
  private int heads(int i, Linear q, OnnxNode scores) {
    int heads = -1;
    Hit reshape = w.forward(q.out, n -> false, n -> n.opType().equals("Reshape"));
    if (reshape != null) {
      long[] shape = shapeValues(reshape.node().input(1));
      if (shape != null && shape.length == 4) {
        long a = shape[2];
        long b = shape[3];
        if (a > 0 && b > 0 && a * b == hidden) {
          heads = (int) a;
        } else if (a > 0 && b == -1 && hidden % a == 0) {
          heads = (int) a;
        } else if (b > 0 && a == -1 && hidden % b == 0) {
          heads = (int) (hidden / b);
        }
      }
    }
    int fromScale = -1;
    if (scores.opType().equals("FusedMatMul")) { // ORT folds the 1/sqrt(headDim) scale into alpha
      double alpha = scores.floatAttribute("alpha", 1f);
      long headDim = Math.round(1 / (alpha * alpha));
      if (headDim > 0 && hidden % headDim == 0) {
        fromScale = (int) (hidden / headDim);
      }
    }
    for (OnnxNode n : g.consumers(scores.output(0))) {
      double c = w.scalar(GraphWalker.other(n, scores.output(0)));
      double headDim = n.opType().equals("Div") ? c * c : n.opType().equals("Mul") ? 1 / (c * c) : 0;
      long rounded = Math.round(headDim);
      if (rounded > 0 && Math.abs(headDim - rounded) < 1e-3 * rounded && hidden % rounded == 0) {
        fromScale = (int) (hidden / rounded);
      }
    }
    if (heads > 0 && fromScale > 0 && heads != fromScale) {
      throw w.fail(scores, "layer " + i + ": reshape says " + heads + " heads, score scale says "
          + fromScale);
    }
    if (heads <= 0) {
      heads = fromScale;
    }
    if (heads <= 0) {
      throw w.fail(scores, "layer " + i + ": cannot determine the number of attention heads");
    }
    return heads;
  }

  /** Values of a Reshape target: a constant, or a Concat whose dynamic parts count as one unknown. */
  private long[] shapeValues(String value) {
    OnnxTensorProto c = g.constant(value);
    if (c != null) {
      return c.longs();
    }
    OnnxNode p = g.producer(value);
    if (p == null || !p.opType().equals("Concat")) {
      return null;
    }
    List<Long> out = new ArrayList<>();
    for (String in : p.inputs()) {
      OnnxTensorProto part = g.constant(in);
      if (part != null) {
        for (long x : part.longs()) {
          out.add(x);
        }
      } else {
        out.add(Long.MIN_VALUE); // a Shape→Gather→Unsqueeze scalar: batch or sequence length
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  // ---------------------------------------------------------------- LayerNorm

  private record LayerNorm(Weight gamma, Weight beta, double eps, String out) {}

  private LayerNorm matchLayerNorm(String x, OnnxNode from) {
    List<OnnxNode> fused = w.consumers(x, "LayerNormalization");
    if (!fused.isEmpty()) {
      OnnxNode n = fused.get(0);
      long axis = n.intAttribute("axis", -1);
      if (axis != -1 && axis != 2) {
        throw w.fail(n, "LayerNormalization over axis " + axis + ", expected the last");
      }
      Weight gamma = w.weight(n.input(1), n);
      Weight beta = n.input(2).isEmpty()
          ? new Weight("zeros", new int[] {hidden}, new float[hidden]) : w.weight(n.input(2), n);
      return new LayerNorm(gamma, beta, tidy(n.floatAttribute("epsilon", 1e-5f)), n.output(0));
    }
    OnnxNode mean = w.single(x, "ReduceMean", from, "LayerNorm mean");
    checkLastAxis(mean);
    OnnxNode sub = null;
    for (OnnxNode n : w.consumers(x, "Sub")) {
      if (n.input(0).equals(x) && n.input(1).equals(mean.output(0))) {
        sub = n;
      }
    }
    if (sub == null) {
      throw w.fail(mean, "LayerNorm: no Sub of the mean from '" + x + "'");
    }
    String d = sub.output(0);
    OnnxNode pow = w.single(d, "Pow", sub, "LayerNorm square");
    if (w.scalar(pow.input(1)) != 2) {
      throw w.fail(pow, "LayerNorm: exponent is not the constant 2");
    }
    OnnxNode var = w.single(pow.output(0), "ReduceMean", pow, "LayerNorm variance");
    checkLastAxis(var);
    OnnxNode addEps = w.single(var.output(0), "Add", var, "LayerNorm epsilon");
    double eps = w.scalar(GraphWalker.other(addEps, var.output(0)));
    if (Double.isNaN(eps)) {
      throw w.fail(addEps, "LayerNorm: epsilon is not a constant scalar");
    }
    OnnxNode sqrt = w.single(addEps.output(0), "Sqrt", addEps, "LayerNorm sqrt");
    OnnxNode div = null;
    for (OnnxNode n : w.consumers(d, "Div")) {
      if (n.input(1).equals(sqrt.output(0))) {
        div = n;
      }
    }
    if (div == null) {
      throw w.fail(sqrt, "LayerNorm: no Div of the centred input by the standard deviation");
    }
    OnnxNode mul = w.single(div.output(0), "Mul", div, "LayerNorm gamma");
    Weight gamma = w.weight(GraphWalker.other(mul, div.output(0)), mul);
    OnnxNode add = w.single(mul.output(0), "Add", mul, "LayerNorm beta");
    Weight beta = w.weight(GraphWalker.other(add, mul.output(0)), add);
    return new LayerNorm(gamma, beta, tidy((float) eps), add.output(0));
  }

  private void checkLastAxis(OnnxNode reduce) {
    OnnxAttribute axes = reduce.attributes().get("axes");
    long[] a = axes != null ? axes.ints() : null;
    if (a == null && !reduce.input(1).isEmpty() && g.constant(reduce.input(1)) != null) {
      a = g.constant(reduce.input(1)).longs(); // opset 18: axes is an input
    }
    if (a == null || a.length != 1 || (a[0] != -1 && a[0] != 2)) {
      throw w.fail(reduce, "LayerNorm: ReduceMean is not over the last axis only");
    }
  }

  private void checkEps(LayerNorm ln, double eps, int i) {
    if (Math.abs(ln.eps - eps) > 1e-6 * eps) {
      throw w.fail("layer " + i + ": LayerNorm epsilon " + ln.eps + " differs from the embeddings' "
          + eps);
    }
  }

  /** A float epsilon as the decimal it was written as (1e-12f → 1.0E-12, not 9.9999999E-13). */
  private static double tidy(float eps) {
    return Double.parseDouble(Float.toString(eps));
  }

  // ---------------------------------------------------------------- output

  private void putLinear(String prefix, Linear l) {
    int in = l.weight.shape()[0];
    int out = l.weight.shape()[1];
    put(prefix + "weight", l.weight, true, out, in);
    put(prefix + "bias", l.bias, false, out);
  }

  /** Stores a weight under its HF name; ONNX MatMul {@code [in, out]} kernels are transposed. */
  private void put(String name, Weight weight, boolean transpose, int... expected) {
    Tensor t = new Tensor(name, weight.shape(), weight.data());
    if (transpose) {
      t = t.transposed(name);
    }
    t.expectShape(source, expected);
    if (tensors.put(name, t) != null) {
      throw w.fail("tensor " + name + " matched twice");
    }
    origins.put(name, weight.source());
  }

  private void expect(Weight weight, OnnxNode node, int... shape) {
    if (!Arrays.equals(weight.shape(), shape)) {
      throw w.fail(node, "weight '" + weight.source() + "' has shape "
          + Arrays.toString(weight.shape()) + ", expected " + Arrays.toString(shape));
    }
  }
}

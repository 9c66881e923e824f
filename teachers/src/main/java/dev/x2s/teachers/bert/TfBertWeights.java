package dev.x2s.teachers.bert;

import dev.x2s.teachers.tf.BundleEntry;
import dev.x2s.teachers.tf.TensorBundleReader;
import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.weights.WeightsException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps a Google TF BERT checkpoint (tensor bundle) to {@link BertWeightNames}: {@code
 * <prefix>bert/embeddings/word_embeddings} → {@code embeddings.word_embeddings.weight}, {@code
 * .../layer_3/attention/self/query/kernel} ({@code [in, out]}, transposed) → {@code
 * encoder.layer.3.attention.self.query.weight}, {@code LayerNorm/gamma|beta} → {@code weight|bias}. The
 * prefix (e.g. {@code module/} in a TF-Hub SavedModel) is found from the bundle.
 */
public final class TfBertWeights {
  private static final String ANCHOR = "bert/embeddings/word_embeddings";

  private TfBertWeights() {}

  /** The variable-name prefix before {@code bert/} (e.g. {@code module/}), or "" if none. */
  public static String prefix(TensorBundleReader bundle) {
    for (String name : bundle.entries().keySet()) {
      if (name.endsWith(ANCHOR)) {
        return name.substring(0, name.length() - ANCHOR.length());
      }
    }
    throw new WeightsException(bundle.index().toString(),
        "missing tensor " + ANCHOR + " (under any prefix): not a BERT checkpoint");
  }

  /** Infers the architecture from tensor shapes; {@code heads} and activation are not stored. */
  public static BertConfig config(TensorBundleReader bundle, int heads, String activation) {
    String p = prefix(bundle) + "bert/";
    Map<String, BundleEntry> e = bundle.entries();
    long[] word = e.get(p + "embeddings/word_embeddings").shape();
    long[] pos = require(bundle, p + "embeddings/position_embeddings").shape();
    long[] type = require(bundle, p + "embeddings/token_type_embeddings").shape();
    int layers = 0;
    while (e.containsKey(p + "encoder/layer_" + layers + "/output/dense/kernel")) {
      layers++;
    }
    long[] inter = require(bundle, p + "encoder/layer_0/intermediate/dense/kernel").shape();
    return new BertConfig((int) word[0], (int) word[1], layers, heads, (int) inter[1], (int) pos[0],
        (int) type[0], 1e-12, activation);
  }

  /** Reads every encoder tensor (checksums verified), renamed and transposed to HF layout. */
  public static Map<String, Tensor> read(TensorBundleReader bundle, BertConfig config) {
    String p = prefix(bundle) + "bert/";
    Map<String, Tensor> out = new LinkedHashMap<>();
    plain(bundle, out, p + "embeddings/word_embeddings", BertWeightNames.WORD_EMBEDDINGS);
    plain(bundle, out, p + "embeddings/position_embeddings", BertWeightNames.POSITION_EMBEDDINGS);
    plain(bundle, out, p + "embeddings/token_type_embeddings", BertWeightNames.TOKEN_TYPE_EMBEDDINGS);
    layerNorm(bundle, out, p + "embeddings/LayerNorm", "embeddings.LayerNorm.");
    for (int i = 0; i < config.layers(); i++) {
      String tf = p + "encoder/layer_" + i + "/";
      String hf = BertWeightNames.layer(i);
      dense(bundle, out, tf + "attention/self/query", hf + "attention.self.query.");
      dense(bundle, out, tf + "attention/self/key", hf + "attention.self.key.");
      dense(bundle, out, tf + "attention/self/value", hf + "attention.self.value.");
      dense(bundle, out, tf + "attention/output/dense", hf + "attention.output.dense.");
      layerNorm(bundle, out, tf + "attention/output/LayerNorm", hf + "attention.output.LayerNorm.");
      dense(bundle, out, tf + "intermediate/dense", hf + "intermediate.dense.");
      dense(bundle, out, tf + "output/dense", hf + "output.dense.");
      layerNorm(bundle, out, tf + "output/LayerNorm", hf + "output.LayerNorm.");
    }
    return out;
  }

  private static BundleEntry require(TensorBundleReader bundle, String name) {
    BundleEntry e = bundle.entries().get(name);
    if (e == null) {
      throw new WeightsException(bundle.index().toString(), "missing tensor " + name);
    }
    return e;
  }

  private static void plain(TensorBundleReader b, Map<String, Tensor> out, String tf, String hf) {
    out.put(hf, b.readFloat(tf, hf));
  }

  private static void layerNorm(TensorBundleReader b, Map<String, Tensor> out, String tf, String hf) {
    out.put(hf + "weight", b.readFloat(tf + "/gamma", hf + "weight"));
    out.put(hf + "bias", b.readFloat(tf + "/beta", hf + "bias"));
  }

  /** TF dense kernels are {@code [in, out]}; HF/PyTorch linear weights {@code [out, in]}. */
  private static void dense(TensorBundleReader b, Map<String, Tensor> out, String tf, String hf) {
    Tensor kernel = b.readFloat(tf + "/kernel", hf + "weight");
    if (kernel.rank() != 2) {
      throw new WeightsException(b.index().toString(), "tensor " + tf + "/kernel is not 2-D: "
          + java.util.Arrays.toString(kernel.shape()));
    }
    out.put(hf + "weight", kernel.transposed(hf + "weight"));
    out.put(hf + "bias", b.readFloat(tf + "/bias", hf + "bias"));
  }
}

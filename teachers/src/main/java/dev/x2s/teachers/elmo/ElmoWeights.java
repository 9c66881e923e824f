package dev.x2s.teachers.elmo;

import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.weights.WeightsException;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors of a bilm-tf ELMo weight file ({@code lm_weights.hdf5}), read with jhdf and checked
 * against the {@link ElmoOptions}. Tensors keep the file's dataset paths as names and its (TF) layouts:
 *
 * <ul>
 *   <li>{@code char_embed} {@code [261, char_dim]} — row {@code r} is character id
 *       {@code r + 1}; id 0 (padding token) embeds to zeros, as AllenNLP prepends a zero row
 *   <li>{@code CNN/W_cnn_i} {@code [1, width, char_dim, count]}, {@code CNN/b_cnn_i} {@code [count]}
 *   <li>{@code CNN_high_k/W_carry|W_transform} {@code [F, F]} ({@code x·W}), {@code b_carry|b_transform}
 *   <li>{@code CNN_proj/W_proj} {@code [F, proj]}, {@code CNN_proj/b_proj} {@code [proj]}
 *   <li>{@code RNN_d/RNN/MultiRNNCell/Cell{l}/LSTMCell/W_0} {@code [proj + proj, 4·cell]} (input rows
 *       then recurrent rows; gate columns in TF order i, j, f, o), {@code B} {@code [4·cell]} (without
 *       TF's forget bias of +1), {@code W_P_0} {@code [cell, proj]}; direction 0 forward, 1 backward
 * </ul>
 */
public final class ElmoWeights {
  /** Character embedding dataset. */
  public static final String CHAR_EMBED = "char_embed";
  /** Token projection kernel and bias datasets. */
  public static final String PROJ_KERNEL = "CNN_proj/W_proj";
  public static final String PROJ_BIAS = "CNN_proj/b_proj";

  private final String source;
  private final Map<String, Tensor> tensors;

  private ElmoWeights(String source, Map<String, Tensor> tensors) {
    this.source = source;
    this.tensors = Collections.unmodifiableMap(tensors);
  }

  /**
   * Reads every dataset the options call for.
   *
   * @throws WeightsException naming the file and the missing, mistyped or mis-shaped dataset
   */
  public static ElmoWeights load(Path file, ElmoOptions options) {
    String src = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new WeightsException(src, "ELMo weight file does not exist or is not a file");
    }
    Map<String, int[]> expected = expectedShapes(options);
    Map<String, Tensor> out = new LinkedHashMap<>();
    try (HdfFile hdf = new HdfFile(file)) {
      for (Map.Entry<String, int[]> e : expected.entrySet()) {
        out.put(e.getKey(), read(hdf, e.getKey(), src).expectShape(src, e.getValue()));
      }
    } catch (HdfException e) {
      throw new WeightsException(src, "cannot read HDF5: " + e.getMessage(), e);
    }
    return new ElmoWeights(src, out);
  }

  /**
   * Weights from tensors already in memory (named by dataset path), checked like {@link #load}.
   *
   * @param source where they came from, for messages
   * @throws WeightsException naming the source and the missing or mis-shaped tensor
   */
  public static ElmoWeights of(String source, Map<String, Tensor> tensors, ElmoOptions options) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> e : expectedShapes(options).entrySet()) {
      Tensor t = tensors.get(e.getKey());
      if (t == null) {
        throw new WeightsException(source, "missing tensor " + e.getKey());
      }
      out.put(e.getKey(), t.expectShape(source, e.getValue()));
    }
    return new ElmoWeights(source, out);
  }

  /** Dataset paths and shapes a weight file for {@code o} must hold, in reading order. */
  public static Map<String, int[]> expectedShapes(ElmoOptions o) {
    Map<String, int[]> m = new LinkedHashMap<>();
    int charDim = o.charEmbeddingDim();
    // bilm-tf stores ids 1..261 (n_characters in the options may read 261 or 262)
    m.put(CHAR_EMBED, new int[] {ElmoCharacterMapper.VOCABULARY_SIZE - 1, charDim});
    for (int i = 0; i < o.filters().size(); i++) {
      int[] f = o.filters().get(i);
      m.put(cnnKernel(i), new int[] {1, f[0], charDim, f[1]});
      m.put(cnnBias(i), new int[] {f[1]});
    }
    int nf = o.filterCount();
    for (int k = 0; k < o.highwayLayers(); k++) {
      m.put(highway(k, "W_carry"), new int[] {nf, nf});
      m.put(highway(k, "W_transform"), new int[] {nf, nf});
      m.put(highway(k, "b_carry"), new int[] {nf});
      m.put(highway(k, "b_transform"), new int[] {nf});
    }
    int p = o.projectionDim();
    m.put(PROJ_KERNEL, new int[] {nf, p});
    m.put(PROJ_BIAS, new int[] {p});
    int c = o.cellDim();
    for (int d = 0; d < 2; d++) {
      for (int l = 0; l < o.lstmLayers(); l++) {
        m.put(lstmKernel(d, l), new int[] {p + p, 4 * c});
        m.put(lstmBias(d, l), new int[] {4 * c});
        m.put(lstmProjection(d, l), new int[] {c, p});
      }
    }
    return m;
  }

  public static String cnnKernel(int i) {
    return "CNN/W_cnn_" + i;
  }

  public static String cnnBias(int i) {
    return "CNN/b_cnn_" + i;
  }

  /** @param name {@code W_carry}, {@code W_transform}, {@code b_carry} or {@code b_transform} */
  public static String highway(int k, String name) {
    return "CNN_high_" + k + "/" + name;
  }

  /** @param direction 0 forward, 1 backward */
  public static String lstmKernel(int direction, int layer) {
    return lstmPrefix(direction, layer) + "W_0";
  }

  public static String lstmBias(int direction, int layer) {
    return lstmPrefix(direction, layer) + "B";
  }

  public static String lstmProjection(int direction, int layer) {
    return lstmPrefix(direction, layer) + "W_P_0";
  }

  private static String lstmPrefix(int direction, int layer) {
    return "RNN_" + direction + "/RNN/MultiRNNCell/Cell" + layer + "/LSTMCell/";
  }

  /** The tensor stored under {@code name} (a dataset path). */
  public Tensor get(String name) {
    Tensor t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException(source + ": no tensor " + name);
    }
    return t;
  }

  /** All tensors by dataset path. */
  public Map<String, Tensor> tensors() {
    return tensors;
  }

  /** The weight file, for provenance and messages. */
  public String source() {
    return source;
  }

  private static Tensor read(HdfFile hdf, String path, String src) {
    Node node;
    try {
      node = hdf.getByPath(path);
    } catch (HdfException e) {
      throw new WeightsException(src, "missing dataset " + path, e);
    }
    if (!(node instanceof Dataset ds)) {
      throw new WeightsException(src, path + " is not a dataset");
    }
    Object flat;
    try {
      flat = ds.isEmpty() ? new float[0] : ds.getDataFlat();
    } catch (HdfException e) {
      throw new WeightsException(src, "cannot read dataset " + path + ": " + e.getMessage(), e);
    }
    float[] data;
    if (flat instanceof float[] f) {
      data = f;
    } else if (flat instanceof double[] d) {
      data = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        data[i] = (float) d[i];
      }
    } else {
      throw new WeightsException(
          src, "dataset " + path + " holds " + ds.getJavaType() + ", expected floating point");
    }
    int[] shape = ds.isScalar() ? new int[0] : ds.getDimensions();
    try {
      return new Tensor(path, shape, data);
    } catch (IllegalArgumentException e) {
      throw new WeightsException(src, e.getMessage(), e);
    }
  }
}

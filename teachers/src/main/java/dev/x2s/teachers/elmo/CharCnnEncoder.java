package dev.x2s.teachers.elmo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.x2s.teachers.weights.Tensor;

/**
 * ELMo's context-independent token encoder, AllenNLP's {@code _ElmoCharacterEncoder}: character
 * embedding → one valid (unpadded) 1-D convolution per filter width → max over positions →
 * activation → highway layers → linear projection to {@code projection_dim}.
 *
 * <p>Highway, in AllenNLP's form (its loader negates bilm-tf's carry weights so that):
 * {@code g = σ(-(x·W_carry + b_carry))}, {@code x = g·x + (1 - g)·relu(x·W_transform + b_transform)},
 * i.e. bilm-tf's {@code σ(x·W_carry + b_carry)} weighs the transform. The highway non-linearity is
 * always relu, whatever the convolution activation.
 */
final class CharCnnEncoder {
  private final int maxChars;
  private final int charDim;
  private final int characters;
  private final float[] charTable; // [characters, charDim]; row 0 = padding token, zeros
  private final int[] widths;
  private final NDArray[] kernels; // [width·charDim, count]
  private final NDArray[] biases; // [count]
  private final NDArray[] transformKernels;
  private final NDArray[] transformBiases;
  private final NDArray[] gateKernels; // -W_carry
  private final NDArray[] gateBiases; // -b_carry
  private final NDArray projKernel; // [F, proj]
  private final NDArray projBias;
  private final boolean relu;

  CharCnnEncoder(NDManager w, ElmoWeights weights, ElmoOptions o) {
    this.maxChars = o.maxCharactersPerToken();
    this.charDim = o.charEmbeddingDim();
    this.characters = ElmoCharacterMapper.VOCABULARY_SIZE;
    Tensor embed = weights.get(ElmoWeights.CHAR_EMBED);
    // AllenNLP prepends a zero row: file row r is character id r + 1, id 0 pads whole tokens.
    this.charTable = new float[characters * charDim];
    System.arraycopy(embed.data(), 0, charTable, charDim, embed.data().length);
    int nFilters = o.filters().size();
    this.widths = new int[nFilters];
    this.kernels = new NDArray[nFilters];
    this.biases = new NDArray[nFilters];
    for (int i = 0; i < nFilters; i++) {
      int[] f = o.filters().get(i);
      widths[i] = f[0];
      // [1, width, charDim, count] row-major = [width·charDim, count], matching the im2col order below
      kernels[i] =
          w.create(weights.get(ElmoWeights.cnnKernel(i)).data(), new Shape((long) f[0] * charDim, f[1]));
      biases[i] = w.create(weights.get(ElmoWeights.cnnBias(i)).data(), new Shape(f[1]));
    }
    int nf = o.filterCount();
    int nh = o.highwayLayers();
    this.transformKernels = new NDArray[nh];
    this.transformBiases = new NDArray[nh];
    this.gateKernels = new NDArray[nh];
    this.gateBiases = new NDArray[nh];
    for (int k = 0; k < nh; k++) {
      transformKernels[k] =
          w.create(weights.get(ElmoWeights.highway(k, "W_transform")).data(), new Shape(nf, nf));
      transformBiases[k] =
          w.create(weights.get(ElmoWeights.highway(k, "b_transform")).data(), new Shape(nf));
      gateKernels[k] = w.create(negated(weights.get(ElmoWeights.highway(k, "W_carry"))), new Shape(nf, nf));
      gateBiases[k] = w.create(negated(weights.get(ElmoWeights.highway(k, "b_carry"))), new Shape(nf));
    }
    this.projKernel =
        w.create(weights.get(ElmoWeights.PROJ_KERNEL).data(), new Shape(nf, o.projectionDim()));
    this.projBias = w.create(weights.get(ElmoWeights.PROJ_BIAS).data(), new Shape(o.projectionDim()));
    this.relu = o.activation().equals("relu");
  }

  private static float[] negated(Tensor t) {
    float[] d = t.data().clone();
    for (int i = 0; i < d.length; i++) {
      d[i] = -d[i];
    }
    return d;
  }

  /**
   * Token embeddings for {@code tokens} tokens of shifted character ids.
   *
   * @param m the manager that owns the result and every intermediate
   * @param charIds {@code [tokens, maxChars]} ids in {@code 0..characters-1}
   * @return {@code [tokens, projection_dim]}
   */
  NDArray encode(NDManager m, int[] charIds, int tokens) {
    if (charIds.length != tokens * maxChars) {
      throw new IllegalArgumentException(
          "expected " + tokens + "×" + maxChars + " character ids, got " + charIds.length);
    }
    float[] emb = new float[charIds.length * charDim];
    for (int p = 0; p < charIds.length; p++) {
      int id = charIds[p];
      if (id < 0 || id >= characters) {
        throw new IllegalArgumentException("character id " + id + " outside 0.." + (characters - 1));
      }
      System.arraycopy(charTable, id * charDim, emb, p * charDim, charDim);
    }
    NDArray e = m.create(emb, new Shape(tokens, maxChars, charDim));
    NDList pooled = new NDList(widths.length);
    for (int i = 0; i < widths.length; i++) {
      int width = widths[i];
      int positions = maxChars - width + 1;
      // im2col: position t sees characters t..t+width-1, laid out [offset][charDim]
      NDList shifted = new NDList(width);
      for (int k = 0; k < width; k++) {
        shifted.add(e.get(":, {}:{}, :", k, k + positions));
      }
      NDArray cols = width == 1 ? shifted.get(0) : NDArrays.concat(shifted, 2);
      NDArray conv = cols.matMul(kernels[i]).add(biases[i]); // [tokens, positions, count]
      NDArray max = conv.max(new int[] {1});
      pooled.add(relu ? Activation.relu(max) : max.tanh());
    }
    NDArray x = pooled.size() == 1 ? pooled.get(0) : NDArrays.concat(pooled, 1);
    for (int k = 0; k < transformKernels.length; k++) {
      NDArray nonlinear = Activation.relu(x.matMul(transformKernels[k]).add(transformBiases[k]));
      NDArray gate = Activation.sigmoid(x.matMul(gateKernels[k]).add(gateBiases[k]));
      x = gate.mul(x).add(gate.mul(-1f).add(1f).mul(nonlinear));
    }
    return x.matMul(projKernel).add(projBias);
  }

  int maxChars() {
    return maxChars;
  }
}

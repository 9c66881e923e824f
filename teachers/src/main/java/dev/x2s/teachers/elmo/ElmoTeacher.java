package dev.x2s.teachers.elmo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.teachers.TokenizedSentence;
import dev.x2s.teachers.WordStates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ELMo (bilm-tf weights) as a {@link Teacher}, computed with DJL's PyTorch engine following
 * AllenNLP's {@code _ElmoBiLm}. Each sentence is wrapped in {@code <S>} … {@code </S>}, encoded, and
 * the boundary positions are removed again. Layers returned, each {@code 2·projection_dim} wide:
 *
 * <ul>
 *   <li>0: the char-CNN token embedding, duplicated ({@code [emb, emb]}) as AllenNLP does;
 *   <li>{@code l ≥ 1}: {@code [forward, backward]} outputs of LSTM layer {@code l} (skip connections
 *       included for {@code l ≥ 2}).
 * </ul>
 *
 * <p>Words are the pieces: every word is one token (its UTF-8 bytes are cut to
 * {@code max_characters_per_token - 2} by {@link ElmoCharacterMapper}), so pooling has no effect.
 * There is no window: sentences of any length are encoded whole ({@link TeacherInfo#maxPieces()} 0).
 *
 * <p>{@link StateMode#STATELESS} (the default, for extraction) starts every sentence from zero LSTM
 * states, so a sentence's vectors do not depend on its batch. {@link StateMode#STATEFUL} carries each
 * batch row's final states into the same row of the next call, as bilm-tf and AllenNLP's
 * {@code ElmoLstm} do (needed to reproduce their reference outputs); in that mode every LSTM layer
 * runs even when {@code maxLayer} is lower, so the carried states stay consistent.
 *
 * <p>Weights live in one long-lived {@link NDManager}; each {@link #encode} call works in its own
 * sub-manager, closed before it returns. Calls are serialized ({@code synchronized}).
 */
public final class ElmoTeacher implements Teacher {
  /** Whether LSTM states carry over between {@link #encode} calls. */
  public enum StateMode {
    /** Zero initial states for every call (default). */
    STATELESS,
    /** Batch row {@code r} starts from the state row {@code r} of the previous call ended in. */
    STATEFUL
  }

  private final ElmoOptions options;
  private final ElmoCharacterMapper mapper;
  private final StateMode mode;
  private final TeacherInfo info;
  private final NDManager weightsManager;
  private final CharCnnEncoder tokenEncoder;
  private final LstmDirection[][] lstm; // [layer][0 forward, 1 backward]
  private final LstmStates states;

  /**
   * Loads a stateless teacher.
   *
   * @param optionsFile the model's {@code options.json}
   * @param weightsFile the model's {@code lm_weights.hdf5}
   */
  public static ElmoTeacher open(Path optionsFile, Path weightsFile) {
    return open(optionsFile, weightsFile, StateMode.STATELESS);
  }

  /** Loads a teacher with the given state mode; the id is the weight file's path. */
  public static ElmoTeacher open(Path optionsFile, Path weightsFile, StateMode mode) {
    ElmoOptions options = ElmoOptions.read(optionsFile);
    ElmoWeights weights = ElmoWeights.load(weightsFile, options);
    String source = "options " + optionsFile + ", weights " + weightsFile;
    return new ElmoTeacher(weightsFile.toString(), source, options, weights, mode);
  }

  /**
   * @param id teacher id for {@link TeacherInfo}
   * @param source provenance of the weights
   */
  public ElmoTeacher(String id, String source, ElmoOptions options, ElmoWeights weights, StateMode mode) {
    this.options = options;
    this.mapper = new ElmoCharacterMapper(options.maxCharactersPerToken());
    this.mode = mode;
    this.info = new TeacherInfo(id, "elmo", options.outputLayers(), options.outputDim(), 0, source);
    this.states = new LstmStates(options.lstmLayers(), options.projectionDim(), options.cellDim());
    this.weightsManager = Engine.getEngine("PyTorch").newBaseManager();
    try {
      this.tokenEncoder = new CharCnnEncoder(weightsManager, weights, options);
      this.lstm = new LstmDirection[options.lstmLayers()][2];
      for (int l = 0; l < options.lstmLayers(); l++) {
        for (int d = 0; d < 2; d++) {
          lstm[l][d] =
              new LstmDirection(
                  weightsManager,
                  weights.get(ElmoWeights.lstmKernel(d, l)),
                  weights.get(ElmoWeights.lstmBias(d, l)),
                  weights.get(ElmoWeights.lstmProjection(d, l)),
                  d == 0,
                  options);
        }
      }
    } catch (RuntimeException e) {
      weightsManager.close();
      throw e;
    }
    // From here on nothing may attach to the long-lived manager: an op whose result would land
    // there (a leak across batches) throws instead. Per-batch sub-managers are still allowed.
    weightsManager.cap();
  }

  /** Arrays held by the long-lived weights manager (constant after loading; for leak tests). */
  int weightArrays() {
    return weightsManager.getManagedArrays().size();
  }

  @Override
  public TeacherInfo info() {
    return info;
  }

  public ElmoOptions options() {
    return options;
  }

  public StateMode stateMode() {
    return mode;
  }

  /** Forgets the carried LSTM states (stateful mode); the next call starts from zeros. */
  public synchronized void resetStates() {
    states.reset();
  }

  @Override
  public List<List<String>> pieces(List<String> words) {
    List<List<String>> out = new ArrayList<>(words.size());
    for (String w : words) {
      out.add(List.of(w));
    }
    return out;
  }

  /** One piece per word: ELMo reads each word's characters. */
  @Override
  public TokenizedSentence tokenize(List<String> words) {
    return TokenizedSentence.wordsAsPieces(words);
  }

  @Override
  public List<WordStates> encodeTokenized(List<TokenizedSentence> tokenized, int maxLayer, PiecePooling pooling) {
    List<List<String>> sentences = new ArrayList<>(tokenized.size());
    for (int r = 0; r < tokenized.size(); r++) {
      TokenizedSentence t = tokenized.get(r);
      if (t.pieces() != t.words().size()) {
        throw new IllegalArgumentException("sentence " + r + " of the batch has " + t.pieces() + " pieces for "
            + t.words().size() + " words: not tokenised by ELMo, whose pieces are the words");
      }
      sentences.add(t.words());
    }
    return encodeWords(sentences, maxLayer);
  }

  private synchronized List<WordStates> encodeWords(List<List<String>> sentences, int maxLayer) {
    int lstmLayers = options.lstmLayers();
    if (maxLayer < 0 || maxLayer > lstmLayers) {
      throw new IllegalArgumentException("maxLayer " + maxLayer + " outside 0.." + lstmLayers);
    }
    int batch = sentences.size();
    if (batch == 0) {
      return List.of();
    }
    int[] lengths = new int[batch]; // with <S> and </S>
    int time = 0;
    for (int r = 0; r < batch; r++) {
      List<String> s = sentences.get(r);
      if (s.isEmpty()) {
        throw new IllegalArgumentException("sentence " + r + " of the batch is empty");
      }
      lengths[r] = s.size() + 2;
      time = Math.max(time, lengths[r]);
    }
    // The char CNN runs once per distinct token of the batch (frequent words repeat a lot);
    // row 0 is the all-zero padding token AllenNLP fills short rows with.
    int chars = mapper.maxCharacters();
    Map<String, Integer> rowOf = new HashMap<>();
    List<int[]> distinct = new ArrayList<>();
    distinct.add(new int[chars]);
    int[] rows = new int[batch * time]; // position → distinct row; 0 = padding
    for (int r = 0; r < batch; r++) {
      List<String> s = sentences.get(r);
      rows[r * time] = distinctRow(ElmoCharacterMapper.BOS_TOKEN, rowOf, distinct);
      for (int w = 0; w < s.size(); w++) {
        rows[r * time + w + 1] = distinctRow(s.get(w), rowOf, distinct);
      }
      rows[r * time + s.size() + 1] = distinctRow(ElmoCharacterMapper.EOS_TOKEN, rowOf, distinct);
    }
    int[] ids = new int[distinct.size() * chars];
    for (int u = 0; u < distinct.size(); u++) {
      System.arraycopy(distinct.get(u), 0, ids, u * chars, chars);
    }

    int proj = options.projectionDim();
    int cell = options.cellDim();
    boolean stateful = mode == StateMode.STATEFUL;
    int run = stateful ? lstmLayers : maxLayer;
    float[] tokens = new float[batch * time * proj];
    float[][][] outputs = new float[run][2][]; // [layer][direction] → [batch, time, proj]
    try (NDManager m = weightsManager.newSubManager()) {
      float[] embedded = tokenEncoder.encode(m, ids, distinct.size()).toFloatArray();
      for (int p = 0; p < rows.length; p++) {
        System.arraycopy(embedded, rows[p] * proj, tokens, p * proj, proj);
      }
      NDArray tok = m.create(tokens, new Shape(batch, time, proj));
      if (run > 0) {
        boolean[] valid = new boolean[time * batch];
        for (int t = 0; t < time; t++) {
          for (int r = 0; r < batch; r++) {
            valid[t * batch + r] = t < lengths[r];
          }
        }
        NDArray validMask = m.create(valid, new Shape(time, batch, 1));
        NDArray validFloat = validMask.toType(DataType.FLOAT32, false);
        float[][][] finalH = new float[lstmLayers][2][];
        float[][][] finalC = new float[lstmLayers][2][];
        NDArray[] in = {tok, tok};
        for (int l = 0; l < run; l++) {
          NDArray[] out = new NDArray[2];
          for (int d = 0; d < 2; d++) {
            float[] h0 = stateful ? states.hidden(l, d, batch) : new float[batch * proj];
            float[] c0 = stateful ? states.memory(l, d, batch) : new float[batch * cell];
            LstmDirection.Result res =
                lstm[l][d].run(
                    in[d], validMask, validFloat,
                    m.create(h0, new Shape(batch, proj)), m.create(c0, new Shape(batch, cell)));
            out[d] = res.output();
            if (l > 0 && options.skipConnections()) {
              out[d] = out[d].add(in[d]);
            }
            outputs[l][d] = out[d].toFloatArray();
            if (stateful) {
              finalH[l][d] = res.finalHidden().toFloatArray();
              finalC[l][d] = res.finalCell().toFloatArray();
            }
          }
          in = out;
        }
        if (stateful) {
          states.update(finalH, finalC, batch);
        }
      }
    }
    return assemble(sentences, maxLayer, time, tokens, outputs);
  }

  private int distinctRow(String token, Map<String, Integer> rowOf, List<int[]> distinct) {
    Integer row = rowOf.get(token);
    if (row == null) {
      row = distinct.size();
      distinct.add(mapper.charIds(token));
      rowOf.put(token, row);
    }
    return row;
  }

  /** Cuts each sentence's words (positions 1..n) out of the padded batch outputs. */
  private List<WordStates> assemble(
      List<List<String>> sentences, int maxLayer, int time, float[] tokens, float[][][] lstmOut) {
    int proj = options.projectionDim();
    int dim = options.outputDim();
    List<WordStates> result = new ArrayList<>(sentences.size());
    for (int r = 0; r < sentences.size(); r++) {
      int n = sentences.get(r).size();
      float[] data = new float[(maxLayer + 1) * n * dim];
      for (int w = 0; w < n; w++) {
        int src = (r * time + w + 1) * proj;
        int o = w * dim;
        System.arraycopy(tokens, src, data, o, proj);
        System.arraycopy(tokens, src, data, o + proj, proj);
        for (int l = 1; l <= maxLayer; l++) {
          o = (l * n + w) * dim;
          System.arraycopy(lstmOut[l - 1][0], src, data, o, proj);
          System.arraycopy(lstmOut[l - 1][1], src, data, o + proj, proj);
        }
      }
      result.add(new WordStates(maxLayer + 1, n, dim, data));
    }
    return result;
  }

  @Override
  public void close() {
    weightsManager.close();
  }
}

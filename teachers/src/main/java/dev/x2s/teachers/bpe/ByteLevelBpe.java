package dev.x2s.teachers.bpe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GPT-2's byte-level BPE tokenizer (as OpenAI's {@code encoder.py}): text → {@link PreTokenizer}
 * pieces → UTF-8 bytes → {@link BytesToUnicode} characters → BPE merges applied lowest rank first →
 * vocabulary ids. No special tokens are recognised in the input ({@code <|endoftext|>} in text is
 * encoded as ordinary characters, as OpenAI's encoder does).
 *
 * <p>Written in Java rather than through DJL's native Hugging Face tokenizers: the teacher encodes
 * one word at a time, where a per-call JNI crossing would dominate, and the per-pre-token cache makes
 * the common case a hash lookup. Thread-safe.
 */
public final class ByteLevelBpe {
  /** Cache entries kept before the cache is cleared (bounds memory on open-vocabulary corpora). */
  private static final int CACHE_LIMIT = 1 << 18;
  /** Texts up to this length are cached whole. */
  private static final int CACHE_WHOLE_CHARS = 48;

  private final Map<String, Integer> vocab;
  private final String[] tokens;
  private final byte[][] tokenBytes;
  private final int[] byteIds = new int[256];
  private final MergeTable merges;
  private final ConcurrentHashMap<String, int[]> cache = new ConcurrentHashMap<>();

  /**
   * @param vocab token string (byte-level characters) → id
   * @param merges merge pairs in rank order (rank = index)
   * @param source names the files in error messages
   */
  public ByteLevelBpe(Map<String, Integer> vocab, List<String[]> merges, String source) {
    this.vocab = Map.copyOf(vocab);
    int max = -1;
    for (Map.Entry<String, Integer> e : vocab.entrySet()) {
      if (e.getValue() < 0) {
        throw new BpeFormatException(source, "token " + e.getKey() + " has negative id " + e.getValue());
      }
      max = Math.max(max, e.getValue());
    }
    tokens = new String[max + 1];
    tokenBytes = new byte[max + 1][];
    for (Map.Entry<String, Integer> e : vocab.entrySet()) {
      int id = e.getValue();
      if (tokens[id] != null) {
        throw new BpeFormatException(source, "id " + id + " is used by both " + tokens[id] + " and " + e.getKey());
      }
      tokens[id] = e.getKey();
      tokenBytes[id] = toBytes(e.getKey(), source);
    }
    for (int b = 0; b < 256; b++) {
      Integer id = vocab.get(String.valueOf(BytesToUnicode.toChar(b)));
      if (id == null) {
        throw new BpeFormatException(source, "vocabulary lacks the token for byte " + b);
      }
      byteIds[b] = id;
    }
    this.merges = new MergeTable(merges.size());
    for (int r = 0; r < merges.size(); r++) {
      String[] m = merges.get(r);
      Integer a = vocab.get(m[0]);
      Integer b = vocab.get(m[1]);
      Integer ab = vocab.get(m[0] + m[1]);
      if (a == null || b == null || ab == null) {
        throw new BpeFormatException(
            source, "merge " + r + " (" + m[0] + " " + m[1] + ") uses or makes a token not in the vocabulary");
      }
      this.merges.put(a, b, r, ab); // duplicate pairs keep their first (lowest) rank, as in encoder.py
    }
  }

  /**
   * Loads {@code vocab.json} (or {@code encoder.json}) and {@code merges.txt} (or {@code vocab.bpe}).
   * Errors name the file and line.
   */
  public static ByteLevelBpe load(Path vocabJson, Path mergesTxt) {
    Map<String, Integer> vocab = readVocab(vocabJson);
    List<String[]> merges = readMerges(mergesTxt);
    return new ByteLevelBpe(vocab, merges, vocabJson + ", " + mergesTxt);
  }

  static Map<String, Integer> readVocab(Path file) {
    String src = file.toString();
    JsonObject o;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JsonElement el = JsonParser.parseReader(r);
      if (!el.isJsonObject()) {
        throw new BpeFormatException(src, "not a JSON object of token → id");
      }
      o = el.getAsJsonObject();
    } catch (IOException e) {
      throw new BpeFormatException(src, "cannot read: " + e, e);
    } catch (JsonParseException e) {
      throw new BpeFormatException(src, "malformed JSON: " + e.getMessage(), e);
    }
    Map<String, Integer> vocab = new HashMap<>(o.size() * 2);
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      JsonElement v = e.getValue();
      if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
        throw new BpeFormatException(src, "token " + e.getKey() + ": id is not a number: " + v);
      }
      vocab.put(e.getKey(), v.getAsInt());
    }
    return vocab;
  }

  static List<String[]> readMerges(Path file) {
    String src = file.toString();
    List<String[]> merges = new ArrayList<>(50_000);
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if ((lineNo == 1 && line.startsWith("#version")) || line.isEmpty()) {
          continue;
        }
        int sp = line.indexOf(' ');
        if (sp <= 0 || sp == line.length() - 1 || line.indexOf(' ', sp + 1) >= 0) {
          throw new BpeFormatException(src, "line " + lineNo + ": expected two tokens separated by one space: " + line);
        }
        merges.add(new String[] {line.substring(0, sp), line.substring(sp + 1)});
      }
    } catch (IOException e) {
      throw new BpeFormatException(src, "cannot read: " + e, e);
    }
    return merges;
  }

  private static byte[] toBytes(String token, String source) {
    byte[] out = new byte[token.length()];
    for (int i = 0; i < out.length; i++) {
      int b = BytesToUnicode.toByte(token.charAt(i));
      if (b < 0) {
        // such a token can never be produced by encode(); keep its UTF-8 for decode()
        return token.getBytes(StandardCharsets.UTF_8);
      }
      out[i] = (byte) b;
    }
    return out;
  }

  /** Vocabulary size (highest id + 1). */
  public int vocabSize() {
    return tokens.length;
  }

  /** The byte-level token string of {@code id} (e.g. {@code Ġworld}). */
  public String token(int id) {
    if (id < 0 || id >= tokens.length || tokens[id] == null) {
      throw new IllegalArgumentException("no token with id " + id);
    }
    return tokens[id];
  }

  /** The id of a byte-level token string, or -1. */
  public int id(String token) {
    Integer id = vocab.get(token);
    return id == null ? -1 : id;
  }

  /**
   * Encodes text to ids. Short texts (a word, with its leading space) are cached whole, which makes
   * the teacher's per-word calls a hash lookup; the cache is consistent because a pre-token's BPE is
   * its encoding.
   */
  public int[] encode(String text) {
    boolean cacheWhole = text.length() <= CACHE_WHOLE_CHARS;
    if (cacheWhole) {
      int[] hit = cache.get(text);
      if (hit != null) {
        return hit.clone();
      }
    }
    List<String> pre = PreTokenizer.split(text);
    if (pre.size() == 1) {
      return bpeCached(pre.get(0)).clone();
    }
    int[] out = concat(pre);
    if (cacheWhole) {
      remember(text, out.clone());
    }
    return out;
  }

  private int[] concat(List<String> pre) {
    int total = 0;
    int[][] parts = new int[pre.size()][];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = bpeCached(pre.get(i));
      total += parts[i].length;
    }
    int[] out = new int[total];
    int o = 0;
    for (int[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }

  /** Decodes ids to text (invalid UTF-8 byte sequences, e.g. a split character, become U+FFFD). */
  public String decode(int[] ids) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.length * 4);
    for (int id : ids) {
      if (id < 0 || id >= tokenBytes.length || tokenBytes[id] == null) {
        throw new IllegalArgumentException("no token with id " + id);
      }
      bytes.writeBytes(tokenBytes[id]);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private int[] bpeCached(String preToken) {
    int[] ids = cache.get(preToken);
    if (ids == null) {
      ids = bpe(preToken);
      remember(preToken, ids);
    }
    return ids;
  }

  private void remember(String text, int[] ids) {
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(text, ids);
  }

  /**
   * BPE of one pre-token: start from byte symbols and repeatedly merge the adjacent pair of lowest
   * rank (leftmost on ties). Merging one occurrence at a time gives the same result as encoder.py's
   * merge-all-occurrences, since a pair formed by a merge always ranks after the merge that formed it.
   */
  int[] bpe(String preToken) {
    byte[] b = preToken.getBytes(StandardCharsets.UTF_8);
    int n = b.length;
    int[] sym = new int[n];
    for (int i = 0; i < n; i++) {
      sym[i] = byteIds[b[i] & 0xff];
    }
    while (n > 1) {
      int bestRank = Integer.MAX_VALUE;
      int bestPos = -1;
      int bestMerged = -1;
      for (int i = 0; i < n - 1; i++) {
        int slot = merges.find(sym[i], sym[i + 1]);
        if (slot >= 0 && merges.rank(slot) < bestRank) {
          bestRank = merges.rank(slot);
          bestPos = i;
          bestMerged = merges.merged(slot);
        }
      }
      if (bestPos < 0) {
        break;
      }
      sym[bestPos] = bestMerged;
      System.arraycopy(sym, bestPos + 2, sym, bestPos + 1, n - bestPos - 2);
      n--;
    }
    return n == sym.length ? sym : java.util.Arrays.copyOf(sym, n);
  }
}

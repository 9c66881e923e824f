package dev.x2s.vectors.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small, strict JSON (RFC 8259) reader and writer that the zero-dependency {@code vectors} module
 * needs for safetensors headers and Hugging Face {@code tokenizer.json}/{@code config.json}. Values are
 * {@code Map<String, Object>} (insertion-ordered), {@code List<Object>}, {@code String},
 * {@link BigDecimal}, {@code Boolean} and {@code null}. Modules that may depend on a library use Gson.
 */
public final class Json {
  private final String s;
  private int p;

  private Json(String s) {
    this.s = s;
  }

  /**
   * Parses one JSON value filling all of {@code text} (whitespace around it allowed).
   *
   * @throws JsonException naming the 0-based character offset of the problem
   */
  public static Object parse(String text) {
    Json j = new Json(text);
    j.ws();
    Object v = j.value(0);
    j.ws();
    if (j.p != text.length()) {
      throw j.error("unexpected data after the JSON value");
    }
    return v;
  }

  /** A malformed JSON text; {@link #offset()} is the 0-based character offset. */
  public static final class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    JsonException(int offset, String message) {
      super("character " + offset + ": " + message);
      this.offset = offset;
    }

    public int offset() {
      return offset;
    }
  }

  private JsonException error(String what) {
    return new JsonException(p, what);
  }

  private void ws() {
    while (p < s.length()) {
      char c = s.charAt(p);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      p++;
    }
  }

  private Object value(int depth) {
    if (depth > 512) {
      throw error("nested too deeply");
    }
    if (p >= s.length()) {
      throw error("unexpected end of text");
    }
    char c = s.charAt(p);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, p)) {
      throw error("expected " + word);
    }
    p += word.length();
    return v;
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    p++;
    ws();
    if (p < s.length() && s.charAt(p) == '}') {
      p++;
      return m;
    }
    while (true) {
      ws();
      if (p >= s.length() || s.charAt(p) != '"') {
        throw error("expected a string key");
      }
      int at = p;
      String k = string();
      ws();
      expect(':');
      ws();
      Object v = value(depth + 1);
      if (m.containsKey(k)) {
        throw new JsonException(at, "duplicate key \"" + k + "\"");
      }
      m.put(k, v);
      ws();
      if (p < s.length() && s.charAt(p) == ',') {
        p++;
        continue;
      }
      expect('}');
      return m;
    }
  }

  private List<Object> array(int depth) {
    List<Object> a = new ArrayList<>();
    p++;
    ws();
    if (p < s.length() && s.charAt(p) == ']') {
      p++;
      return a;
    }
    while (true) {
      ws();
      a.add(value(depth + 1));
      ws();
      if (p < s.length() && s.charAt(p) == ',') {
        p++;
        continue;
      }
      expect(']');
      return a;
    }
  }

  private void expect(char c) {
    if (p >= s.length() || s.charAt(p) != c) {
      throw error(p >= s.length() ? "unexpected end of text, expected '" + c + "'" : "expected '" + c + "'");
    }
    p++;
  }

  private String string() {
    p++; // opening quote
    int start = p;
    while (p < s.length()) { // fast path: no escapes
      char c = s.charAt(p);
      if (c == '"') {
        return s.substring(start, p++);
      }
      if (c == '\\' || c < 0x20) {
        break;
      }
      p++;
    }
    StringBuilder b = new StringBuilder(s.length() - start < 64 ? 16 : 64).append(s, start, p);
    while (p < s.length()) {
      char c = s.charAt(p);
      if (c == '"') {
        p++;
        return b.toString();
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      if (c != '\\') {
        b.append(c);
        p++;
        continue;
      }
      if (p + 1 >= s.length()) {
        break;
      }
      char e = s.charAt(p + 1);
      p += 2;
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (p + 4 > s.length()) {
            throw error("truncated \\u escape");
          }
          try {
            b.append((char) Integer.parseInt(s.substring(p, p + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("bad \\u escape");
          }
          p += 4;
        }
        default -> {
          p -= 2;
          throw error("bad escape \\" + e);
        }
      }
    }
    throw error("unterminated string");
  }

  private BigDecimal number() {
    int start = p;
    if (s.charAt(p) == '-') {
      p++;
    }
    int digits = p;
    while (p < s.length() && Character.isDigit(s.charAt(p)) && s.charAt(p) < 128) {
      p++;
    }
    if (p == digits || (s.charAt(digits) == '0' && p - digits > 1)) {
      p = start;
      throw error("bad number");
    }
    if (p < s.length() && s.charAt(p) == '.') {
      p++;
      int f = p;
      while (p < s.length() && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
        p++;
      }
      if (p == f) {
        throw error("bad number");
      }
    }
    if (p < s.length() && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
      p++;
      if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
        p++;
      }
      int x = p;
      while (p < s.length() && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
        p++;
      }
      if (p == x) {
        throw error("bad number");
      }
    }
    return new BigDecimal(s.substring(start, p));
  }

  /** Compact JSON of a tree of maps, lists, strings, numbers, booleans and nulls. */
  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, -1, 0);
    return b.toString();
  }

  /** Like {@link #write(Object)}, indented by {@code indent} spaces per level. */
  public static String write(Object value, int indent) {
    StringBuilder b = new StringBuilder();
    write(b, value, indent, 0);
    return b.append('\n').toString();
  }

  private static void newline(StringBuilder b, int indent, int level) {
    if (indent >= 0) {
      b.append('\n');
      b.append(" ".repeat(indent * level));
    }
  }

  private static void write(StringBuilder b, Object v, int indent, int level) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String str) {
      quote(b, str);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof BigDecimal) {
      b.append(v instanceof BigDecimal d ? d.toString() : v.toString());
    } else if (v instanceof Number n) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("JSON has no " + d);
      }
      b.append(v);
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        newline(b, indent, level + 1);
        quote(b, (String) e.getKey());
        b.append(indent >= 0 ? ": " : ":");
        write(b, e.getValue(), indent, level + 1);
      }
      if (!m.isEmpty()) {
        newline(b, indent, level);
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        newline(b, indent, level + 1);
        write(b, l.get(i), indent, level + 1);
      }
      if (!l.isEmpty()) {
        newline(b, indent, level);
      }
      b.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }

  private static void quote(StringBuilder b, String str) {
    b.append('"');
    for (int i = 0; i < str.length(); i++) {
      char c = str.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}

package dev.x2s.evaluate.data;

import java.util.ArrayList;
import java.util.List;

/** Field splitting for the small delimited formats benchmark files use. */
enum Fields {
  TAB,
  COMMA,
  WHITESPACE;

  /** Tab if the sample line has one, else comma if it has one, else runs of whitespace. */
  static Fields detect(String sample) {
    if (sample.indexOf('\t') >= 0) {
      return TAB;
    }
    if (sample.indexOf(',') >= 0) {
      return COMMA;
    }
    return WHITESPACE;
  }

  /** The fields of {@code line}, each trimmed; empty fields are kept for TAB and COMMA. */
  List<String> split(String line) {
    List<String> out = new ArrayList<>();
    if (this == WHITESPACE) {
      for (String f : line.trim().split("\\s+")) {
        if (!f.isEmpty()) {
          out.add(f);
        }
      }
      return out;
    }
    char sep = this == TAB ? '\t' : ',';
    int start = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == sep) {
        out.add(line.substring(start, i).trim());
        start = i + 1;
      }
    }
    return out;
  }

  static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return !s.isEmpty();
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

package dev.x2s.evaluate.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a small UTF-8 text file with CR/LF/CRLF ends stripped, a leading BOM removed and a
 * missing final newline tolerated. Line numbers are 1-based indices into {@link #get}.
 */
final class TextLines {
  private final Path file;
  private final List<String> lines;

  private TextLines(Path file, List<String> lines) {
    this.file = file;
    this.lines = lines;
  }

  static TextLines read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new BenchmarkFormatException(file, 0, "not valid UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      if (ch == '\n' || ch == '\r') {
        out.add(text.substring(start, i));
        if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < n) {
      out.add(text.substring(start));
    }
    return new TextLines(file, out);
  }

  Path file() {
    return file;
  }

  int size() {
    return lines.size();
  }

  /** Line {@code number} (1-based). */
  String get(int number) {
    return lines.get(number - 1);
  }

  BenchmarkFormatException error(int number, String problem) {
    return new BenchmarkFormatException(file, number, problem);
  }
}

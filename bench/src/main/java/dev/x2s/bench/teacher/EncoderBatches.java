package dev.x2s.bench.teacher;

import dev.x2s.teachers.bert.BertTeacher;
import dev.x2s.corpus.Sentence;
import dev.x2s.teachers.extract.ContextExtractor;
import dev.x2s.teachers.extract.ExtractionOptions;
import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.PieceWindows;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.teachers.TokenizedSentence;
import dev.x2s.teachers.WordStates;
import dev.x2s.teachers.wordpiece.WordPieceTokenizer;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The exact encoder calls a production extraction makes: {@link ContextExtractor} batching (recorded
 * through a teacher that only notes its batches) followed by {@link BertTeacher}'s own windowing and
 * chunking, replicated here from {@code BertTeacher.encode} (windows of {@code maxPositions - 2} pieces
 * overlapping by {@link BertTeacher#DEFAULT_OVERLAP}, segments sorted by length, chunks of at most
 * {@link BertTeacher#TOKEN_BUDGET} padded tokens, padding id 0).
 */
record EncoderBatches(List<Chunk> chunks) {
  /** One {@code BertEncoder.forward} call. */
  record Chunk(int[][] ids, int[] lengths) {
    int seq() {
      return ids[0].length;
    }

    long realTokens() {
      long n = 0;
      for (int l : lengths) {
        n += l;
      }
      return n;
    }
  }

  long realTokens() {
    return chunks.stream().mapToLong(Chunk::realTokens).sum();
  }

  long paddedTokens() {
    return chunks.stream().mapToLong(c -> (long) c.ids().length * c.seq()).sum();
  }

  static EncoderBatches record(BertTeacher teacher, List<Sentence> sentences, ExtractionOptions options) {
    List<List<List<String>>> batches = new ArrayList<>();
    TeacherInfo i = teacher.info();
    // notes each batch and answers with zeros; width 1 so the results cost nothing
    Teacher recorder = new Teacher() {
      @Override
      public TeacherInfo info() {
        return new TeacherInfo(i.id(), i.family(), i.numLayers(), 1, i.maxPieces(), i.source());
      }

      @Override
      public TokenizedSentence tokenize(List<String> words) {
        return teacher.tokenize(words);
      }

      @Override
      public List<WordStates> encodeTokenized(List<TokenizedSentence> s, int maxLayer, PiecePooling pooling) {
        batches.add(s.stream().map(TokenizedSentence::words).toList());
        List<WordStates> out = new ArrayList<>();
        for (TokenizedSentence t : s) {
          int n = t.words().size();
          out.add(new WordStates(maxLayer + 1, n, 1, new float[(maxLayer + 1) * n], t.pieceCounts()));
        }
        return out;
      }

      @Override
      public List<List<String>> pieces(List<String> words) {
        return teacher.pieces(words);
      }

      @Override
      public void close() {}
    };
    new ContextExtractor(recorder, options).run(sentences.iterator(), (s, ws) -> {}, null);
    List<Chunk> chunks = new ArrayList<>();
    for (List<List<String>> b : batches) {
      chunks.addAll(chunksOf(teacher, b));
    }
    return new EncoderBatches(chunks);
  }

  private record Segment(int[] ids, int start, int end) {
    int length() {
      return end - start + 2;
    }
  }

  /** {@code BertTeacher.encode}'s segments and chunks for one batch. */
  static List<Chunk> chunksOf(BertTeacher teacher, List<List<String>> sentences) {
    WordPieceTokenizer tok = teacher.tokenizer();
    int capacity = teacher.encoder().config().maxPositions() - 2;
    List<Segment> segments = new ArrayList<>();
    for (List<String> words : sentences) {
      int[] ids = tok.encodeWords(words).ids();
      PieceWindows pw = PieceWindows.split(ids.length, capacity, Math.min(BertTeacher.DEFAULT_OVERLAP, capacity - 1));
      for (PieceWindows.Window w : pw.windows()) {
        segments.add(new Segment(ids, w.start(), w.end()));
      }
    }
    segments.sort(Comparator.comparingInt(Segment::length));
    List<Chunk> out = new ArrayList<>();
    for (int from = 0; from < segments.size(); ) {
      int to = from + 1;
      while (to < segments.size()
          && (long) (to + 1 - from) * segments.get(to).length() <= BertTeacher.TOKEN_BUDGET) {
        to++;
      }
      int seq = segments.get(to - 1).length();
      int[][] ids = new int[to - from][seq];
      int[] lengths = new int[to - from];
      for (int r = 0; r < to - from; r++) {
        Segment sg = segments.get(from + r);
        ids[r][0] = tok.clsId();
        System.arraycopy(sg.ids(), sg.start(), ids[r], 1, sg.end() - sg.start());
        ids[r][sg.length() - 1] = tok.sepId();
        lengths[r] = sg.length();
      }
      out.add(new Chunk(ids, lengths));
      from = to;
    }
    return out;
  }

  /**
   * Writes the chunks for {@code bert_torch_eager.py}, little-endian int32: chunk count, then per chunk
   * rows, seq, {@code lengths[rows]}, {@code ids[rows × seq]}. Atomic (temp file + rename).
   */
  void write(Path file) throws IOException {
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
      DataOutputStream out = new DataOutputStream(os);
      writeInt(out, chunks.size());
      for (Chunk c : chunks) {
        writeInt(out, c.ids().length);
        writeInt(out, c.seq());
        for (int l : c.lengths()) {
          writeInt(out, l);
        }
        for (int[] row : c.ids()) {
          for (int id : row) {
            writeInt(out, id);
          }
        }
      }
      out.flush();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void writeInt(DataOutputStream out, int v) throws IOException {
    out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
  }
}

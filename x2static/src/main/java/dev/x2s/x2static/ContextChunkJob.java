package dev.x2s.x2static;

import dev.x2s.corpus.Sentence;
import dev.x2s.jobs.Progress;
import dev.x2s.jobs.chunks.ChunkJob;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOpener;
import dev.x2s.teachers.extract.ContextExtractor;
import dev.x2s.teachers.extract.ExtractionOptions;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The context cache's teacher stage, one chunk of corpus units at a time: the teacher encodes the chunk's
 * units (the extractor batches within the chunk only, so a chunk's results do not depend on where it runs)
 * and each sentence's context rows are pooled. {@link ContextBuilder} appends the results to the cache in
 * chunk order, whether they come straight from here or through a cluster's shard files.
 */
final class ContextChunkJob implements ChunkJob<ArrayList<CorpusUnits.Unit>, ContextChunkJob.Result> {
  private static final long serialVersionUID = 1L;

  /** One sentence of a chunk: its words and its context rows (one, or one per word with exclude_target). */
  record Entry(List<String> words, float[][] rows) {}

  /** A chunk's sentences in corpus order, and the units and words it held (for progress). */
  record Result(List<Entry> sentences, long units, long words) {}

  private final TeacherOpener teachers;
  private final String teacherId;
  private final int[] layers;
  private final ExtractionOptions options;
  private final boolean perWord;
  /** The driver's teacher, used by an in-process worker instead of loading a second copy; never shipped. */
  private transient Teacher driverTeacher;

  ContextChunkJob(TeacherOpener teachers, String teacherId, int[] layers, ExtractionOptions options, boolean perWord,
      Teacher driverTeacher) {
    this.teachers = teachers;
    this.teacherId = teacherId;
    this.layers = layers.clone();
    this.options = options;
    this.perWord = perWord;
    this.driverTeacher = driverTeacher;
  }

  @Override
  public String name() {
    return "contexts";
  }

  @Override
  public long start(ArrayList<CorpusUnits.Unit> chunk) {
    return chunk.get(0).firstSentence();
  }

  @Override
  public Worker<ArrayList<CorpusUnits.Unit>, Result> open() {
    Teacher shared = driverTeacher;
    Teacher teacher = shared != null ? shared : teachers.open(teacherId);
    ContextExtractor extractor = new ContextExtractor(teacher, options);
    return new Worker<>() {
      @Override
      public Result encode(ArrayList<CorpusUnits.Unit> chunk) {
        return ContextChunkJob.this.encode(extractor, chunk);
      }

      @Override
      public void close() {
        if (shared == null) {
          teacher.close();
        }
      }
    };
  }

  private Result encode(ContextExtractor extractor, List<CorpusUnits.Unit> chunk) {
    List<Sentence> input = new ArrayList<>(chunk.size());
    long words = 0;
    for (CorpusUnits.Unit u : chunk) {
      input.add(new Sentence(u.firstSentence(), u.words()));
      words += u.words().size();
    }
    List<Entry> out = new ArrayList<>();
    int[] next = {0};
    extractor.run(input.iterator(), (sentence, states) -> {
      CorpusUnits.Unit u = chunk.get(next[0]++);
      if (u.firstSentence() != sentence.id()) {
        throw new IllegalStateException("extractor delivered sentence " + sentence.id() + " out of order");
      }
      float[][] contexts = perWord
          ? ContextPooling.leaveOneOutMeans(states, layers, u.sentenceLengths())
          : ContextPooling.spanMeans(states, layers, u.sentenceLengths());
      int from = 0;
      for (int i = 0; i < u.sentenceLengths().length; i++) {
        int len = u.sentenceLengths()[i];
        float[][] rows = perWord ? Arrays.copyOfRange(contexts, from, from + len) : new float[][] {contexts[i]};
        out.add(new Entry(u.words().subList(from, from + len), rows));
        from += len;
      }
    }, Progress.silent("teacher"));
    return new Result(out, chunk.size(), words);
  }

  @Override
  public void write(Result r, DataOutputStream out) throws IOException {
    out.writeLong(r.units());
    out.writeLong(r.words());
    out.writeInt(r.sentences().size());
    for (Entry e : r.sentences()) {
      out.writeInt(e.words().size());
      for (String w : e.words()) {
        out.writeUTF(w);
      }
      out.writeInt(e.rows().length);
      for (float[] row : e.rows()) {
        out.writeInt(row.length);
        for (float v : row) {
          out.writeFloat(v);
        }
      }
    }
  }

  @Override
  public Result read(DataInputStream in) throws IOException {
    long units = in.readLong();
    long words = in.readLong();
    int n = in.readInt();
    List<Entry> sentences = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      String[] ws = new String[in.readInt()];
      for (int i = 0; i < ws.length; i++) {
        ws[i] = in.readUTF();
      }
      float[][] rows = new float[in.readInt()][];
      for (int r = 0; r < rows.length; r++) {
        rows[r] = new float[in.readInt()];
        for (int d = 0; d < rows[r].length; d++) {
          rows[r][d] = in.readFloat();
        }
      }
      sentences.add(new Entry(List.of(ws), rows));
    }
    return new Result(sentences, units, words);
  }
}

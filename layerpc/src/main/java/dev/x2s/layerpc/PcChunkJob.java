package dev.x2s.layerpc;

import dev.x2s.corpus.Sentence;
import dev.x2s.jobs.Progress;
import dev.x2s.jobs.chunks.ChunkJob;
import dev.x2s.layerpc.occurrence.SamplePlan;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOpener;
import dev.x2s.teachers.WordStates;
import dev.x2s.teachers.extract.ContextExtractor;
import dev.x2s.teachers.extract.ExtractionOptions;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layer-PC's teacher pass, one chunk of needed sentences at a time: the sampled occurrences' vectors at the
 * stored layers, and the chunk's partial sums per kept word (for {@code mean}). {@link LayerPcJob} merges
 * chunks in order — slots filled in corpus order, partial sums added chunk by chunk — whether a chunk comes
 * straight from here or through a cluster's shard file, so both give the same bytes.
 */
final class PcChunkJob implements ChunkJob<PcChunkJob.Input, PcChunkJob.Result> {
  private static final long serialVersionUID = 1L;

  /** A sentence of a chunk (serializable: chunks travel to executors). */
  record Item(long id, List<String> words) implements Serializable {
    Item {
      words = List.copyOf(words);
    }
  }

  /** Consecutive needed sentences. */
  record Input(ArrayList<Item> sentences) implements Serializable {}

  /** A sampled occurrence and its vectors at the stored layers ({@code layers × dim}). */
  record Sample(int word, long sentenceId, int position, float[] vectors) {}

  /**
   * @param samples sampled occurrences in corpus order
   * @param sums per kept word seen in the chunk (first-seen order), its sum over the chunk's occurrences at
   *     each stored layer ({@code layers × dim}); empty when {@code mean} is not asked for
   */
  record Result(List<Sample> samples, Map<Integer, double[]> sums, long sentences, long words) {}

  private final TeacherOpener teachers;
  private final String teacherId;
  private final String planFile; // a String: Path is not serializable
  private final String fingerprint;
  private final int[] layers;
  private final int dim;
  private final ExtractionOptions options;
  private final boolean mean;
  private transient SamplePlan driverPlan;
  private transient Teacher driverTeacher;

  PcChunkJob(TeacherOpener teachers, String teacherId, Path planFile, String fingerprint, int[] layers, int dim,
      ExtractionOptions options, boolean mean, SamplePlan driverPlan, Teacher driverTeacher) {
    this.teachers = teachers;
    this.teacherId = teacherId;
    this.planFile = planFile.toAbsolutePath().toString();
    this.fingerprint = fingerprint;
    this.layers = layers.clone();
    this.dim = dim;
    this.options = options;
    this.mean = mean;
    this.driverPlan = driverPlan;
    this.driverTeacher = driverTeacher;
  }

  @Override
  public String name() {
    return "layer-pc";
  }

  @Override
  public long start(Input chunk) {
    return chunk.sentences().get(0).id();
  }

  @Override
  public Worker<Input, Result> open() throws IOException {
    SamplePlan plan = driverPlan != null ? driverPlan : SamplePlan.read(Path.of(planFile), fingerprint);
    if (plan == null) {
      throw new IOException(planFile + ": no sample plan of this run (is the run's work directory shared?)");
    }
    Teacher shared = driverTeacher;
    Teacher teacher = shared != null ? shared : teachers.open(teacherId);
    ContextExtractor extractor = new ContextExtractor(teacher, options);
    return new Worker<>() {
      @Override
      public Result encode(Input chunk) {
        return PcChunkJob.this.encode(plan, extractor, chunk);
      }

      @Override
      public void close() {
        if (shared == null) {
          teacher.close();
        }
      }
    };
  }

  private Result encode(SamplePlan plan, ContextExtractor extractor, Input chunk) {
    List<Sentence> input = new ArrayList<>(chunk.sentences().size());
    long words = 0;
    for (Item i : chunk.sentences()) {
      input.add(new Sentence(i.id(), i.words()));
      words += i.words().size();
    }
    List<Sample> samples = new ArrayList<>();
    Map<Integer, double[]> sums = new LinkedHashMap<>();
    extractor.run(input.iterator(), (s, states) -> accept(plan, s, states, samples, sums), Progress.silent("encode"));
    return new Result(samples, sums, input.size(), words);
  }

  private void accept(SamplePlan plan, Sentence s, WordStates states, List<Sample> samples, Map<Integer, double[]> sums) {
    List<String> ws = s.words();
    float[] data = states.data();
    for (int p = 0; p < ws.size(); p++) {
      int w = plan.indexOf(ws.get(p));
      if (w < 0) {
        continue;
      }
      if (mean) {
        double[] sum = sums.computeIfAbsent(w, k -> new double[layers.length * dim]);
        for (int li = 0; li < layers.length; li++) {
          int o = states.offset(layers[li], p);
          int t = li * dim;
          for (int d = 0; d < dim; d++) {
            sum[t + d] += data[o + d];
          }
        }
      }
      if (plan.isSampled(w, s.id(), p)) {
        float[] v = new float[layers.length * dim];
        for (int li = 0; li < layers.length; li++) {
          System.arraycopy(data, states.offset(layers[li], p), v, li * dim, dim);
        }
        samples.add(new Sample(w, s.id(), p, v));
      }
    }
  }

  @Override
  public void write(Result r, DataOutputStream out) throws IOException {
    out.writeLong(r.sentences());
    out.writeLong(r.words());
    out.writeInt(r.samples().size());
    for (Sample s : r.samples()) {
      out.writeInt(s.word());
      out.writeLong(s.sentenceId());
      out.writeInt(s.position());
      out.writeInt(s.vectors().length);
      for (float v : s.vectors()) {
        out.writeFloat(v);
      }
    }
    out.writeInt(r.sums().size());
    for (Map.Entry<Integer, double[]> e : r.sums().entrySet()) {
      out.writeInt(e.getKey());
      out.writeInt(e.getValue().length);
      for (double v : e.getValue()) {
        out.writeDouble(v);
      }
    }
  }

  @Override
  public Result read(DataInputStream in) throws IOException {
    long sentences = in.readLong();
    long words = in.readLong();
    int n = in.readInt();
    List<Sample> samples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int w = in.readInt();
      long sid = in.readLong();
      int pos = in.readInt();
      float[] v = new float[in.readInt()];
      for (int d = 0; d < v.length; d++) {
        v[d] = in.readFloat();
      }
      samples.add(new Sample(w, sid, pos, v));
    }
    int m = in.readInt();
    Map<Integer, double[]> sums = new LinkedHashMap<>();
    for (int i = 0; i < m; i++) {
      int w = in.readInt();
      double[] v = new double[in.readInt()];
      for (int d = 0; d < v.length; d++) {
        v[d] = in.readDouble();
      }
      sums.put(w, v);
    }
    return new Result(samples, sums, sentences, words);
  }
}

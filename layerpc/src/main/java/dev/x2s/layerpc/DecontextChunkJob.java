package dev.x2s.layerpc;

import dev.x2s.jobs.chunks.ChunkJob;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOpener;
import dev.x2s.teachers.extract.ExtractionOptions;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Decontext vectors of a word list, one chunk of words at a time ({@link StaticVectors#decontext} on the
 * chunk): the list is cut into chunks of one read-ahead window each, so a chunk is batched the same
 * wherever it runs.
 */
final class DecontextChunkJob implements ChunkJob<DecontextChunkJob.Input, DecontextChunkJob.Result> {
  private static final long serialVersionUID = 1L;

  /** Consecutive list words; {@code start} is the first one's position in the list. */
  record Input(long start, ArrayList<String> words) implements Serializable {}

  /** Per stored layer, the chunk's vectors ({@code words × dim}). */
  record Result(float[][] matrices) {}

  private final TeacherOpener teachers;
  private final String teacherId;
  private final int[] layers;
  private final ExtractionOptions options;
  private transient Teacher driverTeacher;

  DecontextChunkJob(TeacherOpener teachers, String teacherId, int[] layers, ExtractionOptions options,
      Teacher driverTeacher) {
    this.teachers = teachers;
    this.teacherId = teacherId;
    this.layers = layers.clone();
    this.options = options;
    this.driverTeacher = driverTeacher;
  }

  @Override
  public String name() {
    return "decontext";
  }

  @Override
  public long start(Input chunk) {
    return chunk.start();
  }

  @Override
  public Worker<Input, Result> open() {
    Teacher shared = driverTeacher;
    Teacher teacher = shared != null ? shared : teachers.open(teacherId);
    return new Worker<>() {
      @Override
      public Result encode(Input chunk) {
        List<StaticVectors.Result> r = StaticVectors.decontext(teacher, chunk.words(), layers, options);
        float[][] m = new float[r.size()][];
        for (int li = 0; li < m.length; li++) {
          m[li] = r.get(li).matrix();
        }
        return new Result(m);
      }

      @Override
      public void close() {
        if (shared == null) {
          teacher.close();
        }
      }
    };
  }

  @Override
  public void write(Result r, DataOutputStream out) throws IOException {
    out.writeInt(r.matrices().length);
    for (float[] m : r.matrices()) {
      out.writeInt(m.length);
      for (float v : m) {
        out.writeFloat(v);
      }
    }
  }

  @Override
  public Result read(DataInputStream in) throws IOException {
    float[][] m = new float[in.readInt()][];
    for (int li = 0; li < m.length; li++) {
      m[li] = new float[in.readInt()];
      for (int i = 0; i < m[li].length; i++) {
        m[li][i] = in.readFloat();
      }
    }
    return new Result(m);
  }
}

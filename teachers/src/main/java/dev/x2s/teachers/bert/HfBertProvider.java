package dev.x2s.teachers.bert;

import dev.x2s.teachers.DirectoryMatch;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.teachers.TeacherProvider;
import dev.x2s.teachers.TeacherSource;
import dev.x2s.teachers.engine.PyTorchThreads;
import dev.x2s.teachers.hf.HfModelDirectory;
import java.nio.file.Path;
import java.util.List;

/** A Hugging Face BERT directory ({@link BertTeacher#loadHfDirectory}). */
public final class HfBertProvider implements TeacherProvider {
  @Override
  public String name() {
    return "hf-bert";
  }

  @Override
  public String directoryLayout() {
    return "a Hugging Face BERT directory (config.json, model.safetensors, vocab.txt)";
  }

  @Override
  public DirectoryMatch inspect(Path dir) {
    return HfModelDirectory.inspect(dir, "bert", "Hugging Face BERT", List.of("vocab.txt"),
        List.of(List.of("vocab.txt")));
  }

  @Override
  public Teacher open(TeacherSource source, TeacherOptions options) {
    PyTorchThreads.set(options.threads());
    return BertTeacher.loadHfDirectory(source.path(), options.precision(), options.threads());
  }
}

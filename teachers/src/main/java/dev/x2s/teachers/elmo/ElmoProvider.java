package dev.x2s.teachers.elmo;

import dev.x2s.teachers.DirectoryMatch;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.teachers.TeacherProvider;
import dev.x2s.teachers.TeacherSource;
import dev.x2s.teachers.engine.PyTorchThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * An AllenNLP/bilm-tf ELMo directory: {@code options.json} and one weights {@code .hdf5}
 * ({@link ElmoTeacher}); {@code TeacherOptions.elmoStateful} carries LSTM states across calls.
 */
public final class ElmoProvider implements TeacherProvider {
  @Override
  public String name() {
    return "elmo";
  }

  @Override
  public String directoryLayout() {
    return "an ELMo directory (options.json + weights .hdf5)";
  }

  @Override
  public DirectoryMatch inspect(Path dir) {
    if (!Files.isRegularFile(dir.resolve("options.json"))) {
      return DirectoryMatch.mismatch("no options.json");
    }
    return DirectoryMatch.found(weights(dir));
  }

  /** The weights file of an ELMo directory: its only .hdf5, else its only *weights*.hdf5. */
  private static Path weights(Path dir) {
    List<Path> all;
    try (Stream<Path> s = Files.list(dir)) {
      all = s.filter(p -> p.getFileName().toString().endsWith(".hdf5") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    if (all.size() == 1) {
      return all.get(0);
    }
    // fixture and release directories hold reference-output .hdf5 files beside the weights
    List<Path> weights = all.stream().filter(p -> p.getFileName().toString().contains("weights")).toList();
    if (weights.size() == 1) {
      return weights.get(0);
    }
    throw new IllegalArgumentException("ELMo directory " + dir + ": expected one weights .hdf5 (or one named"
        + " *weights*.hdf5), found " + (all.isEmpty() ? "none" : all.stream().map(p -> p.getFileName().toString())
        .toList()));
  }

  @Override
  public Teacher open(TeacherSource source, TeacherOptions options) {
    options.requireFp32("ELMo");
    PyTorchThreads.set(options.threads());
    return ElmoTeacher.open(source.path().resolve("options.json"), source.weights(),
        options.elmoStateful() ? ElmoTeacher.StateMode.STATEFUL : ElmoTeacher.StateMode.STATELESS);
  }
}

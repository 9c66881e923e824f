package dev.x2s.teachers.gpt2;

import dev.x2s.teachers.DirectoryMatch;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.teachers.TeacherProvider;
import dev.x2s.teachers.TeacherSource;
import dev.x2s.teachers.engine.PyTorchThreads;
import dev.x2s.teachers.hf.HfModelDirectory;
import java.nio.file.Path;
import java.util.List;

/**
 * A Hugging Face GPT-2 directory ({@link Gpt2Teacher#load}); {@code TeacherOptions.gpt2Bos} prepends
 * {@code <|endoftext|>} to every window.
 */
public final class HfGpt2Provider implements TeacherProvider {
  private static final List<String> VOCAB = List.of("vocab.json", "encoder.json");
  private static final List<String> MERGES = List.of("merges.txt", "vocab.bpe");

  @Override
  public String name() {
    return "hf-gpt2";
  }

  @Override
  public String directoryLayout() {
    return "a Hugging Face GPT-2 directory (config.json, model.safetensors, vocab.json + merges.txt)";
  }

  @Override
  public DirectoryMatch inspect(Path dir) {
    return HfModelDirectory.inspect(dir, "gpt2", "Hugging Face GPT-2", VOCAB, List.of(VOCAB, MERGES));
  }

  @Override
  public Teacher open(TeacherSource source, TeacherOptions options) {
    options.requireFp32("GPT-2");
    PyTorchThreads.set(options.threads());
    return Gpt2Teacher.load(source.path(),
        new Gpt2Teacher.Options(options.gpt2Bos(), -1, Gpt2Teacher.Options.defaults().maxBatchTokens()));
  }
}

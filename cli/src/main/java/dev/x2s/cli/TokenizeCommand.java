package dev.x2s.cli;

import dev.x2s.corpus.CorpusSentences;
import dev.x2s.jobs.options.SentenceLimit;
import dev.x2s.vectors.AtomicFiles;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a corpus as x2s sees it — one sentence a line, words separated by single spaces — so that other
 * tools (fastText, gensim, GloVe's C code) train on exactly the words x2s's teachers and baselines see.
 */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
    description = "Write a corpus as one sentence a line, words separated by spaces (x2s's reader, sentence "
        + "splitter and word tokenizer), for training other tools on the same words. Written atomically; "
        + "gzip-compressed when OUT ends in .gz.")
final class TokenizeCommand implements Callable<Integer> {
  @Option(names = "--corpus", required = true, paramLabel = "FILE",
      description = "Plain or WikiExtractor text, optionally gzip-compressed.")
  Path corpus;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output text file.")
  Path out;

  @Option(names = "--max-sentences", defaultValue = "all", paramLabel = "N", converter = SentenceLimitConverter.class,
      description = "Use only the first N sentences (0 or all: every sentence). Default: ${DEFAULT-VALUE}")
  SentenceLimit maxSentences;

  @Option(names = "--lower", description = "Lower-case the words.")
  boolean lower;

  @Option(names = {"-q", "--quiet"}, description = "No summary line.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(corpus)) {
      throw new IllegalArgumentException(corpus + ": no such corpus file");
    }
    CorpusSentences sentences = new CorpusSentences(corpus, maxSentences, lower);
    boolean gzip = out.getFileName().toString().endsWith(".gz");
    long t0 = System.nanoTime();
    AtomicFiles.write(out, raw -> {
      OutputStream o = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
      byte[] space = {' '};
      for (List<String> words : sentences) {
        for (int i = 0; i < words.size(); i++) {
          if (i > 0) {
            o.write(space);
          }
          o.write(words.get(i).getBytes(StandardCharsets.UTF_8));
        }
        o.write('\n');
      }
      if (gzip) {
        ((GZIPOutputStream) o).finish();
      }
    });
    if (!quiet) {
      System.err.printf("x2s tokenize: %,d sentences, %,d words → %s (%.1f s)%n", sentences.sentences(),
          sentences.words(), out, (System.nanoTime() - t0) / 1e9);
    }
    return 0;
  }
}

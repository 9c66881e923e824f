package dev.x2s.layerpc;

import com.google.gson.Gson;
import dev.x2s.corpus.Casing;
import dev.x2s.corpus.Sentence;
import dev.x2s.corpus.SentenceStream;
import dev.x2s.teachers.extract.ContextExtractor;
import dev.x2s.layerpc.occurrence.Checkpoint;
import dev.x2s.layerpc.occurrence.CorpusCounts;
import dev.x2s.layerpc.occurrence.OccurrenceStore;
import dev.x2s.layerpc.occurrence.OccurrenceStoreWriter;
import dev.x2s.layerpc.occurrence.RunningSums;
import dev.x2s.layerpc.occurrence.SamplePlan;
import dev.x2s.layerpc.occurrence.StoreLayout;
import dev.x2s.jobs.Progress;
import dev.x2s.jobs.Provenance;
import dev.x2s.jobs.Sha256;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.teachers.TeacherOpener;
import dev.x2s.jobs.chunks.ChunkRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * A layer-PC run: static vectors per layer from a teacher's contextual vectors over a corpus
 * ({@code x2s pc}). Steps:
 *
 * <ol>
 *   <li><b>Count</b> (no teacher): occurrences and distinct sentences per word ({@link CorpusCounts});
 *       words in fewer than {@code minContexts} sentences are dropped.
 *   <li><b>Plan</b> (no teacher): the bottom-k sample of every kept word by a seeded priority
 *       ({@link SamplePlan}), so slot counts and sampled occurrences are known before the teacher runs.
 *   <li><b>Encode</b>: the teacher runs over the sentences that hold a sampled occurrence — or, when
 *       {@code mean} is asked for, every sentence holding a kept word, since the mean is over all
 *       occurrences. Sampled vectors go to the occurrence store, all of them to the running sums.
 *       Sentences are processed in chunks; after a chunk the state is checkpointed when due.
 *   <li><b>Finish</b>: the store is completed and renamed; one vector file per (method, layer) with a
 *       provenance file ({@code FILE.provenance.json}); {@code run.json} (the run's provenance, with its
 *       fingerprint and counts); the work directory is removed.
 * </ol>
 *
 * <p><b>Resume</b>: rerunning with the same settings continues from the last checkpoint: the plan is
 * read back, the sums are restored from the checkpoint's snapshot, sentences of the chunks done are
 * skipped, and the store, cut back to the commit that holds the checkpoint, gets the slots after it
 * again with identical bytes (batches never
 * cross chunk boundaries, so the teacher sees the same batches). The outputs are bit-identical to an
 * uninterrupted run's as long as the teacher itself is deterministic for identical batches.
 *
 * <p>Test hook: system property {@code x2s.test.haltAfterSentences=N} halts the JVM abruptly
 * ({@code Runtime.halt}) once N sentences have been encoded in this process (checked after each merged chunk).
 */
public final class LayerPcJob {
  static final String STORE = "occurrences.x2o";
  private static final Gson GSON = new Gson();

  private final LayerPcOptions o;
  private ChunkRunner runner = ChunkRunner.LOCAL;
  private TeacherOpener opener;
  private String fingerprint;
  private final int[] layers;
  private final Teacher teacher;
  private final TeacherInfo info;
  private final PrintStream log;
  private final boolean quiet;
  private final Path work;
  private final long haltAfter = Long.getLong("x2s.test.haltAfterSentences", -1);
  private final Map<String, Object> report = new LinkedHashMap<>();
  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private Provenance base;
  private long encodedHere;

  /**
   * @throws IllegalArgumentException when a layer is out of the teacher's range
   */
  public LayerPcJob(LayerPcOptions options, Teacher teacher, PrintStream log, boolean quiet) {
    this.o = options;
    this.teacher = teacher;
    this.info = teacher.info();
    this.layers = options.layers().resolve(info.numLayers(), info.id());
    this.log = log;
    this.quiet = quiet;
    this.work = options.out().resolve("work");
  }

  /**
   * Checks the settings against the teacher and the files, before anything is computed.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static void validate(LayerPcOptions o, TeacherInfo info) {
    o.layers().resolve(info.numLayers(), info.id());
    if (o.needsCorpus() && !Files.isRegularFile(o.corpus())) {
      throw new IllegalArgumentException("corpus " + o.corpus() + " is not a readable file");
    }
    if (o.methods().contains(Method.DECONTEXT) && o.decontextWords() == null && !o.needsCorpus()) {
      throw new IllegalArgumentException("method decontext needs a corpus method (pc, mean) or a word list (--words FILE)");
    }
    if (o.decontextWords() != null && !Files.isRegularFile(o.decontextWords())) {
      throw new IllegalArgumentException("word list " + o.decontextWords() + " is not a readable file");
    }
  }

  /**
   * Encodes the teacher's chunks with {@code runner} (default: {@link ChunkRunner#LOCAL}, with the teacher
   * given to the constructor); a distributed runner's executors open their own with {@code opener}.
   */
  public LayerPcJob runner(ChunkRunner runner, TeacherOpener opener) {
    this.runner = runner;
    this.opener = opener;
    return this;
  }

  /** Runs (or resumes) the job; returns the files written. */
  public List<Path> run() throws IOException {
    validate(o, info);
    Files.createDirectories(o.out());
    String fingerprint = fingerprint();
    this.fingerprint = fingerprint;
    Path runJson = o.out().resolve("run.json");
    if (Files.exists(runJson) && fingerprint.equals(readFingerprint(runJson))) {
      say("x2s pc: " + runJson + " says this run is complete; nothing to do (delete it to redo)");
      deleteWork(); // left behind if the previous run was killed right after writing run.json
      return List.of();
    }
    base = Provenance.start("x2s pc").config(o).put("teacher", info).put("resolved_layers", layers);
    List<Path> files = new ArrayList<>();
    Files.createDirectories(work);
    List<String> wordList = o.decontextWords() == null ? null : readWordList(o.decontextWords(), o.lowercase());
    SamplePlan plan = null;
    if (o.needsCorpus()) {
      plan = plan(fingerprint);
      StoreLayout layout = plan.layout(info.dim(), layers);
      printDiskUse(layout, wordList);
      encode(plan, layout, fingerprint);
      files.addAll(writeCorpusVectors(plan));
      files.add(o.out().resolve(STORE));
    }
    if (wordList != null) {
      report.put("coverage", coverage(wordList, plan));
    }
    if (o.methods().contains(Method.DECONTEXT)) {
      // every shipped word is also encoded alone (the blend needs both halves of a rare word) — but with
      // --blend 0 a word's corpus vector is all it ships, so only the words without one are encoded alone
      List<String> vocabulary = shippedVocabulary(plan, wordList);
      files.addAll(writeDecontext(o.needsCorpus() && o.blend() == 0 ? withoutCorpusVector(vocabulary) : vocabulary));
      if (o.needsCorpus()) {
        files.addAll(writeShipped(vocabulary, plan));
      }
    }
    Provenance run = base.copy().put("fingerprint", fingerprint);
    report.forEach(run::put);
    run.put("files", files.stream().map(p -> p.getFileName().toString()).toList());
    seconds.forEach(run::seconds);
    run.write(runJson);
    deleteWork();
    return files;
  }

  // ---------------------------------------------------------------- plan

  private SamplePlan plan(String fingerprint) throws IOException {
    Path planFile = work.resolve("plan.bin");
    if (Files.exists(planFile)) {
      SamplePlan p = SamplePlan.read(planFile, fingerprint);
      if (p != null) {
        say("x2s pc: resuming (plan " + planFile + ": " + p.size() + " words)");
        report.put("plan", planSummary(p));
        return p;
      }
      say("x2s pc: " + work + " holds a run with other settings; starting over");
      deleteWork();
      Files.createDirectories(work);
    }
    long t0 = System.nanoTime();
    CorpusCounts counts = new CorpusCounts(o.maxVocab());
    try (SentenceStream s = sentences()) {
      counts.addAll(s);
    }
    double countSeconds = (System.nanoTime() - t0) / 1e9;
    if (counts.sentences() == 0) {
      throw new IllegalArgumentException("corpus " + o.corpus() + " holds no sentences (empty, or only tags/blank lines)");
    }
    List<String> kept = counts.kept(o.minContexts(), o.maxWords());
    if (kept.isEmpty()) {
      Map.Entry<String, Long> best = counts.mostContexts();
      throw new IllegalArgumentException("no word of corpus " + o.corpus() + " occurs in at least " + o.minContexts()
          + " distinct sentences (" + counts.sentences() + " sentences read; the most: '" + best.getKey() + "' in "
          + best.getValue() + "); lower --min-contexts or use a larger corpus");
    }
    say(String.format("x2s pc: pass 1 (count): %,d sentences, %,d words, %,d distinct; %,d words in >= %d sentences"
        + "%s (%.1f s)", counts.sentences(), counts.words(), counts.distinctWords(), kept.size(), o.minContexts(),
        counts.pruneLevel() > 0 ? " (count table pruned up to " + counts.pruneLevel() + " contexts)" : "", countSeconds));
    long t1 = System.nanoTime();
    SamplePlan p = SamplePlan.build(kept, () -> {
      try {
        return sentences();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, o.samplesPerWord(), o.seed());
    say(String.format("x2s pc: pass 2 (sample plan): %,d sentences hold a kept word, %,d a sampled occurrence (%.1f s)",
        p.sentencesWithWord(), p.sentencesWithSample(), (System.nanoTime() - t1) / 1e9));
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("sentences", counts.sentences());
    c.put("words", counts.words());
    c.put("distinct_words", counts.distinctWords());
    c.put("count_table_prune_level", counts.pruneLevel());
    report.put("corpus_counts", c);
    report.put("plan", planSummary(p));
    p.write(planFile, fingerprint);
    return p;
  }

  private Map<String, Object> planSummary(SamplePlan p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kept_words", p.size());
    m.put("sentences_with_kept_word", p.sentencesWithWord());
    m.put("sentences_with_sample", p.sentencesWithSample());
    return m;
  }

  private SentenceStream sentences() throws IOException {
    return SentenceStream.open(o.corpus(), o.splitter(), o.maxSentences(),
        o.lowercase() ? Casing.LOWER_WORDS : Casing.KEEP);
  }

  private void printDiskUse(StoreLayout layout, List<String> wordList) throws IOException {
    long store = storeBytes(layout);
    boolean mean = o.methods().contains(Method.MEAN);
    long sums = mean ? RunningSums.bytes(layout.words().length, layers.length, info.dim()) : 0;
    long outputs = 0;
    for (Method m : o.methods()) {
      // decontext covers the shipped words: at most the corpus words plus the list
      long words = m == Method.DECONTEXT ? layout.words().length + (wordList == null ? 0 : wordList.size())
          : layout.words().length;
      outputs += (words * (info.dim() * 4L + 16)) * layers.length;
    }
    long peak = store + 3 * sums + outputs;
    long free = Files.getFileStore(o.out()).getUsableSpace();
    String msg = String.format("x2s pc: disk: occurrence store %s (%,d slots), running sums %s (+ up to 2 checkpoint"
        + " copies), vector files %s; peak %s, free %s", gb(store), layout.totalSlots(), gb(sums), gb(outputs), gb(peak),
        gb(free));
    say(msg);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("store_bytes", store);
    d.put("sums_bytes", sums);
    d.put("vector_bytes", outputs);
    d.put("peak_bytes", peak);
    report.put("disk", d);
    long existing = 0; // a resumed run already holds part of it (sparse files count fully: an estimate)
    for (Path f : List.of(o.out().resolve(STORE + ".partial"), o.out().resolve(STORE), work.resolve("sums.bin"))) {
      existing += bytesAt(f);
    }
    if (peak - existing > free) {
      throw new IllegalArgumentException("the run needs " + gb(peak) + " of disk but " + o.out() + " has " + gb(free)
          + " free; lower --samples, --max-words or the number of --layers");
    }
  }

  static long storeBytes(StoreLayout layout) {
    return OccurrenceStoreWriter.bytes(layout);
  }

  /** Bytes of a file, or of the files in a directory (a store). */
  private static long bytesAt(Path f) throws IOException {
    if (!Files.isDirectory(f)) {
      return Files.exists(f) ? Files.size(f) : 0;
    }
    try (Stream<Path> s = Files.list(f)) {
      long sum = 0;
      for (Path p : s.toList()) {
        sum += Files.size(p);
      }
      return sum;
    }
  }

  private static String gb(long bytes) {
    return bytes >= 1L << 30 ? String.format("%.2f GiB", bytes / (double) (1L << 30))
        : String.format("%.1f MiB", bytes / (double) (1L << 20));
  }

  // ---------------------------------------------------------------- encode

  private void encode(SamplePlan plan, StoreLayout layout, String fingerprint) throws IOException {
    Path storeFile = o.out().resolve(STORE);
    Path partial = o.out().resolve(STORE + ".partial");
    Path sumsFile = work.resolve("sums.bin");
    boolean mean = o.methods().contains(Method.MEAN);
    OccurrenceStoreWriter writer = null;
    Checkpoint ck;
    if (fingerprint.equals(OccurrenceStore.run(storeFile)) && (!mean || Files.exists(snapshot(Checkpoint.FINAL)))) {
      // this run finished its store, then stopped before run.json
      ck = new Checkpoint(Checkpoint.FINAL, 0, 0, 0, layout.slotCounts().clone(), true);
    } else {
      // the store's commits carry the pass's checkpoint: resumed at the last one, or started afresh
      writer = OccurrenceStoreWriter.open(partial, layout, fingerprint);
      ck = writer.checkpoint();
    }
    if (ck.chunksDone() == 0 && !ck.complete()) {
      Files.deleteIfExists(sumsFile);
    } else {
      if (mean) {
        RunningSums.restore(snapshot(ck.generation()), sumsFile);
      }
      say(String.format("x2s pc: resuming after %,d chunks (%,d sentences)", ck.chunksDone(), ck.sentencesDone()));
    }
    deleteSnapshotsExcept(ck.generation());
    long t0 = System.nanoTime();
    try (RunningSums sums = mean ? RunningSums.open(sumsFile, plan.size(), layers.length, info.dim()) : null) {
      if (!ck.complete()) {
        ck = encodeChunks(plan, ck, writer, sums, mean);
        deleteShards();
      }
      seconds.put("encode", (System.nanoTime() - t0) / 1e9);
      if (writer != null) {
        writer.finish(storeFile);
      }
    } finally {
      if (writer != null) {
        writer.close();
      }
    }
  }

  private Checkpoint encodeChunks(SamplePlan plan, Checkpoint start, OccurrenceStoreWriter writer, RunningSums sums,
      boolean mean) throws IOException {
    int[] filled = start.filled().clone();
    long total = mean ? plan.sentencesWithWord() : plan.sentencesWithSample();
    long[] generation = {start.generation()};
    long[] chunks = {start.chunksDone()};
    long[] done = {start.sentencesDone(), start.wordsDone()};
    long[] sinceCk = {0};
    long[] lastCk = {System.nanoTime()};
    Progress progress = quiet ? Progress.silent("encode")
        : Progress.builder("encode").total(total).unit("sentences").secondUnit("words").out(log).build();
    progress.advance(done[0], done[1]);
    PcChunkJob job = new PcChunkJob(opener, info.id(), work.resolve("plan.bin"), fingerprint, layers, info.dim(),
        o.extraction(maxLayer()), mean, plan, runner.distributed() ? null : teacher);
    try (SentenceStream stream = sentences()) {
      Iterator<Sentence> needed = filter(stream, mean ? plan::holdsWord : plan::holdsSample);
      // skip the chunks already done (deterministic: same corpus, same filter)
      dev.x2s.jobs.chunks.Chunks.skip(needed, chunks[0] * o.chunkSentences());
      Iterator<List<Sentence>> cut = dev.x2s.jobs.chunks.Chunks.of(needed, o.chunkSentences(), x -> 1);
      Iterator<PcChunkJob.Input> inputs = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return cut.hasNext();
        }

        @Override
        public PcChunkJob.Input next() {
          ArrayList<PcChunkJob.Item> items = new ArrayList<>();
          for (Sentence x : cut.next()) {
            items.add(new PcChunkJob.Item(x.id(), x.words()));
          }
          return new PcChunkJob.Input(items);
        }
      };
      long[] lastIndex = {-1};
      runner.run(job, inputs, chunks[0], work.resolve("shards-encode"), (index, r) -> {
        merge(plan, r, filled, writer, sums);
        done[0] += r.sentences();
        done[1] += r.words();
        progress.advance(r.sentences(), r.words());
        encodedHere += r.sentences();
        if (haltAfter >= 0 && encodedHere >= haltAfter) {
          log.flush();
          Runtime.getRuntime().halt(3); // test hook: die like kill -9, no cleanup
        }
        chunks[0]++;
        sinceCk[0] += r.sentences();
        lastIndex[0] = index;
        boolean due = sinceCk[0] >= o.checkpointSentences()
            || System.nanoTime() - lastCk[0] >= o.checkpointSeconds() * 1_000_000_000L;
        if (due) {
          generation[0]++;
          checkpoint(new Checkpoint(generation[0], chunks[0], done[0], done[1], filled, false), writer, sums);
          sinceCk[0] = 0;
          lastCk[0] = System.nanoTime();
        }
      });
    } finally {
      progress.close();
    }
    for (int w = 0; w < filled.length; w++) {
      if (filled[w] != plan.slotCount(w)) {
        throw new IllegalStateException("word '" + plan.words()[w] + "': " + filled[w] + " of " + plan.slotCount(w)
            + " sampled occurrences seen (corpus changed during the run?)");
      }
    }
    Checkpoint end = new Checkpoint(Checkpoint.FINAL, chunks[0], done[0], done[1], filled, true);
    checkpoint(end, writer, sums);
    report.put("encoded_sentences", done[0]);
    report.put("encoded_words", done[1]);
    return end;
  }

  /** Adds one chunk's results: its samples to the next free slots of their words, its partial sums. */
  private static void merge(SamplePlan plan, PcChunkJob.Result r, int[] filled, OccurrenceStoreWriter writer,
      RunningSums sums) throws IOException {
    for (PcChunkJob.Sample x : r.samples()) {
      if (filled[x.word()] < plan.slotCount(x.word())) {
        writer.put(x.word(), filled[x.word()]++, x.sentenceId(), x.position(), x.vectors());
      }
    }
    if (sums != null) {
      for (Map.Entry<Integer, double[]> e : r.sums().entrySet()) {
        sums.add(e.getKey(), e.getValue());
      }
    }
  }

  private void checkpoint(Checkpoint ck, OccurrenceStoreWriter writer, RunningSums sums) throws IOException {
    if (sums != null) {
      sums.snapshot(snapshot(ck.generation())); // before the commit that names it
    }
    writer.commit(ck);
    deleteSnapshotsExcept(ck.generation());
  }

  private Path snapshot(long generation) {
    return work.resolve("sums.g" + (generation == Checkpoint.FINAL ? "final" : generation) + ".bin");
  }

  private void deleteSnapshotsExcept(long generation) throws IOException {
    try (Stream<Path> s = Files.list(work)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("sums.g") && !name.equals(snapshot(generation).getFileName().toString())) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static Iterator<Sentence> filter(Iterator<Sentence> in, java.util.function.Predicate<Sentence> keep) {
    return new Iterator<>() {
      Sentence next;

      @Override
      public boolean hasNext() {
        while (next == null && in.hasNext()) {
          Sentence s = in.next();
          if (keep.test(s)) {
            next = s;
          }
        }
        return next != null;
      }

      @Override
      public Sentence next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Sentence s = next;
        next = null;
        return s;
      }
    };
  }

  // ---------------------------------------------------------------- outputs

  private List<Path> writeCorpusVectors(SamplePlan plan) throws IOException {
    long t0 = System.nanoTime();
    List<Path> files = new ArrayList<>();
    boolean mean = o.methods().contains(Method.MEAN);
    Map<String, Object> omitted = new LinkedHashMap<>();
    try (OccurrenceStore store = OccurrenceStore.open(o.out().resolve(STORE));
        RunningSums sums = mean ? RunningSums.open(work.resolve("sums.bin"), plan.size(), layers.length,
            info.dim()) : null) {
      for (int li = 0; li < layers.length; li++) {
        int layer = layers[li];
        for (Method m : List.of(Method.PC, Method.PC_CENTRED, Method.MEAN)) {
          if (!o.methods().contains(m)) {
            continue;
          }
          StaticVectors.Result r = m == Method.MEAN
              ? StaticVectors.mean(plan, sums, li, info.dim())
              : StaticVectors.pc(store, layer, m == Method.PC_CENTRED);
          Path f = o.out().resolve(fileName(m, layer));
          r.write(f, provenance(m, layer, r.omitted()));
          files.add(f);
          if (r.omitted() > 0) {
            omitted.put(f.getFileName().toString(), r.omitted());
          }
        }
      }
    }
    report.put("omitted_zero_variance", omitted);
    seconds.put("vectors", (System.nanoTime() - t0) / 1e9);
    say(String.format("x2s pc: wrote %d vector files (%.1f s)", files.size(), (System.nanoTime() - t0) / 1e9));
    return files;
  }

  /** {@code pc-layer12.x2v}. */
  public static String fileName(Method m, int layer) {
    return m.id() + "-layer" + layer + ".x2v";
  }

  private List<Path> writeDecontext(List<String> words) throws IOException {
    long t0 = System.nanoTime();
    List<Path> files = new ArrayList<>();
    List<StaticVectors.Result> results = decontext(words);
    for (int li = 0; li < layers.length; li++) {
      Path f = o.out().resolve(fileName(Method.DECONTEXT, layers[li]));
      results.get(li).write(f, provenance(Method.DECONTEXT, layers[li], 0));
      files.add(f);
    }
    say(String.format("x2s pc: decontext: %,d words encoded alone (%.1f s)", words.size(), (System.nanoTime() - t0) / 1e9));
    return files;
  }

  /**
   * The decontext vectors of the list, chunk by chunk (one read-ahead window of words each) through the
   * runner, concatenated in list order.
   */
  private List<StaticVectors.Result> decontext(List<String> words) throws IOException {
    var ex = o.extraction(maxLayer());
    int dim = info.dim();
    float[][] matrices = new float[layers.length][words.size() * dim];
    DecontextChunkJob job = new DecontextChunkJob(opener, info.id(), layers, ex,
        runner.distributed() ? null : teacher);
    int per = ex.windowSentences();
    Iterator<DecontextChunkJob.Input> chunks = new Iterator<>() {
      int next = 0;

      @Override
      public boolean hasNext() {
        return next < words.size();
      }

      @Override
      public DecontextChunkJob.Input next() {
        int end = Math.min(words.size(), next + per);
        DecontextChunkJob.Input in = new DecontextChunkJob.Input(next, new ArrayList<>(words.subList(next, end)));
        next = end;
        return in;
      }
    };
    runner.run(job, chunks, 0, work.resolve("shards-decontext"), (index, r) -> {
      int at = (int) (index * per) * dim;
      for (int li = 0; li < layers.length; li++) {
        System.arraycopy(r.matrices()[li], 0, matrices[li], at, r.matrices()[li].length);
      }
    });
    List<StaticVectors.Result> out = new ArrayList<>();
    for (float[] m : matrices) {
      out.add(new StaticVectors.Result(words.toArray(new String[0]), m, dim, 0));
    }
    return out;
  }

  /** Removes the encode pass's shards once the store holds them. */
  private void deleteShards() throws IOException {
    Path d = work.resolve("shards-encode");
    if (Files.exists(d)) {
      try (Stream<Path> s = Files.walk(d)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * {@code METHOD+decontext-layerL.x2v}, the shipped vocabulary: corpus words with at least {@code
   * vocabMinCount} occurrences (most frequent first), then the list's other words; each word's corpus vector
   * blended with its decontext vector by its occurrences ({@link Blend}).
   */
  private List<Path> writeShipped(List<String> vocabulary, SamplePlan plan) throws IOException {
    List<Path> files = new ArrayList<>();
    Map<String, Object> sources = new LinkedHashMap<>();
    for (int layer : layers) {
      dev.x2s.vectors.WordVectors dv = dev.x2s.vectors.VectorFiles.read(o.out().resolve(fileName(Method.DECONTEXT, layer)));
      for (Method m : List.of(Method.PC, Method.PC_CENTRED, Method.MEAN)) {
        if (!o.methods().contains(m)) {
          continue;
        }
        dev.x2s.vectors.WordVectors cv = dev.x2s.vectors.VectorFiles.read(o.out().resolve(fileName(m, layer)));
        int dim = cv.dim();
        float[] matrix = new float[vocabulary.size() * dim];
        ShippedVocabulary.Sources count = new ShippedVocabulary.Sources();
        for (int i = 0; i < vocabulary.size(); i++) {
          String w = vocabulary.get(i);
          int row = cv.indexOf(w);
          long n = row < 0 ? 0 : plan.occurrences(plan.indexOf(w));
          float[] v = Blend.of(row < 0 ? null : cv.vector(row), n, dv.contains(w) ? dv.vector(w) : null, o.blend());
          System.arraycopy(v, 0, matrix, i * dim, dim);
          count.add(row >= 0, n, o.blend());
        }
        Path f = o.out().resolve(m.id() + "+decontext-layer" + layer + ".x2v");
        Provenance prov = provenance(m, layer, 0);
        prov.put("vocabulary", count.describe(vocabulary.size(), o.vocabMinCount(), o.blend()));
        new StaticVectors.Result(vocabulary.toArray(new String[0]), matrix, dim, 0).write(f, prov);
        files.add(f);
        sources.put(f.getFileName().toString(), count.describe(vocabulary.size(), o.vocabMinCount(), o.blend()));
      }
    }
    report.put("shipped", sources);
    return files;
  }

  /**
   * Corpus words seen {@code vocabMinCount} times — in the teacher's sentences (the plan), or counted over
   * {@code vocabSentences} when that is more (no teacher: a word the teacher never saw ships alone) — then the list.
   */
  private List<String> shippedVocabulary(SamplePlan plan, List<String> wordList) throws IOException {
    if (plan == null || o.vocabSentences().max() <= o.maxSentences().max()) {
      return ShippedVocabulary.of(plan, o.vocabMinCount(), wordList);
    }
    long t0 = System.nanoTime();
    CorpusCounts counts = new CorpusCounts(o.maxVocab());
    try (SentenceStream s = SentenceStream.open(o.corpus(), o.splitter(), o.vocabSentences(),
        o.lowercase() ? Casing.LOWER_WORDS : Casing.KEEP)) {
      counts.addAll(s);
    }
    List<String> frequent = counts.frequent(o.vocabMinCount(), o.maxWords());
    say(String.format("x2s pc: vocabulary: %,d words seen >= %d times in %,d sentences (%.1f s)", frequent.size(),
        o.vocabMinCount(), counts.sentences(), (System.nanoTime() - t0) / 1e9));
    report.put("vocabulary_counts", Map.of("sentences", counts.sentences(), "words", frequent.size(),
        "min_count", o.vocabMinCount()));
    return ShippedVocabulary.of(frequent, wordList, o.vocabMinCount());
  }

  /** The words some corpus vector file of this run lacks (not in the corpus, or omitted by a method). */
  private List<String> withoutCorpusVector(List<String> words) throws IOException {
    java.util.Set<String> need = new java.util.LinkedHashSet<>();
    for (int layer : layers) {
      for (Method m : List.of(Method.PC, Method.PC_CENTRED, Method.MEAN)) {
        if (o.methods().contains(m)) {
          dev.x2s.vectors.WordVectors cv = dev.x2s.vectors.VectorFiles.read(o.out().resolve(fileName(m, layer)));
          for (String w : words) {
            if (!cv.contains(w)) {
              need.add(w);
            }
          }
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (need.contains(w)) {
        out.add(w);
      }
    }
    return out.isEmpty() ? words.subList(0, 1) : out; // an empty file would say nothing; one word costs nothing
  }

  private Map<String, Object> coverage(List<String> words, SamplePlan plan) {
    int inCorpus = 0;
    if (plan != null) {
      for (String w : words) {
        if (plan.indexOf(w) >= 0) {
          inCorpus++;
        }
      }
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("list_words", words.size());
    c.put("without_decontext", inCorpus);
    c.put("with_decontext", o.methods().contains(Method.DECONTEXT) ? words.size() : inCorpus);
    say(String.format("x2s pc: coverage of %s: %,d / %,d words from the corpus (%.1f%%), %,d with the decontext"
        + " fallback", o.decontextWords().getFileName(), inCorpus, words.size(), 100.0 * inCorpus / Math.max(1, words.size()),
        c.get("with_decontext")));
    return c;
  }

  /** One entry a line ({@code #} comments, blank lines skipped), lower-cased with the corpus, duplicates dropped. */
  static List<String> readWordList(Path file, boolean lower) throws IOException {
    java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        words.add(lower ? t.toLowerCase(java.util.Locale.ROOT) : t);
      }
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("word list " + file + " has no words");
    }
    return List.copyOf(words);
  }

  private Provenance provenance(Method m, int layer, long omitted) throws IOException {
    Provenance p = base.copy();
    p.put("method", m.id());
    p.put("layer", layer);
    p.put("corpus", corpusInfo());
    p.put("omitted_words", omitted);
    p.put("notes", switch (m) {
      case PC -> "uncentred top right singular vector of the sampled occurrences (as the released code of"
          + " Ethayarajh 2019: TruncatedSVD, no centring), unit length, sign: positive dot with the word's mean";
      case PC_CENTRED -> "top right singular vector of the sampled occurrences minus their mean, unit length, sign:"
          + " positive dot with the word's mean; words whose occurrences are all identical are omitted";
      case MEAN -> "mean of all occurrences in the corpus (Bommasani et al. 2020), running sums in double";
      case DECONTEXT -> "the word encoded alone with the model's special tokens";
    });
    return p;
  }

  private Map<String, Object> corpusCache;

  private Map<String, Object> corpusInfo() throws IOException {
    if (corpusCache == null) {
      corpusCache = new LinkedHashMap<>();
      if (o.corpus() != null && Files.isRegularFile(o.corpus())) {
        corpusCache.put("path", o.corpus().toAbsolutePath().normalize().toString());
        corpusCache.put("bytes", Files.size(o.corpus()));
        corpusCache.put("sha256", Sha256.of(o.corpus()));
      }
    }
    return corpusCache;
  }

  private int maxLayer() {
    return layers[layers.length - 1];
  }

  private String fingerprint() throws IOException {
    String corpus = "";
    if (o.needsCorpus()) {
      corpus = o.corpus().toAbsolutePath().normalize() + "|" + Files.size(o.corpus()) + "|"
          + Files.getLastModifiedTime(o.corpus()).toMillis();
    }
    // the precision only when not fp32, so that runs made before precisions existed keep their fingerprint
    String precision = teacher.precision() == dev.x2s.teachers.Precision.FP32 ? ""
        : "|precision=" + teacher.precision().key();
    return o.fingerprint() + "|teacher=" + info.id() + "/" + info.numLayers() + "x" + info.dim() + precision
        + "|corpus=" + corpus;
  }

  private static String readFingerprint(Path runJson) {
    try {
      Map<?, ?> m = GSON.fromJson(Files.readString(runJson), Map.class);
      return m == null ? null : (String) m.get("fingerprint");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private void deleteWork() throws IOException {
    if (!Files.exists(work)) {
      return;
    }
    try (Stream<Path> s = Files.walk(work)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private void say(String s) {
    if (!quiet) {
      log.println(s);
    }
  }

  @Override
  public String toString() {
    return "LayerPcJob" + Arrays.toString(layers);
  }
}

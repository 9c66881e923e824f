package dev.x2s.jobs.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The declaration mechanism on a small record of every supported kind of option. */
class OptionSetTest {
  enum Shape { ROUND, SQUARE_ISH }

  enum Coded {
    A("alpha"), B("beta");

    private final String id;

    Coded(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static Coded parse(String s) {
      if (s.equals("first")) {
        return A;
      }
      throw new IllegalArgumentException("no");
    }
  }

  record Toy(
      @Option(required = true, description = "Name.") String name,
      @Option(defaultValue = "10", fingerprint = "model", description = "Count.") int minCount,
      @Option(defaultValue = "1e-3", fingerprint = {"model", "other"}, description = "Rate.") double lr,
      @Option(defaultValue = "true", description = "Shuffle.") boolean shuffle,
      @Option(name = "layer", aliases = "layers", defaultValue = "-1", fingerprint = "other", description = "L.")
      LayerSpec layers,
      @Option(defaultValue = "all", fingerprint = "other", description = "N.") SentenceLimit maxSentences,
      @Option(defaultValue = "round", description = "Shape.") Shape shape,
      @Option(name = "method", defaultValue = "beta", description = "Methods.") Set<Coded> methods,
      @Option(description = "Cache.") Path cache,
      @Option(defaultValue = "7", provenance = false, description = "Not recorded.") long secret)
      implements OptionRecord<Toy> {
    Toy {
      if (minCount < 1) {
        throw new IllegalArgumentException("min count must be >= 1, not " + minCount);
      }
    }
  }

  private static final OptionSet<Toy> SET = OptionSet.of(Toy.class);

  private static Toy resolve(OptionSource... sources) {
    return SET.resolve(List.of(sources));
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void namesComeFromComponentsOrTheDeclaration() {
    assertEquals(List.of("name", "min-count", "lr", "shuffle", "layer", "max-sentences", "shape", "method", "cache",
        "secret"), SET.options().stream().map(OptionDef::name).toList());
    OptionDef layer = SET.option("LAYERS");
    assertEquals(List.of("--layer", "--layers"), layer.flags());
    assertEquals("max_sentences", SET.option("max_sentences").key());
    assertEquals("-1", layer.defaultText());
    assertEquals("all", SET.option("max-sentences").defaultText());
    assertEquals("1e-3", SET.option("lr").defaultText());
    assertNull(SET.option("cache").defaultText());
    assertEquals(Set.of("model", "other"), SET.fingerprints());
  }

  @Test
  void defaultsThenSourcesInOrder() {
    Toy t = resolve(OptionSource.file("a.yaml", map("name", "n", "min_count", 3, "lr", "1e-2", "layers", List.of(4, -1),
            "max-sentences", 0, "shape", "SQUARE_ISH", "method", List.of("alpha", "beta"))),
        OptionSource.flags(map("min-count", "5", "shuffle", false, "cache", "/tmp/c", "layer", List.of("0-2"))));
    assertEquals("n", t.name());
    assertEquals(5, t.minCount());
    assertEquals(0.01, t.lr());
    assertFalse(t.shuffle());
    assertEquals(LayerSpec.parse("0-2"), t.layers());
    assertEquals(SentenceLimit.ALL, t.maxSentences());
    assertEquals(Shape.SQUARE_ISH, t.shape());
    assertEquals(Set.of(Coded.A, Coded.B), t.methods());
    assertEquals(Path.of("/tmp/c"), t.cache());
    assertEquals(7, t.secret());
    Toy d = resolve(OptionSource.flags(map("name", "x")));
    assertEquals(10, d.minCount());
    assertEquals(LayerSpec.of(-1), d.layers());
    assertEquals(Set.of(Coded.B), d.methods());
    assertNull(d.cache());
    assertEquals(Coded.A, resolve(OptionSource.flags(map("name", "x", "method", "first"))).methods().iterator().next());
  }

  @Test
  void errorsNameTheSourceAndTheOption() {
    OptionException e = assertThrows(OptionException.class,
        () -> resolve(OptionSource.file("cfg/x.yaml", map("name", "n", "learning_rate", 0.1))));
    assertTrue(e.getMessage().contains("cfg/x.yaml") && e.getMessage().contains("'learning_rate'")
        && e.getMessage().contains("min-count"), e.getMessage());
    e = assertThrows(OptionException.class, () -> resolve(OptionSource.file("x.yaml", map("name", "n", "lr", "fast"))));
    assertEquals("x.yaml: option 'lr' must be a number, not 'fast'", e.getMessage());
    e = assertThrows(OptionException.class, () -> resolve(OptionSource.flags(map("name", "n", "min-count", "1.5"))));
    assertTrue(e.getMessage().startsWith("--min-count must be an integer"), e.getMessage());
    e = assertThrows(OptionException.class, () -> resolve(OptionSource.flags(map("name", "n", "shape", "oval"))));
    assertEquals("--shape must be one of round, square-ish, not 'oval'", e.getMessage());
    e = assertThrows(OptionException.class, () -> resolve(OptionSource.flags(map("lr", "1"))));
    assertEquals("option --name is required", e.getMessage());
    e = assertThrows(OptionException.class, () -> resolve(OptionSource.file("x.yaml", map("name", "n", "layer", 1,
        "layers", 2))));
    assertTrue(e.getMessage().contains("given twice"), e.getMessage());
    IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
        () -> resolve(OptionSource.flags(map("name", "n", "min-count", "0"))));
    assertEquals("min count must be >= 1, not 0", v.getMessage()); // the record's own validation
  }

  @Test
  void provenanceHasEveryRecordedOptionAsSnakeCase() {
    Toy t = resolve(OptionSource.flags(map("name", "n", "layer", "0-2,-1", "max-sentences", "500")));
    Map<String, Object> p = SET.provenance(t);
    assertEquals(List.of("name", "min_count", "lr", "shuffle", "layer", "max_sentences", "shape", "method", "cache"),
        List.copyOf(p.keySet()));
    assertEquals(List.of(0, 1, 2, -1), p.get("layer"));
    assertEquals(500L, p.get("max_sentences"));
    assertEquals("round", p.get("shape"));
    assertEquals(List.of("beta"), p.get("method"));
    assertNull(p.get("cache"));
    assertEquals(0L, SET.provenance(t.with(Toy::maxSentences, SentenceLimit.ALL)).get("max_sentences"));
  }

  @Test
  void fingerprintsHoldTheirOptionsAndDifferWhenOneDiffers() {
    Toy t = resolve(OptionSource.flags(map("name", "n")));
    assertEquals("min_count=10|lr=0.001", SET.fingerprint(t, "model"));
    assertEquals(Map.of("lr", "0.001", "layer", "[-1]", "max_sentences", "0"), SET.fingerprintMap(t, "other"));
    assertNotEquals(SET.fingerprint(t, "model"), SET.fingerprint(t.with(Toy::minCount, 11), "model"));
    assertNotEquals(SET.fingerprint(t, "other"), SET.fingerprint(t.with(Toy::layers, LayerSpec.of(-2)), "other"));
    assertEquals(SET.fingerprint(t, "model"), SET.fingerprint(t.with(Toy::shuffle, false), "model"));
    assertEquals(SET.fingerprint(t, "model"), SET.fingerprint(t.with(Toy::name, "other name"), "model"));
    assertThrows(IllegalArgumentException.class, () -> SET.fingerprint(t, "nope"));
  }

  @Test
  void copiesByAccessorOrByName() {
    Toy t = SET.builder().set(Toy::name, "n").set(Toy::minCount, 4).set("lr", "0.5").set("layers", "1,2").build();
    assertEquals(4, t.minCount());
    assertEquals(0.5, t.lr());
    assertEquals(LayerSpec.of(1, 2), t.layers());
    Toy u = t.with(Toy::shape, Shape.SQUARE_ISH);
    assertEquals(Shape.SQUARE_ISH, u.shape());
    assertEquals(4, u.minCount());
    assertEquals(u, t.toBuilder().set(Toy::shape, Shape.SQUARE_ISH).build());
    assertThrows(IllegalArgumentException.class, () -> t.with(x -> x.minCount(), 3)); // a lambda, not an accessor
    assertThrows(IllegalArgumentException.class, () -> t.with(Toy::minCount, 0));
  }

  record Broken(@Option(description = "no default") int n) {}

  record Missing(String n) {}

  @Test
  void badDeclarationsFailWhenRead() {
    assertThrows(IllegalStateException.class, () -> OptionSet.of(Broken.class));
    assertThrows(IllegalStateException.class, () -> OptionSet.of(Missing.class));
  }
}

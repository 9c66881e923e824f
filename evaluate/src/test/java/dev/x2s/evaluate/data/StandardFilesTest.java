package dev.x2s.evaluate.data;

import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every shared benchmark file loads with the published item counts (shared/README.md); a few rows
 * are checked against the files' text.
 */
class StandardFilesTest {
  private static final Path DATA = SharedData.benchmarks();

  @Test
  void simLex999() throws IOException {
    SimilarityDataset d = SimilarityLoader.simLex999(DATA.resolve("similarity/SimLex-999.txt"));
    assertEquals(999, d.size());
    // first data row: old	new	A	1.58	...; last: attend	arrive	V	6.08
    assertEquals(new RatedPair("old", "new", 1.58), d.pairs().get(0));
    assertEquals(new RatedPair("attend", "arrive", 6.08), d.pairs().get(998));
  }

  @Test
  void men() throws IOException {
    SimilarityDataset d = SimilarityLoader.men(DATA.resolve("similarity/MEN-3k.txt"));
    assertEquals(3000, d.size());
    assertEquals(new RatedPair("sun", "sunlight", 50.0), d.pairs().get(0));
    assertEquals(new RatedPair("bakery", "zebra", 0.0), d.pairs().get(2999));
  }

  @Test
  void ws353() throws IOException {
    SimilarityDataset all = SimilarityLoader.ws353(DATA.resolve("similarity/WS-353-ALL.txt"));
    assertEquals(353, all.size());
    assertEquals(2, all.pairs().stream()
        .filter(p -> p.first().equals("money") && p.second().equals("cash")).count(),
        "the duplicate 'money cash' row is kept");
    assertEquals(new RatedPair("love", "sex", 6.77), all.pairs().get(0));
    assertEquals(203, SimilarityLoader.ws353(DATA.resolve("similarity/WS-353-SIM.txt")).size());
    SimilarityDataset rel = SimilarityLoader.ws353(DATA.resolve("similarity/WS-353-REL.txt"));
    assertEquals(252, rel.size());
    assertEquals(new RatedPair("Jerusalem", "Israel", 8.46), rel.pairs().get(1));
  }

  @Test
  void rareWords() throws IOException {
    SimilarityDataset d = SimilarityLoader.rareWords(DATA.resolve("similarity/RW-2034.tsv"));
    assertEquals(2034, d.size());
    assertEquals(new RatedPair("squishing", "squirt", 5.88), d.pairs().get(0));
    assertEquals(new RatedPair("snickering", "laugh", 7.71), d.pairs().get(2033));
  }

  @Test
  void google() throws IOException {
    AnalogyDataset d =
        AnalogyLoader.questionsWords(DATA.resolve("analogy/google-questions-words.txt"));
    assertEquals(19544, d.size());
    assertEquals(14, d.sections().size());
    assertEquals("capital-common-countries", d.sections().get(0));
    assertEquals("family", d.sections().get(4));
    assertEquals("gram1-adjective-to-adverb", d.sections().get(5));
    assertEquals(new AnalogyQuestion("Athens", "Greece", "Baghdad", "Iraq", 0),
        d.questions().get(0));
    assertEquals(new AnalogyQuestion("write", "writes", "work", "works", 13),
        d.questions().get(19543));
    // 8,869 semantic and 10,675 syntactic questions (Mikolov et al. 2013)
    assertEquals(8869, d.questions().stream().filter(q -> q.section() < 5).count());
  }

  @Test
  void msr() throws IOException {
    AnalogyDataset d = AnalogyLoader.msr(DATA.resolve("analogy/msr.csv"));
    assertEquals(8000, d.size());
    assertEquals(16, d.sections().size());
    assertEquals(new AnalogyQuestion("good", "better", "rough", "rougher", 0),
        d.questions().get(0));
    AnalogyQuestion last = d.questions().get(7999);
    assertEquals(List.of("sent", "sends", "avoided", "avoids"),
        List.of(last.a(), last.b(), last.c(), last.d()));
    assertEquals("VBD_VBZ", d.sections().get(last.section()));
  }

  @Test
  void bless() throws IOException {
    CategorizationDataset d = CategorizationLoader.load(DATA.resolve("categorization/bless.csv"));
    assertEquals(200, d.size());
    assertEquals(17, d.categories().size());
    assertEquals(new CategorizedWord("carp", "water_animal"), d.words().get(0));
    assertEquals(new CategorizedWord("willow", "tree"), d.words().get(199));
  }

  @Test
  void ap() throws IOException {
    CategorizationDataset d = CategorizationLoader.load(DATA.resolve("categorization/ap.csv"));
    assertEquals(402, d.size());
    assertEquals(21, d.categories().size());
    assertEquals(new CategorizedWord("acne", "illness"), d.words().get(0));
    assertEquals(new CategorizedWord("weight", "physical_property"), d.words().get(401));
  }

  @Test
  void semEval() throws IOException {
    RelationDataset d = SemEvalLoader.load(DATA.resolve("relational/semeval2012-task2"));
    assertEquals(79, d.categories().size());
    assertEquals(69, d.testCount());
    assertEquals(10, d.categories().stream().filter(c -> c.split().equals("dev")).count());
    RelationCategory first = d.categories().get(0);
    assertEquals("1a", first.id());
    assertEquals("dev", first.split());
    // Phase1Questions-1a: flower:tulip, emotion:rage, poem:sonnet
    assertEquals(List.of(new WordPair("flower", "tulip"), new WordPair("emotion", "rage"),
        new WordPair("poem", "sonnet")), first.prototypes());
    // GoldRatings-1a.txt ends with -55.1 "wheat:bread"
    assertEquals(new RatedPair("wheat", "bread", -55.1), first.gold().get(first.gold().size() - 1));
    RelationCategory sixA = d.categories().stream()
        .filter(c -> c.id().equals("6a")).findFirst().orElseThrow();
    assertTrue(sixA.prototypes().contains(new WordPair("bulwark", "flimsy")),
        "'bulwark: flimsy' is read with the space trimmed");
    assertEquals("test", sixA.split());
    // categories sorted 1a..1e? dev has 1a, test has 1b..; test ids run 1b … 10f
    assertEquals("10f", d.categories().get(78).id());
  }
}

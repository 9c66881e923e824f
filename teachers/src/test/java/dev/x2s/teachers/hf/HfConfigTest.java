package dev.x2s.teachers.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.weights.WeightsException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HfConfigTest {
  @Test
  void typedGetters() {
    HfConfig c = HfConfig.parse("c.json", "{\"a\": 3, \"b\": 1e-5, \"s\": \"x\", \"n\": null, \"t\": true}");
    assertEquals(3, c.getInt("a"));
    assertEquals(1e-5, c.getDouble("b"));
    assertEquals("x", c.getString("s", "d"));
    assertFalse(c.has("n"));
    assertEquals(7, c.getInt("n", 7));
    assertTrue(c.getBoolean("t", false));
  }

  @Test
  void errorsNameFileAndKey() {
    HfConfig c = HfConfig.parse("c.json", "{\"a\": 3.5, \"s\": 4}");
    assertMessage(() -> c.getInt("a"), "c.json: key \"a\" must be an integer, found 3.5");
    assertMessage(() -> c.getInt("zz"), "c.json: missing key \"zz\"");
    assertMessage(() -> c.getString("s", ""), "c.json: key \"s\" must be a string");
    assertMessage(() -> HfConfig.parse("d.json", "{\"a\": 1,\n \"b\": }"), "d.json: malformed JSON");
    assertMessage(() -> HfConfig.parse("e.json", "[]"), "e.json: config is not a JSON object");
    assertMessage(() -> HfConfig.read(Path.of("no/such/config.json")), "no/such/config.json: cannot read config");
  }

  static void assertMessage(Runnable r, String fragment) {
    WeightsException e = assertThrows(WeightsException.class, r::run);
    assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
  }
}

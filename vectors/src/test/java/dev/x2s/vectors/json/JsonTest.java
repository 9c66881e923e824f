package dev.x2s.vectors.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void parsesEveryKindOfValue() {
    Object v = Json.parse(" {\"a\": [1, -2.5e3, true, false, null], \"s\": \"x\\\"\\\\\\n\\u00e9\\ud83d\\ude00/\", \"o\": {}} ");
    Map<?, ?> m = (Map<?, ?>) v;
    assertEquals(List.of(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false), ((List<?>) m.get("a")).subList(0, 4));
    assertEquals(null, ((List<?>) m.get("a")).get(4));
    assertEquals("x\"\\\né😀/", m.get("s"));
    assertEquals(Map.of(), m.get("o"));
  }

  @Test
  void writesWhatItReads() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tab\t\"q\"", List.of(1, 2L, "é", true));
    m.put("n", null);
    m.put("ctl", "\u0001");
    assertEquals("{\"tab\\t\\\"q\\\"\":[1,2,\"é\",true],\"n\":null,\"ctl\":\"\\u0001\"}", Json.write(m));
    Map<?, ?> back = (Map<?, ?>) Json.parse(Json.write(m, 2));
    assertEquals(Arrays.asList("tab\t\"q\"", "n", "ctl"), List.copyOf(back.keySet()));
    assertEquals("\u0001", back.get("ctl"));
  }

  @Test
  void errorsNameTheOffset() {
    for (String[] c : new String[][] {
        {"{\"a\": 1,}", "character 8"}, {"[1 2]", "character 3"}, {"{\"a\":1, \"a\":2}", "duplicate key"},
        {"01", "bad number"}, {"\"abc", "unterminated"}, {"[1] x", "after the JSON value"}, {"tru", "expected true"},
        {"\"\\x\"", "bad escape"}}) {
      Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse(c[0]), c[0]);
      assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
    }
  }
}

package dev.x2s.jobs.options;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayerSpecTest {
  @Test
  void parsesNumbersRangesAndLayersFromTheTop() {
    assertEquals(List.of(0, 1, 2, 12, -1), LayerSpec.parse("0-2,12,-1").layers());
    assertEquals(List.of(0, 1, 2, 3), LayerSpec.parse("0-3").layers());
    assertEquals(List.of(0, 6, 12), LayerSpec.parse("12,0,6").layers());
    assertEquals(List.of(3, 4, 5, 12), LayerSpec.parse("3-5, 12").layers());
    assertEquals(List.of(-1), LayerSpec.parse("-1").layers());
    assertEquals(List.of(-3, -2, -1), LayerSpec.parse("-3--1").layers());
    assertEquals(List.of(4, -1), LayerSpec.parse(List.of(4, -1)).layers()); // YAML [4, -1]
    assertEquals(List.of(-1), LayerSpec.parse(-1).layers()); // YAML -1
    assertEquals(List.of(0, 1, 2, 7), LayerSpec.parse(List.of("0-2", 7)).layers());
    assertEquals(LayerSpec.parse("0,1,2,2,1"), LayerSpec.parse("0-2")); // a set
  }

  @Test
  void rejectsWhatIsNoLayerOrRange() {
    for (String bad : new String[] {"5-3", "top", "", "1,,x", "2--1", "-1-2", "1.5"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerSpec.parse(bad), bad);
      assertTrue(e.getMessage().contains("layer"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> LayerSpec.parse(1.5));
  }

  @Test
  void resolvesAgainstTheTeachersLayerCountInOnePlace() {
    assertArrayEquals(new int[] {1, 12}, LayerSpec.parse("1,-1").resolve(13, "bert"));
    assertArrayEquals(new int[] {10, 11, 12}, LayerSpec.parse("-3--1").resolve(13, "bert"));
    assertArrayEquals(new int[] {0, 6}, LayerSpec.parse("6,-7,0").resolve(7, "minilm")); // -7 = 0: one layer
    assertArrayEquals(new int[] {2}, LayerSpec.parse("-1").resolve(3, "elmo"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LayerSpec.parse("0-7").resolve(3, "elmo"));
    assertTrue(e.getMessage().contains("layer 7 is out of range") && e.getMessage().contains("0..2")
        && e.getMessage().contains("elmo"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LayerSpec.parse("-4").resolve(3, "elmo"));
    assertTrue(e.getMessage().contains("layer -4 is out of range"), e.getMessage());
  }

  @Test
  void printsAsWrittenAndReadsBack() {
    for (String s : new String[] {"0-2,12,-1", "0,1", "4,-1", "0-12", "-3--1", "1,3,5"}) {
      assertEquals(s, LayerSpec.parse(s).toString());
      assertEquals(LayerSpec.parse(s), LayerSpec.parse(LayerSpec.parse(s).toString()));
    }
    assertEquals("0-2,-2,-1", LayerSpec.of(-1, 2, 0, 1, -2).toString());
  }
}

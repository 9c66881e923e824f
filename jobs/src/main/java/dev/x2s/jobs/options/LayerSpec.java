package dev.x2s.jobs.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which layers of a teacher, as every command writes them: numbers and ranges, comma-separated —
 * {@code 0-2,12,-1}. Layer 0 is the input (embedding) layer; a negative number counts from the top
 * ({@code -1} = the last layer, {@code -2} the one below). A range joins two numbers of the same sign
 * ({@code 0-12}, {@code -3--1}). Order and repeats do not matter: the spec is the set, held as its
 * non-negative layers ascending, then its negative ones ascending ({@code 12,0,-1,6} → {@code 0,6,12,-1}).
 * {@link #resolve} turns it into layer indices for a teacher with a given number of layers — the one place
 * where "from the top" is worked out.
 *
 * @param layers the layers, normalised as above (use {@link #of} or {@link #parse})
 */
public record LayerSpec(List<Integer> layers) {
  private static final Pattern ITEM = Pattern.compile("(-?\\d+)(?:\\s*-\\s*(-?\\d+))?");

  public LayerSpec {
    TreeSet<Integer> nonNegative = new TreeSet<>();
    TreeSet<Integer> negative = new TreeSet<>();
    for (int l : layers) {
      (l >= 0 ? nonNegative : negative).add(l);
    }
    if (nonNegative.isEmpty() && negative.isEmpty()) {
      throw new IllegalArgumentException("at least one layer is needed");
    }
    List<Integer> all = new ArrayList<>(nonNegative);
    all.addAll(negative);
    layers = List.copyOf(all);
  }

  /** The spec of these layers. */
  public static LayerSpec of(int... layers) {
    return new LayerSpec(Arrays.stream(layers).boxed().toList());
  }

  /**
   * Reads a spec: text ({@code "0-2,12,-1"}), a number, or a list of numbers and texts (YAML {@code [4, -1]}).
   *
   * @throws IllegalArgumentException naming the part that is no layer or range
   */
  public static LayerSpec parse(Object raw) {
    if (raw instanceof LayerSpec s) {
      return s;
    }
    List<Integer> out = new ArrayList<>();
    if (raw instanceof Integer || raw instanceof Long) {
      out.add(Math.toIntExact(((Number) raw).longValue()));
    } else if (raw instanceof Collection<?> c) {
      for (Object o : c) {
        out.addAll(parse(o).layers);
      }
    } else if (raw instanceof String text) {
      for (String part : text.split(",")) {
        out.addAll(item(part.strip(), text));
      }
    } else {
      throw new IllegalArgumentException("must be layers (0-2,12,-1), not '" + raw + "'");
    }
    return new LayerSpec(out);
  }

  private static List<Integer> item(String part, String whole) {
    Matcher m = ITEM.matcher(part);
    if (!m.matches()) {
      throw new IllegalArgumentException("must be layers such as 0-2,12,-1: '" + part + "' in '" + whole
          + "' is not a layer or range");
    }
    int a = Integer.parseInt(m.group(1));
    if (m.group(2) == null) {
      return List.of(a);
    }
    int b = Integer.parseInt(m.group(2));
    if ((a < 0) != (b < 0) || b < a) {
      throw new IllegalArgumentException("bad layer range '" + part + "' in '" + whole + "': the ends must be"
          + " increasing and of one sign (0-12, -3--1)");
    }
    List<Integer> r = new ArrayList<>();
    for (int i = a; i <= b; i++) {
      r.add(i);
    }
    return r;
  }

  /**
   * The layer indices for a teacher with {@code numLayers} layers ({@code 0..numLayers-1}), ascending and
   * distinct (a negative layer {@code -k} is {@code numLayers - k}).
   *
   * @param teacher the teacher's id, for the message
   * @throws IllegalArgumentException naming a layer out of range
   */
  public int[] resolve(int numLayers, String teacher) {
    TreeSet<Integer> out = new TreeSet<>();
    Integer bad = null; // the farthest out of range: the one to name
    for (int l : layers) {
      int r = l < 0 ? numLayers + l : l;
      if (r < 0 || r >= numLayers) {
        bad = bad == null || Math.abs(l) > Math.abs(bad) ? l : bad;
      }
      out.add(r);
    }
    if (bad != null) {
      throw new IllegalArgumentException("layer " + bad + " is out of range: teacher " + teacher + " has layers 0.."
          + (numLayers - 1) + " (0 = embeddings; negative counts from the top)");
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The spec as written: runs of three or more layers as ranges ({@code 0-2,12,-1}). */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < layers.size()) {
      int j = i;
      while (j + 1 < layers.size() && layers.get(j + 1) == layers.get(j) + 1
          && (layers.get(j + 1) < 0) == (layers.get(i) < 0)) {
        j++;
      }
      if (sb.length() > 0) {
        sb.append(',');
      }
      if (j - i >= 2) {
        sb.append(layers.get(i)).append('-').append(layers.get(j));
        i = j + 1;
      } else {
        sb.append(layers.get(i));
        i++;
      }
    }
    return sb.toString();
  }
}

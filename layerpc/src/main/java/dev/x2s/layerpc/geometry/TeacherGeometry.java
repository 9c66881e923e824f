package dev.x2s.layerpc.geometry;

import java.util.List;

/** Per-layer geometry of one teacher's occurrence store. */
public record TeacherGeometry(String name, String source, List<LayerGeometry> layers) {
  public TeacherGeometry {
    layers = List.copyOf(layers);
  }
}

package dev.x2s.layerpc.geometry;

import java.util.List;

/**
 * Per-layer geometry of one teacher's occurrence store, and (when asked for) the cluster, manifold and
 * frequency view of each layer (Cai et al. 2021; empty otherwise).
 */
public record TeacherGeometry(String name, String source, List<LayerGeometry> layers, List<LayerManifold> manifold) {
  public TeacherGeometry {
    layers = List.copyOf(layers);
    manifold = List.copyOf(manifold);
  }

  public TeacherGeometry(String name, String source, List<LayerGeometry> layers) {
    this(name, source, layers, List.of());
  }
}

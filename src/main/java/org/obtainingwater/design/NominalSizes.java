package org.obtainingwater.design;

import java.util.Set;

/** Nominal diameters (DN) the utility installs: meters up to DN300, supply pipes up to DN600. */
public final class NominalSizes {

  public static final Set<Integer> METERS = Set.of(15, 20, 25, 32, 40, 50, 65, 80, 100, 150, 200, 250, 300);
  public static final Set<Integer> PIPES = Set.of(15, 20, 25, 32, 40, 50, 65, 80, 100, 150, 200, 250, 300, 400, 500, 600);

  private NominalSizes() {
  }
}

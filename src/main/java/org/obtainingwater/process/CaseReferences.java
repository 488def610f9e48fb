package org.obtainingwater.process;

/**
 * Numbers derived from the application number for documents the utility issues itself (work
 * order, supply contract): {@code GW-2026-000123} gives {@code SG-2026-000123}. Deriving instead
 * of drawing a new number keeps a retried step from issuing a second document. Callers pass the
 * business key, which only the engine sets, not the {@code applicationNumber} variable a task
 * could overwrite.
 */
public final class CaseReferences {

  public static String derive(String prefix, String applicationNumber) {
    if (!applicationNumber.startsWith("GW-")) {
      throw new IllegalArgumentException("Not an application number: " + applicationNumber);
    }
    return prefix + applicationNumber.substring(2);
  }

  private CaseReferences() {
  }
}

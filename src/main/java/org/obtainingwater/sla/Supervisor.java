package org.obtainingwater.sla;

/**
 * Who is told when a stage's work runs past its target: a person or a desk of the utility, with the
 * phone the notice goes to (masked in every log line).
 *
 * @param name as staff know them, e.g. 施工管理科 王科长
 * @param phone the number notices go to; may be empty where the adapter addresses people otherwise
 */
public record Supervisor(String name, String phone) {

  public Supervisor {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a supervisor needs a name");
    }
    phone = phone == null ? "" : phone.trim();
  }
}

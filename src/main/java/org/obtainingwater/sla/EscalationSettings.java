package org.obtainingwater.sla;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.obtainingwater.cases.Stage;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who supervises which stage, as configured under {@code obtaining-water.escalation.supervisors}:
 * one entry per stage name ({@code SURVEY}, {@code PERMITS}, ...) and a {@code default} for every
 * stage not listed. People belong in configuration, not in a decision table deployed into the
 * engine's database (docs/adr/0018-sla-escalation.md).
 */
@ConfigurationProperties("obtaining-water.escalation")
record EscalationSettings(@DefaultValue Map<String, Supervisor> supervisors) {

  static final String DEFAULT = "DEFAULT";

  public EscalationSettings {
    Map<String, Supervisor> byKey = new HashMap<>();
    TreeSet<String> allowed = new TreeSet<>();
    Arrays.stream(Stage.values()).map(Stage::name).forEach(allowed::add);
    allowed.add(DEFAULT);
    supervisors.forEach((key, supervisor) -> {
      String normalized = key.toUpperCase(Locale.ROOT);
      if (!allowed.contains(normalized)) {
        throw new IllegalStateException("obtaining-water.escalation.supervisors." + key
            + ": not a stage; use one of " + allowed + " (DEFAULT: every stage not listed)");
      }
      byKey.put(normalized, supervisor);
    });
    if (!byKey.containsKey(DEFAULT)) {
      throw new IllegalStateException("obtaining-water.escalation.supervisors.default is missing: "
          + "every overdue task must reach someone");
    }
    supervisors = Map.copyOf(byKey);
  }

  /** The default supervisor: who hears of what concerns every stage. */
  public Supervisor defaultSupervisor() {
    return supervisors.get(DEFAULT);
  }

  /** The stage's own supervisor, or the default one. */
  public Supervisor supervisorOf(Stage stage) {
    return supervisors.getOrDefault(stage.name(), supervisors.get(DEFAULT));
  }
}

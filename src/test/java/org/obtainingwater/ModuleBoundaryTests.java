package org.obtainingwater;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The main code's packages and which may use which. A package that starts using one not listed
 * for it fails here, and so does any loop: the table is the map of the code a newcomer reads first.
 * Change it deliberately, in the same commit as the code that needs the new edge.
 */
class ModuleBoundaryTests {

  private static final String BASE = "org.obtainingwater";

  /** Package (under org.obtainingwater) to the packages it may use; everything may use itself. */
  static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      // the process backing: keys, element ids, typed variables, the application's rules, task-input checks
      Map.entry("process", Set.of()),
      // groups, authorizations, filters, demo users
      Map.entry("staff", Set.of("process")),
      // customer notices and their outbox
      Map.entry("notification", Set.of("process")),
      // the case record and what customers may do with their case
      Map.entry("cases", Set.of("notification", "process")),
      // working calendar, stage targets, overdue escalation
      Map.entry("sla", Set.of("cases", "process")),
      // the stages of the process, one package each
      Map.entry("intake", Set.of("cases", "preengagement", "process")),
      Map.entry("preengagement", Set.of("process")),
      Map.entry("survey", Set.of("process")),
      Map.entry("design", Set.of("process")),
      Map.entry("permits", Set.of("cases", "process")),
      Map.entry("construction", Set.of("process")),
      Map.entry("metering", Set.of("contract", "design", "process")),
      Map.entry("callback", Set.of("process")),
      // the engine's set-up and tuning: deployment, working time, task query, authorization checks
      Map.entry("engine", Set.of("process", "sla", "staff")),
      // the customer's verified phone: codes, sessions, abuse limits (docs/adr/0025, 0026)
      Map.entry("identity", Set.of("notification", "process")),
      // the supply contract issued at water-on and its signature (docs/adr/0040)
      Map.entry("contract", Set.of("cases", "identity", "notification", "process", "sla")),
      // the HTTP doors: problem answers, engine-rest errors, outage answers, limits, OpenAPI, access guards
      Map.entry("web", Set.of("cases", "identity", "process", "staff")),
      // the customer and permit-platform API
      Map.entry("api", Set.of("cases", "contract", "identity", "pauses", "payment", "permits", "process", "sla", "visits",
          "web")),
      // visits booked by the customer and the customer's time they make (docs/adr/0042)
      Map.entry("visits", Set.of("cases", "notification", "process", "sla")),
      // the clock stopped for the customer (等待客户条件具备, docs/adr/0045): the pause's customer time and the customer's "ready"
      Map.entry("pauses", Set.of("cases", "notification", "process", "sla", "visits")),
      // quote and payment (docs/adr/0043): its port, its quote and orders, the case record's lock
      Map.entry("payment", Set.of("cases", "process")),
      Map.entry("scorecard", Set.of("cases", "process", "sla", "staff", "web")),
      // local stand-ins of the outside systems, behind the ports their stages own
      Map.entry("adapters", Set.of("metering", "notification", "payment", "permits", "process", "sla")),
      Map.entry("logging", Set.of("process")),
      // health (readiness parts) and the operations dashboard's gauges, read from the engine's and the application's tables
      Map.entry("operations", Set.of("cases", "notification", "permits", "sla")));

  private static JavaClasses main;

  @BeforeAll
  static void importMainCode() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
  }

  @Test
  void everyPackageIsInTheTable() {
    Set<String> packages = new TreeSet<>();
    main.stream().map(ModuleBoundaryTests::moduleOf).filter(m -> !m.isEmpty()).forEach(packages::add);
    assertThat(packages).as("a new package gets its row in ALLOWED").isEqualTo(new TreeSet<>(ALLOWED.keySet()));
  }

  @Test
  void eachPackageUsesOnlyThePackagesItsRowNames() {
    Map<String, Set<String>> unexpected = new TreeMap<>();
    for (JavaClass type : main) {
      String from = moduleOf(type);
      if (from.isEmpty()) {
        continue;
      }
      type.getDirectDependenciesFromSelf().forEach(dependency -> {
        JavaClass target = dependency.getTargetClass();
        if (!target.getPackageName().startsWith(BASE + ".")) {
          return;
        }
        String to = moduleOf(target);
        if (!to.equals(from) && !ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
          unexpected.computeIfAbsent(from + " -> " + to, edge -> new TreeSet<>()).add(dependency.getDescription());
        }
      });
    }
    assertThat(unexpected).as("dependencies not in the table (add the edge deliberately, or move the code)").isEmpty();
  }

  @Test
  void noPackageLoop() {
    slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void theTableItselfHasNoLoop() {
    for (String module : ALLOWED.keySet()) {
      assertThat(reachableFrom(module, new TreeSet<>())).as("packages reachable from " + module).doesNotContain(module);
    }
  }

  private static Set<String> reachableFrom(String module, Set<String> seen) {
    for (String next : ALLOWED.getOrDefault(module, Set.of())) {
      if (seen.add(next)) {
        reachableFrom(next, seen);
      }
    }
    return seen;
  }

  /** The first package segment under org.obtainingwater, or empty for the application class itself. */
  private static String moduleOf(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(BASE + ".")) {
      return "";
    }
    String rest = name.substring(BASE.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}

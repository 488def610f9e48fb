package org.obtainingwater.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The analysts' diagrams and decision tables as the tests read them: from {@code bpmn/} in the project,
 * the files analysts change and the build copies onto the classpath. Each call reads the file again, so
 * a test may change its model instance.
 */
public final class Diagrams {

  public static final Path FOLDER = Path.of("bpmn");
  public static final Path OBTAINING_WATER = FOLDER.resolve("obtaining-water.bpmn");
  public static final Path PRE_ENGAGEMENT = FOLDER.resolve("pre-engagement.bpmn");

  /** The words of the expression language in conditions and expressions that name no variable. */
  public static final Set<String> EL_KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
      "lt", "gt", "le", "ge", "div", "mod", "instanceof");

  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([a-zA-Z][a-zA-Z0-9]*)}$");

  private Diagrams() {
  }

  /** The Spring bean a delegate expression such as {@code ${fileRoadPermit}} names; null for anything else. */
  public static String beanNamedBy(String delegateExpression) {
    Matcher bean = BEAN_EXPRESSION.matcher(delegateExpression == null ? "" : delegateExpression);
    return bean.matches() ? bean.group(1) : null;
  }

  public static BpmnModelInstance obtainingWater() {
    return read(OBTAINING_WATER);
  }

  public static BpmnModelInstance preEngagement() {
    return read(PRE_ENGAGEMENT);
  }

  public static BpmnModelInstance read(Path diagram) {
    return Bpmn.readModelFromFile(diagram.toFile());
  }

  /** Every diagram in {@code bpmn/}, by name; fails when there is none. */
  public static List<Path> all() {
    return filesEndingIn(".bpmn");
  }

  /** Every decision table in {@code bpmn/}, by name; fails when there is none. */
  public static List<Path> decisionTables() {
    return filesEndingIn(".dmn");
  }

  private static List<Path> filesEndingIn(String suffix) {
    try (Stream<Path> files = Files.list(FOLDER)) {
      List<Path> found = files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
      if (found.isEmpty()) {
        throw new AssertionError("no *" + suffix + " in " + FOLDER.toAbsolutePath());
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

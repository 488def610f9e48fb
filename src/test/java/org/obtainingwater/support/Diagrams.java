package org.obtainingwater.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  private Diagrams() {
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

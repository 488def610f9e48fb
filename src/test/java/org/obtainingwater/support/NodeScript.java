package org.obtainingwater.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Node script run by the machine's {@code node} (the browser tests' scripts, the project's tools), its
 * output collected in a file and returned; a run that outlasts its time is killed.
 */
public final class NodeScript {

  /** How the script ended: in time or not, its exit code, and what it printed (stdout and stderr). */
  public record Run(boolean finished, int exitCode, String output) {
  }

  private NodeScript() {
  }

  public static Run run(Duration within, Path script, String... arguments) throws IOException, InterruptedException {
    return run(within, Map.of(), script, arguments);
  }

  public static Run run(Duration within, Map<String, String> environment, Path script, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", script.toString()));
    command.addAll(List.of(arguments));
    Path log = Files.createTempFile(script.getFileName().toString(), ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    boolean finished = process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor();
    }
    return new Run(finished, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}

package org.obtainingwater.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a Prometheus text exposition ({@code /actuator/prometheus}), as the tests read them:
 * {@code Prometheus.parse(body).value("ow_open_tasks", "stage", "intake")}.
 */
public final class Prometheus {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private record Sample(String name, Map<String, String> labels, double value) {
  }

  private final List<Sample> samples;

  private Prometheus(List<Sample> samples) {
    this.samples = samples;
  }

  public static Prometheus parse(String exposition) {
    List<Sample> samples = new ArrayList<>();
    for (String line : exposition.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.find()) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
    }
    return new Prometheus(samples);
  }

  /** Whether a sample of this name exists. */
  public boolean has(String name) {
    return samples.stream().anyMatch(sample -> sample.name().equals(name));
  }

  /**
   * The value of the one sample with this name and these labels ({@code label, value, label, value ...});
   * other labels may be present. Fails when there is none or several.
   */
  public double value(String name, String... labels) {
    List<Sample> found = samples.stream().filter(sample -> sample.name().equals(name)).filter(sample -> {
      for (int i = 0; i < labels.length; i += 2) {
        if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
          return false;
        }
      }
      return true;
    }).toList();
    if (found.size() != 1) {
      throw new AssertionError("Expected one sample " + name + " " + List.of(labels) + ", found " + found);
    }
    return found.get(0).value();
  }
}

package org.obtainingwater.sla;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The State Council's holiday notices as files administrators drop into a directory
 * ({@code obtaining-water.working-calendar.notices-directory}, default {@code config/working-calendar}), one per
 * year, named {@code <year>.txt}; read at start and again every {@code reload-interval} (default 10 minutes), so a
 * new year needs no redeploy and no restart. A file holds lines {@code holiday: 2027-01-01..2027-01-03} and
 * {@code workday: 2027-02-07} (a weekend day worked, 调休上班); {@code #} starts a comment. A file that cannot be
 * read as a notice is logged with the line at fault and left out; the calendar keeps what it had.
 */
@Component
public class WorkingCalendarNotices {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingCalendarNotices.class);
  private static final Pattern FILE = Pattern.compile("(\\d{4})\\.txt");
  private static final Pattern LINE = Pattern.compile("(holiday|workday)\\s*:\\s*(\\S+)");

  private final WorkingCalendar calendar;
  private final Path directory;
  private final Map<Path, String> loaded = new HashMap<>();

  WorkingCalendarNotices(WorkingCalendar calendar,
      @Value("${obtaining-water.working-calendar.notices-directory:config/working-calendar}") Path directory) {
    this.calendar = calendar;
    this.directory = directory;
    reload();
  }

  /** Loads every notice file that is new or changed since it was last read; answers how many were loaded. */
  @Scheduled(fixedDelayString = "${obtaining-water.working-calendar.reload-interval:PT10M}",
      initialDelayString = "${obtaining-water.working-calendar.reload-interval:PT10M}")
  public synchronized int reload() {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(file -> FILE.matcher(file.getFileName().toString()).matches()).sorted().toList();
    } catch (IOException e) {
      LOG.warn("Working calendar notices in {} not read: {}", directory.toAbsolutePath(), e.getMessage());
      return 0;
    }
    int count = 0;
    for (Path file : files) {
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.equals(loaded.get(file))) {
          continue;
        }
        Matcher name = FILE.matcher(file.getFileName().toString());
        name.matches();
        load(Integer.parseInt(name.group(1)), text, file);
        loaded.put(file, text);
        count++;
      } catch (IOException | RuntimeException e) {
        LOG.error("Working calendar notice {} not loaded, the calendar is unchanged: {}", file.toAbsolutePath(),
            e.getMessage());
      }
    }
    return count;
  }

  private void load(int year, String text, Path file) {
    List<String> holidays = new ArrayList<>();
    List<String> workdays = new ArrayList<>();
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replaceFirst("#.*", "").trim();
      if (line.isEmpty()) {
        continue;
      }
      Matcher entry = LINE.matcher(line);
      if (!entry.matches()) {
        throw new IllegalArgumentException("line " + (i + 1) + " '" + lines[i].trim()
            + "' is neither 'holiday: <date or range>' nor 'workday: <date>'");
      }
      (entry.group(1).equals("holiday") ? holidays : workdays).add(entry.group(2));
    }
    if (holidays.isEmpty()) {
      throw new IllegalArgumentException(file.getFileName() + " lists no holiday");
    }
    calendar.load(year, holidays, workdays);
  }
}

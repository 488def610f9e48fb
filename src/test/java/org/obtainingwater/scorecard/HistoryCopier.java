package org.obtainingwater.scorecard;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Copies finished cases the engine really ran, row by row, into synthetic cases for the benchmark:
 * the case record, its stages, and every row the engine wrote for the case in the history tables the
 * scorecard reads (and the process instance), with new ids and every time shifted by the copy's
 * offset. The tables then hold what as many real cases would: same rows per case, same ids' shape,
 * same indexes. A copy of a case that waited over a weekend may fall elsewhere in the week, so its
 * working-day figures differ from its template's, as real cases would.
 */
final class HistoryCopier {

  /** Columns holding the id of something that belongs to the case: they get the copy's suffix. */
  private static final Set<String> CASE_IDS = Set.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "EXECUTION_ID_",
      "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "TASK_ID_", "VAR_INST_ID_", "CALL_PROC_INST_ID_", "SUPER_PROCESS_INSTANCE_ID_");
  private static final List<String> HISTORY_TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST",
      "ACT_HI_DETAIL");

  /** One template case: its rows per table, read once. */
  record Template(String applicationNumber, Map<String, List<Map<String, Object>>> rows) {
  }

  private static final Pattern NODE = Pattern.compile("-[0-9a-f]{12}$");

  private final JdbcTemplate jdbc;

  HistoryCopier(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Template read(String applicationNumber, String processInstanceId) {
    Map<String, List<Map<String, Object>>> rows = new HashMap<>();
    rows.put("application", jdbc.queryForList("SELECT * FROM application WHERE application_number = ?", applicationNumber));
    rows.put("application_stage", jdbc.queryForList("SELECT * FROM application_stage WHERE application_number = ?",
        applicationNumber));
    for (String table : HISTORY_TABLES) {
      rows.put(table, jdbc.queryForList("SELECT * FROM " + table + " WHERE PROC_INST_ID_ = ?", processInstanceId));
    }
    return new Template(applicationNumber, rows);
  }

  /** Writes copies: {@code offsetsMinutes[i]} shifts copy {@code firstNumber + i} of {@code templates[i % n]}. */
  long copy(List<Template> templates, int firstNumber, long[] offsetsMinutes) {
    Map<String, List<Object[]>> batches = new HashMap<>();
    Map<String, String> inserts = new HashMap<>();
    long rows = 0;
    for (int i = 0; i < offsetsMinutes.length; i++) {
      Template template = templates.get(i % templates.size());
      int copy = firstNumber + i;
      String number = String.format("BM-%08d", copy);
      String suffix = "-bm" + copy;
      long shift = offsetsMinutes[i] * 60_000L;
      for (Map.Entry<String, List<Map<String, Object>>> table : template.rows().entrySet()) {
        for (Map<String, Object> row : table.getValue()) {
          List<String> columns = new ArrayList<>();
          List<Object> values = new ArrayList<>();
          row.forEach((column, value) -> {
            String name = column.toUpperCase(Locale.ROOT);
            if (table.getKey().equals("application_stage") && name.equals("ID")) {
              return; // identity column
            }
            columns.add(column);
            values.add(copied(table.getKey(), name, value, number, suffix, shift));
          });
          inserts.computeIfAbsent(table.getKey(), t -> "INSERT INTO " + t + " (" + String.join(", ", columns)
              + ") VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")");
          batches.computeIfAbsent(table.getKey(), t -> new ArrayList<>()).add(values.toArray());
          rows++;
        }
      }
    }
    // the case record first: application_stage refers to it
    List<String> order = new ArrayList<>(List.of("application", "application_stage"));
    order.addAll(HISTORY_TABLES);
    for (String table : order) {
      List<Object[]> batch = batches.get(table);
      if (batch != null) {
        jdbc.batchUpdate(inserts.get(table), batch);
      }
    }
    return rows;
  }

  private static Object copied(String table, String column, Object value, String number, String suffix, long shift) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp time) {
      return new Timestamp(time.getTime() + shift);
    }
    if (value instanceof OffsetDateTime time) {
      return time.plusNanos(shift * 1_000_000L);
    }
    if (table.startsWith("application")) {
      return switch (column) {
        case "APPLICATION_NUMBER" -> number;
        case "PROCESS_INSTANCE_ID" -> copiedId((String) value, suffix);
        case "CLIENT_REFERENCE", "REQUEST_FINGERPRINT" -> null;
        default -> value;
      };
    }
    if (column.equals("BUSINESS_KEY_")) {
      return number;
    }
    return CASE_IDS.contains(column) && value instanceof String id ? copiedId(id, suffix) : value;
  }

  /**
   * The engine's ids are time-based UUIDs (activity instances prefix the activity id): unique by
   * their time fields, with the same node field at the end. The copy's number replaces that node
   * field, so the id keeps its length and shape (ID_ columns are 64 characters).
   */
  private static String copiedId(String id, String suffix) {
    if (NODE.matcher(id).find()) {
      return id.substring(0, id.length() - 12) + String.format("bm%010x", Long.parseLong(suffix.substring(3)));
    }
    return id + suffix;
  }
}

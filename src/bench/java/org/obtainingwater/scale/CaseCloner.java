package org.obtainingwater.scale;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Clones cases the engine really ran inside PostgreSQL, set-based: one {@code INSERT … SELECT} per
 * table joins the template case's rows to a copy plan ({@code scale_copy}: one row per copy with its
 * number {@code g}, its template's process instance, its application number, claimer and time
 * shift). Every column is copied as the engine wrote it, except:
 * <ul>
 * <li>ids of rows that belong to the case (found by looking the template's values up among the ids of
 * its own rows, in any table, so foreign keys between copied rows stay consistent): the engine's ids
 * are time-based UUIDs ending in the node field; the copy's number replaces that field, as
 * {@code HistoryCopier} does for the scorecard's benchmark;</li>
 * <li>times: shifted by the copy's offset;</li>
 * <li>per-table overrides given by the caller (business key, application number, assignee, ...).</li>
 * </ul>
 * PostgreSQL only (the benchmark's database).
 */
final class CaseCloner {

  /** How a table's template rows are found: the clause after FROM, with {@code t} the template row, {@code p} the plan. */
  record Table(String name, String fromClause, Map<String, String> overrides) {

    /** Rows whose {@code PROC_INST_ID_} is a template's process instance. */
    static Table byProcessInstance(String name, Map<String, String> overrides) {
      return new Table(name, name + " t JOIN scale_copy p ON p.template_pi = t.PROC_INST_ID_", overrides);
    }
  }

  private final JdbcTemplate jdbc;

  CaseCloner(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Starts a new copy plan. {@code plan} is a SELECT giving (g, template_pi, number, claimer, shift)
   * for every copy; {@code node} of a copy is derived from g.
   */
  void plan(String select) {
    plan(select, true);
  }

  /** {@code derive}: false when {@code select} reads an earlier plan (a part of it), which it replaces. */
  void plan(String select, boolean derive) {
    jdbc.execute("DROP TABLE IF EXISTS scale_plan");
    jdbc.execute("CREATE UNLOGGED TABLE scale_plan AS " + (derive ? "SELECT g::bigint AS g, "
        + "template_pi::varchar(64) AS template_pi, number::varchar(20) AS number, claimer::varchar(64) AS claimer, "
        + "shift::interval AS shift, ('bm' || lpad(to_hex(g::bigint), 10, '0'))::varchar(12) AS node FROM (" + select
        + ") plan" : select));
    jdbc.execute("DROP TABLE IF EXISTS scale_copy");
    jdbc.execute("ALTER TABLE scale_plan RENAME TO scale_copy");
    jdbc.execute("CREATE INDEX scale_copy_template ON scale_copy (template_pi)");
    jdbc.execute("ANALYZE scale_copy");
  }

  /**
   * Copies every table's template rows once per plan row, in the order given (parents before
   * children: the engine's foreign keys stay on). {@code ownedIds} are SELECTs of every id that
   * belongs to the template cases (rows copied and rows not copied, such as activity instances
   * referred to by executions). Returns the rows written per table.
   */
  Map<String, Long> copy(List<Table> tables, List<String> ownedIds) {
    jdbc.execute("DROP TABLE IF EXISTS scale_owned");
    jdbc.execute("CREATE UNLOGGED TABLE scale_owned AS SELECT DISTINCT id::varchar(64) AS id FROM ("
        + String.join(" UNION ALL ", ownedIds) + ") owned WHERE id IS NOT NULL");
    jdbc.execute("CREATE INDEX scale_owned_id ON scale_owned (id)");
    jdbc.execute("ANALYZE scale_owned");
    // Bulk load as a restore does: secondary indexes built once afterwards, foreign-key triggers off
    // during the copy (the copies refer only to copies and to rows that exist, by construction).
    List<String> indexes = jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
        + "AND lower(tablename) IN (" + tables.stream().map(t -> "'" + t.name().toLowerCase(Locale.ROOT) + "'")
            .collect(Collectors.joining(", ")) + ") AND indexname NOT IN (SELECT conname FROM pg_constraint)",
        String.class);
    for (String index : indexes) {
      jdbc.execute("DROP INDEX " + index.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"));
    }
    Map<String, Long> written = new LinkedHashMap<>();
    for (Table table : tables) {
      long began = System.nanoTime();
      String insert = insert(table);
      long rows = jdbc.execute((ConnectionCallback<Long>) connection -> {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET session_replication_role = replica");
          long inserted = statement.executeLargeUpdate(insert);
          statement.execute("SET session_replication_role = DEFAULT");
          return inserted;
        }
      });
      written.put(table.name(), rows);
      System.out.printf("  %s: %d rows in %d ms%n", table.name(), rows, (System.nanoTime() - began) / 1_000_000);
    }
    long building = System.nanoTime();
    indexes.forEach(jdbc::execute);
    System.out.printf("  %d secondary indexes built in %d ms%n", indexes.size(), (System.nanoTime() - building) / 1_000_000);
    return written;
  }

  private String insert(Table table) {
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<Map<String, Object>> described = jdbc.queryForList("SELECT column_name, data_type, is_identity "
        + "FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? "
        + "ORDER BY ordinal_position", table.name().toLowerCase(Locale.ROOT));
    if (described.isEmpty()) {
      throw new IllegalArgumentException("No table " + table.name());
    }
    for (Map<String, Object> column : described) {
      String name = ((String) column.get("column_name")).toUpperCase(Locale.ROOT);
      String type = (String) column.get("data_type");
      if ("YES".equals(column.get("is_identity"))) {
        continue;
      }
      columns.add(name);
      String override = table.overrides().get(name);
      if (override != null) {
        values.add(override);
      } else if (type.startsWith("timestamp")) {
        values.add("t." + name + " + p.shift");
      } else if (type.equals("character varying") && holdsOwnedIds(table, name)) {
        values.add("left(t." + name + ", -12) || p.node");
      } else {
        values.add("t." + name);
      }
    }
    return "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
        + " FROM " + table.fromClause();
  }

  /** Whether the template rows hold ids of the cases' own rows in this column; fails on an id of another shape. */
  private boolean holdsOwnedIds(Table table, String column) {
    String templates = "SELECT DISTINCT t." + column + " AS v FROM " + table.fromClause().replace(
        "scale_copy p", "(SELECT DISTINCT template_pi FROM scale_copy) p");
    Long owned = jdbc.queryForObject("SELECT count(*) FROM (" + templates + ") x WHERE v IN (SELECT id FROM scale_owned)",
        Long.class);
    if (owned == 0) {
      return false;
    }
    Long odd = jdbc.queryForObject("SELECT count(*) FROM (" + templates + ") x WHERE v IN (SELECT id FROM scale_owned) "
        + "AND v !~ '-[0-9a-f]{12}$'", Long.class);
    if (odd > 0) {
      throw new IllegalStateException(table.name() + "." + column + " holds case ids that are not time-based UUIDs");
    }
    return true;
  }

  /** Drops the plan tables. */
  void done() {
    jdbc.execute("DROP TABLE IF EXISTS scale_copy");
    jdbc.execute("DROP TABLE IF EXISTS scale_owned");
  }
}

package org.obtainingwater.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.obtainingwater.support.TestPostgres;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Embedded PostgreSQL 17 (zonky) configured like a modest production server rather than zonky's
 * small defaults: 1 GB shared buffers, room for a bulk load's write-ahead log, and the contrib
 * modules auto_explain (plans of the measured calls, with ANALYZE, switched on by ALTER SYSTEM for one pass:
 * a setting given here on the command line could not be changed that way) and
 * pg_stat_statements. Durability is off (fsync, full page writes): the database is thrown away after
 * the run, and reads, which are what is measured, do not depend on it. The server log goes to
 * {@link #LOG_DIRECTORY}.
 */
@TestConfiguration(proxyBeanMethods = false)
class ScalePostgres {

  static final Path LOG_DIRECTORY = Path.of("target", "tasklist-at-scale");
  /** System property: a directory to keep the populated database in between runs (tens of GB at full size). */
  static final String KEEP_DATABASE = "scale.database";

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  /**
   * The server, started on first use. The application connects through Spring Boot's own pool and the
   * postgres profile's settings (application-postgres.yaml), as in production.
   */
  static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() throws IOException {
    if (server == null) {
      server = start();
    }
    return server;
  }

  /** Closed with the Spring context, after the engine. */
  @Bean(destroyMethod = "close")
  io.zonky.test.db.postgres.embedded.EmbeddedPostgres scalePostgresServer() throws IOException {
    return server();
  }

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres start() throws IOException {
    Files.createDirectories(LOG_DIRECTORY);
    TestPostgres settings = TestPostgres.testDefault();
    String kept = System.getProperty(KEEP_DATABASE);
    if (kept != null && !kept.isBlank()) {
      // The populated database outlives the run: the next run measures without populating again.
      settings.keptDataDirectory(Path.of(kept)).fixedPort(Integer.getInteger("scale.port", 54329));
    }
    return settings
        .sharedBuffers("1GB")
        .setting("effective_cache_size", "8GB")
        .setting("work_mem", "16MB")
        .setting("maintenance_work_mem", "512MB")
        .setting("max_wal_size", "4GB")
        .setting("checkpoint_timeout", "30min")
        .setting("fsync", "off")
        .setting("full_page_writes", "off")
        .setting("autovacuum", "off")
        .setting("shared_preload_libraries", "auto_explain,pg_stat_statements")
        .setting("auto_explain.log_analyze", "on")
        .setting("auto_explain.log_buffers", "on")
        .setting("logging_collector", "on")
        .setting("log_directory", LOG_DIRECTORY.toAbsolutePath().toString())
        .setting("log_filename", "postgresql.log")
        .start();
  }
}

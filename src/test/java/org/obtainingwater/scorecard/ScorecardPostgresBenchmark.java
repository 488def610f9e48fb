package org.obtainingwater.scorecard;

import org.obtainingwater.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The scorecard benchmark on embedded PostgreSQL 17 (docs/benchmarks.md). */
@SpringBootTest(properties = "logging.level.org.obtainingwater.scorecard=DEBUG")
@ActiveProfiles({"demo", "postgres", "test"})
@Import(EmbeddedPostgres.class)
class ScorecardPostgresBenchmark extends ScorecardBenchmarkContract {

  @Override
  String database() {
    return "PostgreSQL 17 (embedded, zonky)";
  }

  /** Autovacuum analyses tables this size within a minute in production; the benchmark does not wait. */
  @Override
  void analyze() {
    jdbc.execute("ANALYZE");
  }
}

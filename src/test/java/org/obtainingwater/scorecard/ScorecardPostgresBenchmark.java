package org.obtainingwater.scorecard;

import org.obtainingwater.support.TestPostgresConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The scorecard benchmark on embedded PostgreSQL 17 with its default configuration (128 MB shared
 * buffers, docs/benchmarks.md); {@link ScorecardSizedPostgresBenchmark} runs it with a production-sized cache.
 */
@SpringBootTest(properties = "logging.level.org.obtainingwater.scorecard=DEBUG")
@ActiveProfiles({"demo", "postgres", "test"})
@Import(TestPostgresConfiguration.class)
class ScorecardPostgresBenchmark extends ScorecardBenchmarkContract {

  @Override
  String database() {
    return "PostgreSQL 17 (embedded, zonky), shared_buffers 128MB (default)";
  }

  /** Autovacuum analyses tables this size within a minute in production; the benchmark does not wait. */
  @Override
  void analyze() {
    jdbc.execute("ANALYZE");
  }
}

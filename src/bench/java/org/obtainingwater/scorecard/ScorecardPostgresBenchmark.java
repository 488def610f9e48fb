package org.obtainingwater.scorecard;

import org.obtainingwater.support.AppOnPostgres;
import org.springframework.test.context.TestPropertySource;

/**
 * The scorecard benchmark on embedded PostgreSQL 17 with its default configuration (128 MB shared
 * buffers, docs/benchmarks.md); {@link ScorecardSizedPostgresBenchmark} runs it with a production-sized cache.
 */
@AppOnPostgres
@TestPropertySource(properties = "logging.level.org.obtainingwater.scorecard=DEBUG")
class ScorecardPostgresBenchmark extends ScorecardBenchmarkContract {

  @Override
  String database() {
    return "PostgreSQL 17 (embedded, zonky), shared_buffers 128MB (default)";
  }
}

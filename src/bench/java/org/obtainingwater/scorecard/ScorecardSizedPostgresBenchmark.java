package org.obtainingwater.scorecard;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The scorecard benchmark on embedded PostgreSQL 17 with production-sized shared buffers (docs/benchmarks.md). */
@SpringBootTest(properties = "logging.level.org.obtainingwater.scorecard=DEBUG")
@ActiveProfiles({"demo", "postgres", "test"})
@Import(ProductionSizedPostgres.class)
class ScorecardSizedPostgresBenchmark extends ScorecardBenchmarkContract {

  @Override
  String database() {
    return "PostgreSQL 17 (embedded, zonky), shared_buffers " + ProductionSizedPostgres.SHARED_BUFFERS;
  }
}

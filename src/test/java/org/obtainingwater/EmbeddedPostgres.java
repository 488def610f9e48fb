package org.obtainingwater;

import java.io.IOException;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL server for tests, started from the binaries in the zonky Maven artifact: no
 * server to install. Closed as a Spring bean (not by a JVM shutdown hook), so the engine keeps its
 * connections until the context is gone.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgres {

  @Bean(destroyMethod = "close")
  io.zonky.test.db.postgres.embedded.EmbeddedPostgres embeddedPostgresServer() throws IOException {
    return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
  }

  @Bean
  @Primary
  DataSource postgresDataSource(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
    return server.getPostgresDatabase();
  }
}

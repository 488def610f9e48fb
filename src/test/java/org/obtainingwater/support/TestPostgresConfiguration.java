package org.obtainingwater.support;

import java.io.IOException;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The application's database is an embedded PostgreSQL ({@link TestPostgres}) with the test default
 * settings, or those of {@link #settings()} in a subclass. The server is a bean closed with the context,
 * after the engine (STACK.md), and the context's only data source. {@link AppOnPostgres} imports it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPostgresConfiguration {

  /** The settings of the server; the test default here. */
  protected TestPostgres settings() {
    return TestPostgres.testDefault();
  }

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgresServer() throws IOException {
    return settings().start();
  }

  @Bean
  @Primary
  DataSource postgresDataSource(EmbeddedPostgres server) {
    return server.getPostgresDatabase();
  }
}

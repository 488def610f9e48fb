package org.obtainingwater.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on a real PostgreSQL ({@link TestPostgresConfiguration}, test default settings) with the
 * {@code postgres} profile's settings, serving HTTP on a random port. Like {@link AppOnH2}: every class with
 * this and nothing else that changes the context shares one application and one PostgreSQL server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "postgres", "test"})
@Import(TestPostgresConfiguration.class)
public @interface AppOnPostgres {
}

package org.obtainingwater.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on its embedded H2 (profiles {@code demo}, {@code test}: a private in-memory database,
 * no job executor, no outbox dispatcher), serving HTTP on a random port. Every class with this and
 * nothing else that changes the context gets the same one from Spring's test-context cache, so the
 * application starts once for all of them. What a class adds ({@code @Import}, properties,
 * {@link WithJobExecutor}) gives it a context of its own, on purpose. Do not close one with
 * {@code @DirtiesContext}: closing a web context clears the Camunda webapps' static runtime delegates for
 * every other context in the JVM (their logins then answer 500).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public @interface AppOnH2 {
}

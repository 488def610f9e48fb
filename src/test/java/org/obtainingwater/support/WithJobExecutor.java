package org.obtainingwater.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Beside {@link AppOnH2} or {@link AppOnPostgres}: the job executor runs, as in production, for tests that
 * drive cases as staff do and wait for the asynchronous steps. A context of its own (shared by the classes
 * with the same pair), since the others run the engine's jobs themselves ({@link CaseDriver#executeJobs}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
public @interface WithJobExecutor {
}

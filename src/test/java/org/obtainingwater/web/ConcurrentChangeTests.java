package org.obtainingwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.junit.jupiter.api.Test;

/**
 * A request that lost a race for a case is answered 409 whichever way the loss shows: the engine's
 * optimistic-locking conflict or PostgreSQL's deadlock detection, as when a clerk completes a task at the
 * moment its overdue timer runs (OverdueEscalationContract races the two).
 */
class ConcurrentChangeTests {

  private final EngineRestErrors.Answers engineRest = new EngineRestErrors.Answers(null);

  @Test
  void aDeadlockReportedByTheEngine_isAConcurrentChange_andEngineRestAnswers409() {
    ProcessEngineException deadlock = new ProcessEnginePersistenceException("persistence",
        new RuntimeException(new SQLException("deadlock detected", "40P01")));
    deadlock.setCode(BuiltinExceptionCode.DEADLOCK.getCode());

    assertThat(ConcurrentChange.causedBy(deadlock)).isTrue();
    assertThat(engineRest.of(deadlock, null)).get().extracting(Response::getStatus).isEqualTo(409);
  }

  @Test
  void aDeadlockOnlyTheDriverNames_isAConcurrentChangeToo() {
    RuntimeException failure = new ProcessEngineException("flush failed",
        new RuntimeException(new SQLException("deadlock detected", "40P01")));

    assertThat(ConcurrentChange.causedBy(failure)).isTrue();
  }

  @Test
  void anOptimisticLockingConflict_isAConcurrentChange_andEngineRestAnswers409() {
    OptimisticLockingException conflict = new OptimisticLockingException("ENGINE-03005 updated by another transaction");

    assertThat(ConcurrentChange.causedBy(conflict)).isTrue();
    assertThat(engineRest.of(conflict, null)).get().extracting(Response::getStatus).isEqualTo(409);
  }

  @Test
  void otherPersistenceFailures_areNot_andKeepCamundasOwnAnswer() {
    ProcessEngineException tooLong = new ProcessEnginePersistenceException("persistence",
        new RuntimeException(new SQLException("value too long", "22001")));

    assertThat(ConcurrentChange.causedBy(tooLong)).isFalse();
    assertThat(engineRest.of(tooLong, null)).isEmpty();
  }
}

package org.obtainingwater.engine;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.obtainingwater.process.OutsideSystemException;
import org.springframework.stereotype.Component;

/**
 * What a failed job does next when an outside system answered (docs/adr/0034). The engine's own rule (the element's
 * {@code failedJobRetryTimeCycle}: on the steps that call an outside system a growing list of pauses, docs/adr/0041)
 * stays for everything else, including a system that is {@link OutsideSystemException.Kind#UNAVAILABLE unavailable}. Two answers are different:
 * <ul>
 * <li>{@link OutsideSystemException.Kind#REFUSED refused} (the platform said no, e.g. HTTP 400/422): asking again
 * gets the same answer, so the job's retries go to 0 at once and the engine raises its failed-job incident, whose
 * message is the exception's readable message;</li>
 * <li>{@link OutsideSystemException.Kind#THROTTLED throttled} (HTTP 429): the job waits for the system's
 * {@code Retry-After} (at least {@link #MIN_THROTTLE_PAUSE}) and keeps its retries: a busy platform is not a broken
 * one, and its pauses are finite.</li>
 * </ul>
 */
@Component
public class OutsideSystemJobRetries extends AbstractCamundaConfiguration implements FailedJobCommandFactory {

  static final Duration MIN_THROTTLE_PAUSE = Duration.ofSeconds(30);

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    configuration.setFailedJobCommandFactory(this);
  }

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    return new RetryCommand(jobId, exception);
  }

  /** The engine's default retry command, with the two outside answers handled first. */
  static class RetryCommand extends DefaultJobRetryCmd {

    RetryCommand(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      OutsideSystemException outside = OutsideSystemException.in(exception);
      JobEntity job = getJob();
      if (outside == null || job == null || outside.kind() == OutsideSystemException.Kind.UNAVAILABLE) {
        return super.execute(commandContext);
      }
      if (outside.kind() == OutsideSystemException.Kind.REFUSED) {
        job.unlock();
        logException(job);
        job.setRetries(0); // the engine's failed-job incident, with the exception's message
      } else {
        ActivityImpl activity = getCurrentActivity(commandContext, job);
        FailedJobRetryConfiguration configuration = activity == null ? null
            : getFailedJobRetryConfiguration(job, activity);
        boolean first = isFirstJobExecution(job);
        logException(job);
        if (first && configuration != null) {
          initializeRetries(job, configuration.getRetries());
        }
        Duration pause = outside.retryAfter() == null || outside.retryAfter().compareTo(MIN_THROTTLE_PAUSE) < 0
            ? MIN_THROTTLE_PAUSE : outside.retryAfter();
        job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime() + pause.toMillis()));
        job.unlock();
      }
      notifyAcquisition(commandContext);
      return null;
    }
  }
}

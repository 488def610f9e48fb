package org.obtainingwater.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.obtainingwater.process.InvalidInputException;
import org.obtainingwater.process.TaskInputCheck;
import org.slf4j.Marker;

/**
 * Keeps refused task input out of the error log. The engine logs every exception that ends a
 * command at ERROR with a stack trace (ENGINE-16004, logger {@value #ENGINE_CONTEXT_LOGGER}), also
 * the {@link InvalidInputException} a person caused by leaving out a reason; that is answered
 * with 400 and logged at INFO by {@link TaskInputCheck}. Everything else the engine logs is kept.
 * Registered in logback-spring.xml.
 */
public class TaskInputRejectionLogFilter extends TurboFilter {

  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (!logger.getName().equals(ENGINE_CONTEXT_LOGGER)) {
      return FilterReply.NEUTRAL;
    }
    Throwable cause = t != null ? t : lastThrowable(params);
    for (; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof InvalidInputException) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }

  private static Throwable lastThrowable(Object[] params) {
    return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable throwable
        ? throwable : null;
  }
}

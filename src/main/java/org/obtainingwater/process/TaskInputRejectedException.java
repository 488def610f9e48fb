package org.obtainingwater.process;

import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input a member of staff (or a REST client) submitted for a user task that the process cannot
 * accept. Extends the engine's form validation exception on purpose: engine-rest maps exactly that
 * type to {@code 400 Bad Request} with the message for task completion and form submission, and
 * Tasklist shows the message next to the form. Any other exception would become a 500.
 */
public class TaskInputRejectedException extends FormFieldValidationException {

  private final Map<String, String> problems;

  public TaskInputRejectedException(Map<String, String> problems) {
    super(problems.keySet().iterator().next(), describe(problems));
    this.problems = Map.copyOf(problems);
  }

  /** Field key to what is wrong with it, in the order found. */
  public Map<String, String> problems() {
    return problems;
  }

  private static String describe(Map<String, String> problems) {
    StringBuilder message = new StringBuilder("提交内容有误，请更正后再提交：");
    problems.forEach((field, problem) -> message.append(' ').append(problem).append(" [").append(field).append("];"));
    return message.toString();
  }
}

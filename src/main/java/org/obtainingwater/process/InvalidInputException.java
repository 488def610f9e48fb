package org.obtainingwater.process;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input a person or a client sent that cannot be accepted, naming each wrong field (a form field, a
 * request body's property, a query parameter or a header) and what is wrong with it. The one type for
 * "this field is wrong" everywhere: task forms, the customer API, the permit callback, the scorecard.
 *
 * <p>Extends the engine's form validation exception on purpose: engine-rest maps exactly that type
 * to {@code 400 Bad Request} with the message for task completion and form submission, and Tasklist
 * shows the message next to the form; any other exception would become a 500 there. The application's
 * own APIs answer it as problem+json with an {@code errors} entry per field.
 */
public class InvalidInputException extends FormFieldValidationException {

  private final Map<String, String> problems;

  /** Field (by the name the sender used) to what is wrong with it, in the order found; not empty. */
  public InvalidInputException(Map<String, String> problems) {
    super(problems.keySet().iterator().next(), describe(problems));
    this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
  }

  /** One wrong field. */
  public InvalidInputException(String field, String problem) {
    this(Map.of(field, problem));
  }

  /** Field to what is wrong with it. */
  public Map<String, String> problems() {
    return problems;
  }

  /** The first wrong field. */
  public String field() {
    return problems.keySet().iterator().next();
  }

  private static String describe(Map<String, String> problems) {
    StringBuilder message = new StringBuilder("提交内容有误，请更正后再提交：");
    problems.forEach((field, problem) -> message.append(' ').append(problem).append(" [").append(field).append("];"));
    return message.toString();
  }
}

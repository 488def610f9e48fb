package org.obtainingwater.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a user task's form (or a request carrying the same fields) submitted, read through typed
 * variables, with every problem collected so the person sees all of them at once rather than one per
 * attempt.
 */
public final class TaskInput {

  /** Control characters other than tab and line breaks: never typed by a person, and PostgreSQL refuses NUL. */
  private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\p{Cntrl}&&[^\\t\\r\\n]]");

  private final VariableScope scope;
  private final Function<String, Object> values;
  private final Map<String, String> problems = new LinkedHashMap<>();

  TaskInput(VariableScope scope) {
    this.scope = scope;
    this.values = scope::getVariable;
  }

  private TaskInput(Map<String, ?> values) {
    this.scope = null;
    this.values = values::get;
  }

  /**
   * The same fields arriving outside the engine (the customer API), checked by the same rules before
   * anything is filed: {@link #throwIfInvalid()} then refuses them as a task form would be.
   */
  public static TaskInput of(Map<String, ?> values) {
    return new TaskInput(values);
  }

  /** The execution the form was submitted to; only for checks bound in the diagram. */
  public VariableScope scope() {
    if (scope == null) {
      throw new IllegalStateException("Input checked outside the engine has no variable scope");
    }
    return scope;
  }

  /** A non-blank text of at most {@code maxLength} characters, or null (problem recorded). */
  public String requiredText(ProcessVariable<String> variable, int maxLength) {
    String value = read(variable).orElse(null);
    if (value == null || value.isBlank()) {
      problem(variable, "请填写" + variable.label());
      return null;
    }
    return withinLength(variable, value, maxLength);
  }

  /** A required text that must match {@code pattern}; {@code hint} says what is expected. */
  public String requiredText(ProcessVariable<String> variable, int maxLength, Pattern pattern, String hint) {
    String value = requiredText(variable, maxLength);
    if (value != null && !pattern.matcher(value.trim()).matches()) {
      problem(variable, variable.label() + "格式不正确，" + hint);
      return null;
    }
    return value;
  }

  /** An optional text: absent and blank are fine, too long is not. */
  public String optionalText(ProcessVariable<String> variable, int maxLength) {
    String value = read(variable).orElse(null);
    return value == null ? null : withinLength(variable, value, maxLength);
  }

  private String withinLength(ProcessVariable<String> variable, String value, int maxLength) {
    if (CONTROL_CHARACTERS.matcher(value).find()) {
      problem(variable, variable.label() + "含有不可见的控制字符，请重新输入");
      return null;
    }
    if (value.length() > maxLength) {
      problem(variable, variable.label() + "不能超过 " + maxLength + " 个字");
      return null;
    }
    return value;
  }

  /** One of the given codes (the form's radio or select values). */
  public String requiredChoice(ProcessVariable<String> variable, Set<String> allowed) {
    String value = read(variable).orElse(null);
    if (value == null || value.isBlank()) {
      problem(variable, "请选择" + variable.label());
      return null;
    }
    if (!allowed.contains(value)) {
      problem(variable, variable.label() + "只能是 " + String.join(" / ", allowed.stream().sorted().toList()) + " 之一");
      return null;
    }
    return value;
  }

  /** A number within [min, max]. */
  public <N extends Number> N requiredNumber(ProcessVariable<N> variable, double min, double max) {
    N value = read(variable).orElse(null);
    if (value == null) {
      problem(variable, "请填写" + variable.label());
      return null;
    }
    if (value.doubleValue() < min || value.doubleValue() > max) {
      problem(variable, variable.label() + "应在 " + format(min) + " 到 " + format(max) + " 之间");
      return null;
    }
    return value;
  }

  /** A whole number from a fixed list, such as nominal pipe and meter sizes. */
  public Integer requiredOneOf(ProcessVariable<Integer> variable, Set<Integer> allowed) {
    Integer value = read(variable).orElse(null);
    if (value == null) {
      problem(variable, "请填写" + variable.label());
      return null;
    }
    if (!allowed.contains(value)) {
      problem(variable, variable.label() + "只能取 " + allowed.stream().sorted().map(String::valueOf).toList());
      return null;
    }
    return value;
  }

  /** A tick box: absent counts as not ticked. */
  public boolean flag(ProcessVariable<Boolean> variable) {
    return read(variable).orElse(false);
  }

  /** Records a problem that is not about a single value's shape. */
  public void problem(ProcessVariable<?> variable, String message) {
    problems.putIfAbsent(variable.name(), message);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Refuses the input, naming every field found wrong, when there is any. */
  public void throwIfInvalid() {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private <T> Optional<T> read(ProcessVariable<T> variable) {
    try {
      return Optional.ofNullable(variable.convert(values.apply(variable.name())));
    } catch (ClassCastException wrongType) {
      problem(variable, variable.label() + "的类型不正确（应为" + typeName(variable.type()) + "）");
      return Optional.empty();
    }
  }

  private static String typeName(Class<?> type) {
    if (type == String.class) {
      return "文本";
    }
    if (type == Boolean.class) {
      return "是/否";
    }
    return type == Integer.class ? "整数" : "数字";
  }

  private static String format(double number) {
    return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
  }
}

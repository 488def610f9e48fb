package org.obtainingwater.process;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable, named and typed once. Code reads and writes variables only through
 * these constants (see {@link CaseVariables}), never through {@code getVariable("x")} and a cast.
 *
 * <p>Numbers are normalised on read: Tasklist submits Camunda Form numbers untyped, so the engine
 * stores 10 as Integer and 10.5 as Double. An Integer variable accepts any whole number, a Double
 * variable any number.
 *
 * @param name the variable name, equal to the form field key
 * @param type the Java type code works with
 * @param label what staff call it, used in error messages
 */
public record ProcessVariable<T>(String name, Class<T> type, String label) {

  public static ProcessVariable<String> text(String name, String label) {
    return new ProcessVariable<>(name, String.class, label);
  }

  public static ProcessVariable<Integer> integer(String name, String label) {
    return new ProcessVariable<>(name, Integer.class, label);
  }

  public static ProcessVariable<Double> decimal(String name, String label) {
    return new ProcessVariable<>(name, Double.class, label);
  }

  public static ProcessVariable<Boolean> flag(String name, String label) {
    return new ProcessVariable<>(name, Boolean.class, label);
  }

  /** The value, or empty when the variable is absent or null. */
  public Optional<T> find(VariableScope scope) {
    return Optional.ofNullable(convert(scope.getVariable(name)));
  }

  /** The value; fails when it is absent, because the model guarantees it at this point. */
  public T get(VariableScope scope) {
    return find(scope).orElseThrow(() -> new IllegalStateException(
        "Process variable '" + name + "' (" + label + ") is not set"));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  /**
   * Converts a stored value to this variable's type.
   *
   * @throws ClassCastException when the stored value has an incompatible type
   */
  public T convert(Object value) {
    if (value == null) {
      return null;
    }
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    if (value instanceof Number number) {
      if (type == Double.class) {
        return type.cast(number.doubleValue());
      }
      if (type == Integer.class && number.doubleValue() == Math.rint(number.doubleValue())
          && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
        return type.cast(number.intValue());
      }
    }
    throw new ClassCastException("Process variable '" + name + "' holds " + value.getClass().getSimpleName()
        + " '" + value + "', expected " + type.getSimpleName());
  }
}

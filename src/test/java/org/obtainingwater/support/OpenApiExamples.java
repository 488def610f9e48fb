package org.obtainingwater.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The examples an OpenAPI document offers, read the way Swagger UI's "Try it out" fills them in: a request
 * body's explicit example, or else one composed from its schema's property examples (a property without an
 * example or allowed values is left out when optional, and is an error when required: the document must say
 * what to send); and a response's example composed from its schema, to compare with the real answer's shape.
 */
public final class OpenApiExamples {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode document;

  public OpenApiExamples(JsonNode document) {
    this.document = document;
  }

  /** An operation of the document: path, method and its description. */
  public record Operation(String path, String method, JsonNode spec) {

    /** The first 2xx status the operation documents (a filing's 201 before a retry's 200): what its example should get. */
    public int successStatus() {
      Iterator<String> codes = spec.get("responses").fieldNames();
      while (codes.hasNext()) {
        String code = codes.next();
        if (code.startsWith("2")) {
          return Integer.parseInt(code);
        }
      }
      throw new AssertionError(this + " documents no success");
    }

    /** The security schemes any one of which the operation accepts. */
    public List<String> security() {
      List<String> schemes = new ArrayList<>();
      spec.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
      return schemes;
    }

    @Override
    public String toString() {
      return method.toUpperCase() + " " + path;
    }
  }

  public List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
        method -> operations.add(new Operation(path.getKey(), method.getKey(), method.getValue()))));
    return operations;
  }

  /** The path with each path parameter's example (or the given value, for those named) and the query parameters' examples. */
  public String examplePath(Operation operation, Map<String, String> pathValues) {
    String path = operation.path();
    StringBuilder query = new StringBuilder();
    for (JsonNode parameter : operation.spec().path("parameters")) {
      String name = parameter.get("name").asText();
      String in = parameter.get("in").asText();
      if (in.equals("path")) {
        String value = pathValues.containsKey(name) ? pathValues.get(name) : requiredExample(operation, parameter).asText();
        path = path.replace("{" + name + "}", value);
      } else if (in.equals("query") && parameter.has("example")) {
        query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(parameter.get("example").asText());
      }
    }
    return path + query;
  }

  /** The header parameters that have an example, as name, value, ... */
  public List<String> exampleHeaders(Operation operation) {
    List<String> headers = new ArrayList<>();
    for (JsonNode parameter : operation.spec().path("parameters")) {
      if (parameter.get("in").asText().equals("header") && parameter.has("example")) {
        headers.add(parameter.get("name").asText());
        headers.add(parameter.get("example").asText());
      }
    }
    return headers;
  }

  /** The request body's example as JSON, or null when the operation takes no body. */
  public ObjectNode exampleBody(Operation operation) {
    JsonNode media = operation.spec().path("requestBody").path("content").path("application/json");
    if (media.isMissingNode()) {
      return null;
    }
    if (media.has("example")) {
      return (ObjectNode) parsed(media.get("example"));
    }
    if (media.has("examples")) {
      return (ObjectNode) parsed(media.get("examples").elements().next().get("value"));
    }
    return (ObjectNode) request(operation + " body", media.get("schema"));
  }

  /** The success response's example, composed from its schema (every property, typed placeholders where no example). */
  public JsonNode exampleResponse(Operation operation) {
    JsonNode content = operation.spec().get("responses").get(String.valueOf(operation.successStatus())).path("content");
    if (!content.elements().hasNext()) {
      return null;
    }
    JsonNode media = content.elements().next();
    if (media.has("example")) {
      return parsed(media.get("example"));
    }
    return response(media.get("schema"));
  }

  /**
   * Where the real answer's fields differ from the example's: each path with the fields only one of them
   * has. Arrays compare their first elements; maps (additionalProperties) are not compared by key.
   */
  public static List<String> shapeDifferences(JsonNode example, JsonNode real) {
    List<String> differences = new ArrayList<>();
    compare("$", example, real, differences);
    return differences;
  }

  private static void compare(String at, JsonNode example, JsonNode real, List<String> differences) {
    if (example == null || real == null || example.isNull() || real.isNull()) {
      return;
    }
    if (example.isObject() && real.isObject()) {
      if (example.has(MAP_MARK)) {
        return;
      }
      TreeSet<String> documented = new TreeSet<>();
      example.fieldNames().forEachRemaining(documented::add);
      TreeSet<String> answered = new TreeSet<>();
      real.fieldNames().forEachRemaining(answered::add);
      if (!documented.equals(answered)) {
        TreeSet<String> onlyDocumented = new TreeSet<>(documented);
        onlyDocumented.removeAll(answered);
        TreeSet<String> onlyAnswered = new TreeSet<>(answered);
        onlyAnswered.removeAll(documented);
        differences.add(at + ": only in the example " + onlyDocumented + ", only in the answer " + onlyAnswered);
      }
      for (String field : documented) {
        if (answered.contains(field)) {
          compare(at + "." + field, example.get(field), real.get(field), differences);
        }
      }
    } else if (example.isArray() && real.isArray()) {
      if (!example.isEmpty() && !real.isEmpty()) {
        compare(at + "[0]", example.get(0), real.get(0), differences);
      }
    } else if (example.isContainerNode() != real.isContainerNode()) {
      differences.add(at + ": the example is " + example.getNodeType() + ", the answer " + real.getNodeType());
    }
  }

  /** Marks a composed map (additionalProperties) whose keys are data, not fields. */
  private static final String MAP_MARK = "\u0000map";

  private JsonNode request(String at, JsonNode schema) {
    schema = resolved(schema);
    if (schema.has("example")) {
      return parsed(schema.get("example"));
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    if (schema.has("properties")) {
      ObjectNode object = NODES.objectNode();
      List<String> required = new ArrayList<>();
      schema.path("required").forEach(name -> required.add(name.asText()));
      schema.get("properties").fields().forEachRemaining(property -> {
        JsonNode value = resolved(property.getValue());
        boolean known = value.has("example") || value.has("enum") || value.has("properties") || value.has("$ref");
        if (known) {
          object.set(property.getKey(), request(at + "." + property.getKey(), value));
        } else if (required.contains(property.getKey())) {
          throw new AssertionError(at + "." + property.getKey() + " is required but the document gives no example");
        }
      });
      return object;
    }
    throw new AssertionError(at + " has no example");
  }

  private JsonNode response(JsonNode schema) {
    schema = resolved(schema);
    if (schema.has("properties")) {
      ObjectNode object = NODES.objectNode();
      schema.get("properties").fields().forEachRemaining(property -> object.set(property.getKey(), response(property.getValue())));
      return object;
    }
    String type = schema.path("type").asText(schema.path("types").path(0).asText(""));
    if (type.equals("array")) {
      ArrayNode array = NODES.arrayNode();
      array.add(response(schema.get("items")));
      return array;
    }
    if (schema.has("additionalProperties") || type.equals("object")) {
      ObjectNode map = NODES.objectNode();
      map.put(MAP_MARK, true);
      return map;
    }
    return schema.has("example") ? parsed(schema.get("example")) : NODES.textNode(type);
  }

  private JsonNode resolved(JsonNode schema) {
    while (schema.has("$ref")) {
      String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
      schema = document.get("components").get("schemas").get(name);
    }
    return schema;
  }

  private static JsonNode requiredExample(Operation operation, JsonNode parameter) {
    JsonNode example = parameter.has("example") ? parameter.get("example") : parameter.path("schema").get("example");
    if (example == null) {
      throw new AssertionError(operation + ": path parameter " + parameter.get("name").asText() + " has no example");
    }
    return example;
  }

  /** An example given as a JSON string (springdoc keeps some as text) is the JSON it spells. */
  private static JsonNode parsed(JsonNode example) {
    if (example.isTextual()) {
      String text = example.asText().strip();
      if (text.startsWith("{") || text.startsWith("[")) {
        try {
          return JSON.readTree(text);
        } catch (Exception e) {
          return example;
        }
      }
    }
    return example;
  }
}

package org.obtainingwater.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tasklist, Cockpit, Admin and the welcome page speak Chinese (docs/adr/0016): the application's
 * own {@code scripts/config.js} shadows the webjar's and offers zh first, and its {@code zh.json}
 * translates every label the webjar's {@code en.json} has, in this Camunda version, keeping
 * placeholders and markup. After a Camunda upgrade this test names every new or missing label.
 */
class WebappTranslationTests {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}|\\{}");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z]+");
  /** English values that stay as they are in a Chinese UI: symbols, ids, file formats, product names. */
  private static final Set<String> KEPT_AS_IS = Set.of("", "s", "Camunda", "Camunda Cockpit", "<null>", "<undefined>",
      "<", "<=", ">", ">=", "ID", "ID*", "null", "CSV", "JSON", "YYYY-MM-DDTHH:mm:ss");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theApplicationsConfigOffersChineseFirst(String app) throws IOException {
    List<URL> configs = Collections.list(getClass().getClassLoader().getResources(APP + app + "/scripts/config.js"));
    assertThat(configs).as(app + " config.js: ours and the webjar's").hasSizeGreaterThanOrEqualTo(2);
    assertThat(configs.get(0).getProtocol()).as("ours comes first on the classpath").isEqualTo("file");
    try (InputStream config = configs.get(0).openStream()) {
      assertThat(new String(config.readAllBytes(), StandardCharsets.UTF_8))
          .contains("availableLocales: ['zh', 'en']").contains("fallbackLocale: 'zh'");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyLabelOfTheWebjar_isTranslated_keepingPlaceholdersAndMarkup(String app) throws IOException {
    JsonNode english = read(APP + app + "/locales/en.json");
    JsonNode chinese = read(APP + app + "/locales/zh.json");

    List<String> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> labels = english.path("labels").fields(); labels.hasNext();) {
      Map.Entry<String, JsonNode> label = labels.next();
      String en = label.getValue().asText();
      JsonNode zh = chinese.path("labels").get(label.getKey());
      if (zh == null) {
        problems.add(label.getKey() + ": missing (en: " + en + ")");
        continue;
      }
      if (!KEPT_AS_IS.contains(en.trim()) && !HAN.matcher(zh.asText()).find()) {
        problems.add(label.getKey() + ": not Chinese: " + zh.asText());
      }
      if (!all(PLACEHOLDER, en).equals(all(PLACEHOLDER, zh.asText()))) {
        problems.add(label.getKey() + ": placeholders differ: " + en + " / " + zh.asText());
      }
      if (!en.startsWith("<") && !all(TAG, en).equals(all(TAG, zh.asText()))) {
        problems.add(label.getKey() + ": markup differs: " + en + " / " + zh.asText());
      }
    }
    for (Iterator<String> keys = chinese.path("labels").fieldNames(); keys.hasNext();) {
      String key = keys.next();
      if (!english.path("labels").has(key)) {
        problems.add(key + ": not a label of this Camunda version");
      }
    }
    assertThat(problems).as(app + " zh.json").isEmpty();
    if (english.has("dateLocales")) {
      assertThat(chinese.path("dateLocales").path("months").get(0).asText()).isEqualTo("一月");
      assertThat(chinese.path("dateLocales").path("relativeTime").path("past").asText()).isEqualTo("%s前");
    }
  }

  private JsonNode read(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group().replace(" ", ""));
    }
    Collections.sort(found);
    return found;
  }
}

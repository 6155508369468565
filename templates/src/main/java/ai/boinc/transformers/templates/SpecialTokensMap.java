package ai.boinc.transformers.templates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The special tokens a chat template sees as variables ({@code bos_token}, {@code eos_token}...), as
 * Python transformers derives them from {@code tokenizer_config.json}: each of {@code bos_token},
 * {@code eos_token}, {@code unk_token}, {@code sep_token}, {@code pad_token}, {@code cls_token},
 * {@code mask_token} as its string (an AddedToken object gives its {@code content}), {@code
 * additional_special_tokens} as a list of strings, then the names of a map-valued {@code
 * extra_special_tokens}; absent, null, empty-string and empty-list entries are left out, so the
 * template sees them as undefined.
 */
public final class SpecialTokensMap {
  private static final List<String> STANDARD = List.of("bos_token", "eos_token", "unk_token", "sep_token",
      "pad_token", "cls_token", "mask_token", "additional_special_tokens");
  private static final SpecialTokensMap EMPTY = new SpecialTokensMap(Map.of());

  private final Map<String, Object> tokens;

  private SpecialTokensMap(Map<String, Object> tokens) {
    this.tokens = tokens;
  }

  public static SpecialTokensMap empty() {
    return EMPTY;
  }

  /**
   * The map of a parsed {@code tokenizer_config.json} (or any map in its form).
   *
   * @param config the JSON object as Java values; other keys are ignored
   */
  public static SpecialTokensMap fromTokenizerConfig(Map<String, ?> config) {
    Objects.requireNonNull(config, "config");
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> names = new java.util.ArrayList<>(STANDARD);
    for (String name : STANDARD) {
      values.put(name, config.get(name));
    }
    Object extra = config.get("extra_special_tokens");
    if (extra instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) extra).entrySet()) {
        String name = String.valueOf(e.getKey());
        if (!names.contains(name)) {
          names.add(name);
        }
        values.put(name, e.getValue());
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : names) {
      Object v = values.get(name);
      if (name.equals("additional_special_tokens")) {
        List<String> list = new java.util.ArrayList<>();
        if (v instanceof List) {
          for (Object t : (List<?>) v) {
            list.add(tokenString(t));
          }
        }
        if (!list.isEmpty()) {
          out.put(name, Collections.unmodifiableList(list));
        }
      } else {
        String s = tokenString(v);
        if (s != null && !s.isEmpty()) {
          out.put(name, s);
        }
      }
    }
    return new SpecialTokensMap(Collections.unmodifiableMap(out));
  }

  /** Builds one from explicit names, e.g. {@code Map.of("bos_token", "<s>")}; values are strings or lists of strings. */
  public static SpecialTokensMap of(Map<String, ?> tokens) {
    Map<String, Object> out = new LinkedHashMap<>();
    tokens.forEach((k, v) -> out.put(Objects.requireNonNull(k, "name"), Objects.requireNonNull(v, k)));
    return new SpecialTokensMap(Collections.unmodifiableMap(out));
  }

  private static String tokenString(Object v) {
    if (v instanceof Map) {
      Object content = ((Map<?, ?>) v).get("content");
      return content == null ? null : content.toString();
    }
    return v == null ? null : v.toString();
  }

  /** Name to value (String, or List of String for {@code additional_special_tokens}), in order. */
  public Map<String, Object> asMap() {
    return tokens;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpecialTokensMap && ((SpecialTokensMap) o).tokens.equals(tokens);
  }

  @Override
  public int hashCode() {
    return tokens.hashCode();
  }

  @Override
  public String toString() {
    return "SpecialTokensMap" + tokens;
  }
}

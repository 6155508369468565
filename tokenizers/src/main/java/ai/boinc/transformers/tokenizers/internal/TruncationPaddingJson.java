package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Truncation;
import java.util.Optional;

/**
 * Reads the {@code truncation} and {@code padding} sections of tokenizer.json, with the reference's
 * rules: every field is required except truncation's {@code direction} (default {@code Right})
 * and padding's {@code pad_to_multiple_of}; enum values are spelled as in Rust ({@code
 * LongestFirst}, {@code BatchLongest}, {@code {"Fixed": n}}, {@code Left}).
 */
final class TruncationPaddingJson {
  private TruncationPaddingJson() {}

  static Optional<Truncation> truncation(JsonValue json) {
    if (json.isAbsent()) {
      return Optional.empty();
    }
    json.requireObject();
    Truncation.Builder b =
        Truncation.newBuilder()
            .maxLength(json.nonNegativeInt("max_length"))
            .stride(json.nonNegativeInt("stride"));
    JsonValue strategy = json.get("strategy");
    switch (strategy.asString()) {
      case "LongestFirst":
        b.strategy(Truncation.Strategy.LONGEST_FIRST);
        break;
      case "OnlyFirst":
        b.strategy(Truncation.Strategy.ONLY_FIRST);
        break;
      case "OnlySecond":
        b.strategy(Truncation.Strategy.ONLY_SECOND);
        break;
      default:
        throw strategy.mismatch("one of \"LongestFirst\", \"OnlyFirst\", \"OnlySecond\"");
    }
    JsonValue direction = json.get("direction");
    if (!direction.isMissing()) {
      b.direction(
          "Left".equals(direction(direction))
              ? Truncation.Direction.LEFT
              : Truncation.Direction.RIGHT);
    }
    return Optional.of(b.build());
  }

  static Optional<Padding> padding(JsonValue json) {
    if (json.isAbsent()) {
      return Optional.empty();
    }
    json.requireObject();
    Padding.Builder b = Padding.newBuilder();
    JsonValue strategy = json.get("strategy");
    if (strategy.isString() && strategy.asString().equals("BatchLongest")) {
      b.batchLongest();
    } else if (strategy.isObject() && strategy.size() == 1 && !strategy.get("Fixed").isMissing()) {
      b.fixedLength(strategy.get("Fixed").asNonNegativeInt());
    } else {
      throw strategy.mismatch("\"BatchLongest\" or {\"Fixed\": length}");
    }
    b.direction(
        "Left".equals(direction(json.get("direction")))
            ? Padding.Direction.LEFT
            : Padding.Direction.RIGHT);
    JsonValue multiple = json.get("pad_to_multiple_of");
    if (!multiple.isAbsent()) {
      b.padToMultipleOf(multiple.asNonNegativeInt());
    }
    return Optional.of(
        b.padId(json.nonNegativeInt("pad_id"))
            .padTypeId(json.nonNegativeInt("pad_type_id"))
            .padToken(json.string("pad_token"))
            .build());
  }

  private static String direction(JsonValue json) {
    String d = json.asString();
    if (!d.equals("Left") && !d.equals("Right")) {
      throw json.mismatch("\"Left\" or \"Right\"");
    }
    return d;
  }
}

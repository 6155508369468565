package ai.boinc.transformers.tokenizers.internal.regex;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Oniguruma property and POSIX bracket names, and its Unicode escapes, as Java class bodies. */
final class OnigProperties {
  /** Oniguruma's Unicode {@code \s}: White_Space. */
  static final String SPACE_BODY =
      "\\t\\n\\x0B\\f\\r\\x20\\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}"
          + "\\x{202F}\\x{205F}\\x{3000}";
  /** Oniguruma's Unicode {@code \w}: Alphabetic, marks, numbers and connector punctuation. */
  static final String WORD_BODY =
      "\\p{IsAlphabetic}\\p{M}\\p{Nd}\\p{Pc}\\x{B2}\\x{B3}\\x{B9}\\x{BC}-\\x{BE}";

  static final String DIGIT_BODY = "\\p{Nd}";
  static final String HEX_BODY = "0-9a-fA-F";

  private static final Map<String, String> NAMES = new HashMap<>();

  static {
    String[][] categories = {
      {"L", "letter"}, {"Lu", "uppercaseletter"}, {"Ll", "lowercaseletter"},
      {"Lt", "titlecaseletter"}, {"Lm", "modifierletter"}, {"Lo", "otherletter"},
      {"M", "mark", "combiningmark"}, {"Mn", "nonspacingmark"}, {"Mc", "spacingmark"},
      {"Me", "enclosingmark"}, {"N", "number"}, {"Nd", "decimalnumber"},
      {"Nl", "letternumber"}, {"No", "othernumber"}, {"P", "punctuation"},
      {"Pc", "connectorpunctuation"}, {"Pd", "dashpunctuation"}, {"Ps", "openpunctuation"},
      {"Pe", "closepunctuation"}, {"Pi", "initialpunctuation"}, {"Pf", "finalpunctuation"},
      {"Po", "otherpunctuation"}, {"S", "symbol"}, {"Sm", "mathsymbol"},
      {"Sc", "currencysymbol"}, {"Sk", "modifiersymbol"}, {"So", "othersymbol"},
      {"Z", "separator"}, {"Zs", "spaceseparator"}, {"Zl", "lineseparator"},
      {"Zp", "paragraphseparator"}, {"C", "other"}, {"Cc", "control"}, {"Cf", "format"},
      {"Cs", "surrogate"}, {"Co", "privateuse"}, {"Cn", "unassigned"},
    };
    for (String[] c : categories) {
      for (String alias : c) {
        NAMES.put(normalize(alias), "\\p{" + c[0] + "}");
      }
    }
    NAMES.put("lc", "\\p{Lu}\\p{Ll}\\p{Lt}");
    NAMES.put("casedletter", "\\p{Lu}\\p{Ll}\\p{Lt}");
    NAMES.put("any", "\\x{0}-\\x{10FFFF}");
    NAMES.put("assigned", "\\P{Cn}");
    NAMES.put("ascii", "\\x{0}-\\x{7F}");
    NAMES.put("alphabetic", "\\p{IsAlphabetic}");
    NAMES.put("lowercase", "\\p{IsLowercase}");
    NAMES.put("uppercase", "\\p{IsUppercase}");
    NAMES.put("whitespace", SPACE_BODY);
    NAMES.put("ideographic", "\\p{IsIdeographic}");
    NAMES.put("joincontrol", "\\p{IsJoin_Control}");
    NAMES.put("noncharactercodepoint", "\\p{IsNoncharacter_Code_Point}");
    for (String posix :
        new String[] {
          "alpha", "alnum", "word", "space", "digit", "xdigit", "upper", "lower", "cntrl",
          "graph", "print", "blank"
        }) {
      NAMES.put(posix, posix(posix));
    }
    // \p{Punct} is punctuation only, unlike [[:punct:]] which has the symbols too.
    NAMES.put("punct", "\\p{P}");
  }

  private OnigProperties() {}

  private static String normalize(String name) {
    return name.replace("_", "").replace(" ", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Body for {@code \p{name}}, or null if unknown. */
  static String body(String name) {
    String key = normalize(name);
    String body = NAMES.get(key);
    if (body != null) {
      return body;
    }
    try {
      Character.UnicodeScript script = Character.UnicodeScript.forName(name);
      return "\\p{sc=" + script.name() + "}";
    } catch (IllegalArgumentException e) {
      // not a script; maybe a block
    }
    if (key.startsWith("in") && key.length() > 2) {
      String block = name.substring(name.charAt(2) == '_' ? 3 : 2);
      try {
        Character.UnicodeBlock.forName(block);
        return "\\p{In" + block + "}";
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  /** Body for the POSIX bracket {@code [:name:]} (Unicode semantics), or null if unknown. */
  static String posix(String name) {
    switch (name) {
      case "alpha":
        return "\\p{IsAlphabetic}";
      case "alnum":
        return "\\p{IsAlphabetic}\\p{Nd}";
      case "word":
        return WORD_BODY;
      case "space":
        return SPACE_BODY;
      case "punct":
        return "\\p{P}\\p{S}";
      case "digit":
        return DIGIT_BODY;
      case "xdigit":
        return HEX_BODY;
      case "upper":
        return "\\p{IsUppercase}";
      case "lower":
        return "\\p{IsLowercase}";
      case "cntrl":
        return "\\p{Cc}";
      case "blank":
        return "\\p{Zs}\\t";
      case "graph":
        return "[^" + SPACE_BODY + "\\p{Cc}\\p{Cn}\\p{Cs}]";
      case "print":
        return "[^" + SPACE_BODY + "\\p{Cc}\\p{Cn}\\p{Cs}]\\p{Zs}";
      default:
        return null;
    }
  }

  /** The class body of a shorthand escape, either case: {@code \d}, {@code \s}, {@code \w}, {@code \h}. */
  static String shorthandBody(int escape) {
    switch (Character.toLowerCase(escape)) {
      case 'd':
        return DIGIT_BODY;
      case 's':
        return SPACE_BODY;
      case 'w':
        return WORD_BODY;
      default:
        return HEX_BODY;
    }
  }
}

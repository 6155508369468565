package ai.boinc.transformers.tokenizers.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generated tables against the JDK's own Unicode data: wherever the JDK knows a character, the
 * tables must agree with it, except for the few characters whose properties Unicode changed
 * between the reference's tables and the JDK's (listed here, each checked against the reference).
 * Catches a table that is cut, shifted or generated from the wrong source.
 */
class UnicodeTablesTest {
  private static boolean assignedInJdk(int cp) {
    return Character.getType(cp) != Character.UNASSIGNED;
  }

  private static List<String> mismatches(java.util.function.IntPredicate table, java.util.function.IntPredicate jdk, boolean onlyAssigned) {
    List<String> out = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if ((!onlyAssigned || assignedInJdk(cp)) && table.test(cp) != jdk.test(cp)) {
        out.add(Integer.toHexString(cp));
      }
    }
    return out;
  }

  @Test
  void regexWhitespaceIsUnicodeWhiteSpace() {
    assertThat(mismatches(UnicodeTables::isRegexWhitespace,
            cp -> Character.isSpaceChar(cp) || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85, false))
        .isEmpty();
    assertThat(UnicodeTables.isRegexWhitespace(0x180E)).isFalse();
    assertThat(UnicodeTables.isRegexWhitespace(0x200B)).isFalse();
  }

  @Test
  void regexWordIsAlphabeticMarksDigitsConnectorsAndJoinControls() {
    assertThat(mismatches(UnicodeTables::isRegexWord, cp -> {
          int t = Character.getType(cp);
          return Character.isAlphabetic(cp) || t == Character.NON_SPACING_MARK
              || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK
              || t == Character.DECIMAL_DIGIT_NUMBER || t == Character.CONNECTOR_PUNCTUATION
              || cp == 0x200C || cp == 0x200D;
        }, true))
        .isEmpty();
    // Unicode 16.0 letters the JDK 17 does not know yet (Garay, Kirat Rai)
    assertThat(UnicodeTables.isRegexWord(0x10D50)).isTrue();
    assertThat(UnicodeTables.isRegexWord(0x16D43)).isTrue();
  }

  @Test
  void numericIsDecimalLetterAndOtherNumbers() {
    assertThat(mismatches(UnicodeTables::isNumeric, cp -> {
          int t = Character.getType(cp);
          return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER
              || t == Character.OTHER_NUMBER;
        }, true))
        .isEmpty();
    assertThat(UnicodeTables.isNumeric(0x10D40)).isTrue(); // Garay digit zero, Unicode 16.0
  }

  @Test
  void punctuationIsAsciiPunctuationAndAnOlderUnicodePCategory() {
    Set<String> notPunctuationInTheJdk = new HashSet<>();
    Set<String> punctuationOnlyInTheJdk = new HashSet<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      int t = Character.getType(cp);
      boolean jdk = (cp < 0x80 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(cp) >= 0)
          || t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
          || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
          || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
          || t == Character.OTHER_PUNCTUATION;
      if (UnicodeTables.isPunctuation(cp) && !jdk) {
        notPunctuationInTheJdk.add(Integer.toHexString(cp));
      } else if (jdk && !UnicodeTables.isPunctuation(cp)) {
        punctuationOnlyInTheJdk.add(Integer.toHexString(cp));
      }
    }
    // Po in the reference's older tables, So and Mn in the JDK's
    assertThat(notPunctuationInTheJdk).containsExactlyInAnyOrder("166d", "111c9");
    // characters made punctuation after the reference's tables: none older than these blocks
    assertThat(punctuationOnlyInTheJdk).contains("2e43", "2e4f", "1145a").hasSizeLessThan(100);
    assertThat(punctuationOnlyInTheJdk).allMatch(h -> Integer.parseInt(h, 16) >= 0x9FD);
  }

  @Test
  void scriptsAreTheJdksWhereUnicode9AgreesWithHiraganaAndKatakanaAsHan() {
    Set<String> differ = new HashSet<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      int id = UnicodeTables.script(cp);
      Character.UnicodeScript jdk = Character.UnicodeScript.of(cp);
      if (jdk == Character.UnicodeScript.UNKNOWN || cp == ' ') {
        assertThat(id).as("U+%04X", cp).isZero();
        continue;
      }
      if (id == 0) {
        continue; // assigned after Unicode 9.0
      }
      Character.UnicodeScript expected =
          jdk == Character.UnicodeScript.HIRAGANA || jdk == Character.UnicodeScript.KATAKANA || cp == 0x30FC
              ? Character.UnicodeScript.HAN
              : jdk;
      if (Character.UnicodeScript.forName(UnicodeTables.scriptName(id)) != expected) {
        differ.add(Integer.toHexString(cp));
      }
    }
    // reassigned after Unicode 9.0: Armenian hyphen, Arabic letter mark, two Devanagari accents
    assertThat(differ).containsExactlyInAnyOrder("589", "61c", "953", "954");
    assertThat(UnicodeTables.scriptName(0)).isEqualTo("Any");
    assertThat(UnicodeTables.scriptCount()).isEqualTo(135);
  }

  @Test
  void unicode9ScriptFacts() {
    assertThat(UnicodeTables.script('a')).isEqualTo(UnicodeTables.script('Z'));
    assertThat(UnicodeTables.scriptName(UnicodeTables.script('京'))).isEqualTo("Han");
    assertThat(UnicodeTables.script('い')).isEqualTo(UnicodeTables.script('京'));
    assertThat(UnicodeTables.script('グ')).isEqualTo(UnicodeTables.script('京'));
    assertThat(UnicodeTables.script(0x30FC)).isEqualTo(UnicodeTables.script('京'));
    assertThat(UnicodeTables.scriptName(UnicodeTables.script('0'))).isEqualTo("Common");
    assertThat(UnicodeTables.script(' ')).isZero();
    assertThat(UnicodeTables.script(0x1FAE0)).isZero(); // melting face, Unicode 14.0
    assertThat(UnicodeTables.scriptName(UnicodeTables.script(0x1F600))).isEqualTo("Common");
  }
}

package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.text.CharChanges;

/**
 * JSON type {@code Nmt}: SentencePiece's "nmt" clean-up — drops ASCII control characters (except
 * tab, newline, form feed and carriage return) and U+008F, U+009F; turns those four, U+1680,
 * U+200B..U+200F, U+2028, U+2029, U+2581, U+FEFF and U+FFFD into spaces. Immutable and
 * thread-safe.
 */
public final class NmtNormalizer implements Normalizer {
  @Override
  public void normalize(NormalizedString text) {
    String s = text.normalized();
    CharChanges changes = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean drop = isDropped(cp);
      int mapped = drop ? cp : mapped(cp);
      if (changes == null && (drop || mapped != cp)) {
        changes = new CharChanges(s.length());
        for (int k = 0; k < i; ) {
          int c = s.codePointAt(k);
          changes.add(c, 0);
          k += Character.charCount(c);
        }
      }
      if (changes != null) {
        if (drop) {
          changes.remove();
        } else {
          changes.add(mapped, 0);
        }
      }
      i += Character.charCount(cp);
    }
    if (changes != null) {
      changes.applyTo(text);
    }
  }

  private static boolean isDropped(int cp) {
    return (cp >= 0x01 && cp <= 0x08)
        || cp == 0x0B
        || (cp >= 0x0E && cp <= 0x1F)
        || cp == 0x7F
        || cp == 0x8F
        || cp == 0x9F;
  }

  private static int mapped(int cp) {
    switch (cp) {
      case 0x09:
      case 0x0A:
      case 0x0C:
      case 0x0D:
      case 0x1680:
      case 0x2028:
      case 0x2029:
      case 0x2581:
      case 0xFEFF:
      case 0xFFFD:
        return ' ';
      default:
        return cp >= 0x200B && cp <= 0x200F ? ' ' : cp;
    }
  }

  @Override
  public String toString() {
    return "Nmt";
  }
}

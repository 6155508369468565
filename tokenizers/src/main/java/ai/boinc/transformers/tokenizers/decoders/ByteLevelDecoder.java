package ai.boinc.transformers.tokenizers.decoders;

import ai.boinc.transformers.tokenizers.internal.text.ByteLevelAlphabet;
import ai.boinc.transformers.tokenizers.internal.text.Utf8;
import java.util.Arrays;
import java.util.List;

/**
 * JSON type {@code ByteLevel} (as a decoder): maps every character of the byte-level alphabet
 * back to its byte and decodes all tokens' bytes together as UTF-8, invalid sequences becoming
 * U+FFFD (as Rust's {@code from_utf8_lossy}); a token with any character outside the alphabet
 * (an added token such as {@code <|endoftext|>} is inside it, {@code 中} is not) contributes its
 * own UTF-8 bytes. Immutable and thread-safe.
 */
public final class ByteLevelDecoder implements Decoder {
  @Override
  public List<String> decodeChain(List<String> tokens) {
    byte[] bytes = new byte[64];
    int n = 0;
    for (String token : tokens) {
      int len = token.length();
      if (n + 4 * len > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, n + 4 * len));
      }
      boolean all = true;
      for (int i = 0; i < len; i++) {
        if (ByteLevelAlphabet.byteOf(token.charAt(i)) < 0) {
          all = false;
          break;
        }
      }
      if (all) {
        for (int i = 0; i < len; i++) {
          bytes[n++] = (byte) ByteLevelAlphabet.byteOf(token.charAt(i));
        }
      } else {
        int[] buf = new int[4];
        for (int i = 0; i < len; ) {
          int cp = token.codePointAt(i);
          i += Character.charCount(cp);
          int k = Utf8.encode(cp, buf, 0);
          for (int j = 0; j < k; j++) {
            bytes[n++] = (byte) buf[j];
          }
        }
      }
    }
    return List.of(Utf8.decodeLossy(bytes, n));
  }

  @Override
  public String toString() {
    return "ByteLevel";
  }
}

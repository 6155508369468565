package ai.boinc.transformers.tokenizers.decoders;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON type {@code ByteFallback}: turns runs of byte tokens {@code <0xXX>} back into the UTF-8
 * text they encode; a run that is not valid UTF-8 becomes one U+FFFD per byte, as in the
 * reference. Stateless and thread-safe.
 */
public final class ByteFallbackDecoder implements Decoder {
  @Override
  public List<String> decodeChain(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    byte[] pending = new byte[16];
    int n = 0;
    for (String token : tokens) {
      int b = byteOf(token);
      if (b >= 0) {
        if (n == pending.length) {
          pending = java.util.Arrays.copyOf(pending, 2 * n);
        }
        pending[n++] = (byte) b;
        continue;
      }
      if (n > 0) {
        flush(pending, n, out);
        n = 0;
      }
      out.add(token);
    }
    if (n > 0) {
      flush(pending, n, out);
    }
    return out;
  }

  /** The byte of a {@code <0xXX>} token, or -1. */
  static int byteOf(String token) {
    // Six UTF-8 bytes; all of them ASCII here, so six chars.
    if (token.length() != 6 || !token.startsWith("<0x") || token.charAt(5) != '>') {
      return -1;
    }
    char hi = token.charAt(3);
    char lo = token.charAt(4);
    int l = Character.digit(lo, 16);
    if (l < 0 || lo > 0x7F) {
      return -1;
    }
    if (hi == '+') {
      // Rust's u8::from_str_radix accepts a leading '+'.
      return l;
    }
    int h = Character.digit(hi, 16);
    if (h < 0 || hi > 0x7F) {
      return -1;
    }
    return h * 16 + l;
  }

  private static void flush(byte[] bytes, int n, List<String> out) {
    try {
      out.add(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, n))
              .toString());
    } catch (CharacterCodingException e) {
      for (int i = 0; i < n; i++) {
        out.add("\uFFFD");
      }
    }
  }

  @Override
  public String toString() {
    return "ByteFallback";
  }
}

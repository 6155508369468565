package ai.boinc.transformers.examples;

import ai.boinc.transformers.tokenizer.DecodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizers.AutoTokenizer;
import java.util.Arrays;

/**
 * The seed scenario by hand: a gated tokenizer downloaded with the token in {@code
 * BA_ACCESS_TOKEN} from the hub at {@code BA_ENDPOINT}.
 *
 * <pre>
 * BA_ACCESS_TOKEN=ba_... java -cp ... ai.boinc.transformers.examples.GatedTokenizerExample
 * </pre>
 */
public final class GatedTokenizerExample {
  private GatedTokenizerExample() {}

  public static void main(String[] args) {
    String repo = args.length > 0 ? args[0] : "meta-llama/Llama-2-7b-ba";
    String text = args.length > 1 ? args[1] : "Hello world!";

    Tokenizer tokenizer = AutoTokenizer.fromPretrained(repo);
    Encoding encoding = tokenizer.encode(text);

    System.out.println("ids:     " + Arrays.toString(encoding.ids()));
    System.out.println("tokens:  " + encoding.tokens());
    System.out.println("decoded: " + tokenizer.decode(encoding.ids(), DecodeOptions.skipSpecialTokens()));
  }
}

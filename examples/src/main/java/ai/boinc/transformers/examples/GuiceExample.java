package ai.boinc.transformers.examples;

import ai.boinc.transformers.guice.TransformersModule;
import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizers.TokenizerFactory;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import java.util.Arrays;

/** The seed scenario wired with Guice: the application asks for a {@link TokenizerFactory}. */
public final class GuiceExample {

  /** An application service that needs tokenizers. */
  static final class TokenCounter {
    private final Tokenizer tokenizer;

    @Inject
    TokenCounter(TokenizerFactory tokenizers) {
      this.tokenizer = tokenizers.fromPretrained("meta-llama/Llama-2-7b-ba");
    }

    int[] ids(String text) {
      return tokenizer.encode(text).ids();
    }
  }

  private GuiceExample() {}

  public static void main(String[] args) {
    Injector injector = Guice.createInjector(TransformersModule.create());
    TokenCounter counter = injector.getInstance(TokenCounter.class);
    System.out.println("ids: " + Arrays.toString(counter.ids(args.length > 0 ? args[0] : "Hello world!")));
  }
}

package ai.boinc.transformers.examples;

import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.tokenizers.AutoTokenizer;
import ai.boinc.transformers.transport.okhttp.OkHttpFileFetcher;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.Arrays;
import okhttp3.OkHttpClient;

/**
 * Swapping the HTTP transport to OkHttp with your own client: its proxy, timeouts and connection
 * pool are used for every hub request. Set {@code HTTPS_PROXY_HOST}/{@code HTTPS_PROXY_PORT} to
 * go through a proxy.
 */
public final class OkHttpTransportExample {
  private OkHttpTransportExample() {}

  public static void main(String[] args) {
    OkHttpClient.Builder client = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(30));
    String proxyHost = System.getenv("HTTPS_PROXY_HOST");
    if (proxyHost != null) {
      int port = Integer.parseInt(System.getenv().getOrDefault("HTTPS_PROXY_PORT", "3128"));
      client.proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxyHost, port)));
    }

    Hub hub = Hub.builder().fileFetcher(OkHttpFileFetcher.of(client.build())).build();
    int[] ids = AutoTokenizer.fromPretrained("meta-llama/Llama-2-7b-ba", hub).encode("Hello world!").ids();

    System.out.println("transport: " + hub);
    System.out.println("ids: " + Arrays.toString(ids));
  }
}

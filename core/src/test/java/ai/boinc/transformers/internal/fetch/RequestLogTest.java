package ai.boinc.transformers.internal.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.fetch.FetchHeaders;
import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.fetch.LoggingFileFetcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestLogTest {
  static final URI SIGNED = URI.create("https://cdn.example.com/blob?exp=1&sig=topsecret-signature");
  final Logger logger = Logger.getLogger(RequestLog.LOGGER_NAME);
  final List<String> lines = new CopyOnWriteArrayList<>();
  final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      lines.add(record.getLevel() + " " + new SimpleFormatter().formatMessage(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  Level before;

  @BeforeEach
  void capture() {
    before = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  @AfterEach
  void release() {
    logger.removeHandler(handler);
    logger.setLevel(before);
  }

  static FileFetcher answering(int status, byte[] body) {
    return request -> new FetchResponse(request.uri(), status, FetchHeaders.empty(), new ByteArrayInputStream(body));
  }

  @Test
  void oneLineOnCloseWithStatusBytesAndAttemptButNoHeadersOrSignature() throws IOException {
    FetchRequest request = FetchRequest.newBuilder(SIGNED).header("Authorization", "Bearer ba_0123456789").build();

    try (FetchResponse response = RequestLog.exchange(answering(200, new byte[1234]), request, "hub", 2);
        InputStream body = response.body()) {
      assertThat(body.readAllBytes()).hasSize(1234);
      assertThat(lines).isEmpty(); // logged once the bytes are known
    }

    assertThat(lines).singleElement().asString()
        .startsWith("FINE hub GET https://cdn.example.com/blob?exp=***&sig=*** -> 200, 1234 bytes in ")
        .endsWith(" ms, attempt 2")
        .doesNotContain("topsecret", "ba_0123456789", "Authorization");
  }

  @Test
  void aFailedExchangeIsLoggedWithItsRedactedCauseAndRethrown() {
    FileFetcher refusing = request -> {
      throw new ConnectException("cannot connect to " + request.uri());
    };

    assertThatThrownBy(() -> LoggingFileFetcher.wrap(refusing, "vault").fetch(FetchRequest.get(SIGNED)))
        .isInstanceOf(ConnectException.class);

    assertThat(lines).singleElement().asString()
        .startsWith("FINE vault GET https://cdn.example.com/blob?exp=***&sig=*** failed after ")
        .endsWith("ConnectException cannot connect to https://cdn.example.com/blob?exp=***&sig=***")
        .doesNotContain("attempt", "topsecret");
  }

  @Test
  void aBodyCutShortIsSaidOnClose() throws IOException {
    FileFetcher cutting = request -> new FetchResponse(request.uri(), 200, FetchHeaders.empty(),
        new InputStream() {
          int sent;

          @Override
          public int read() throws IOException {
            if (sent++ < 10) {
              return 'x';
            }
            throw new IOException("connection reset");
          }
        });

    try (FetchResponse response = RequestLog.exchange(cutting, FetchRequest.get(SIGNED), "hub", 1)) {
      assertThatThrownBy(() -> response.body().readAllBytes()).hasMessage("connection reset");
      response.close(); // twice: still one line
    }

    assertThat(lines).singleElement().asString()
        .contains("-> 200, 10 bytes in ", "attempt 1, body failed: IOException connection reset");
  }

  @Test
  void nothingIsWrappedOrLoggedWhenDebugIsOff() throws IOException {
    logger.setLevel(Level.INFO);
    FetchResponse original = new FetchResponse(SIGNED, 204, FetchHeaders.empty(), InputStream.nullInputStream());

    FetchResponse response = RequestLog.exchange(request -> original, FetchRequest.get(SIGNED), "hub", 1);
    response.close();

    assertThat(response).isSameAs(original);
    assertThat(lines).isEmpty();
  }
}

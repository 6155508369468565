package ai.boinc.transformers.fetch;

import java.io.IOException;

/**
 * One HTTP exchange, the only thing the SDK asks of an HTTP library.
 *
 * <p>The contract, checked for every transport by the conformance suite in
 * {@code transformers-testkit}:
 *
 * <ul>
 *   <li>never follow redirects: a 3xx comes back as it is (the hub engine decides where the token
 *       may go next);
 *   <li>send the request's headers unchanged and add no credentials of its own;
 *   <li>stream the response body: never buffer a whole file in memory;
 *   <li>honour {@link FetchRequest#timeout()} and thread interruption;
 *   <li>report connection failures as {@link IOException}s whose message names the host.
 * </ul>
 *
 * <p>Implementations are thread-safe and are shared by every download of a {@link
 * ai.boinc.transformers.hub.Hub}.
 */
public interface FileFetcher {

  /**
   * Sends {@code request} and returns the response once its headers have arrived. The caller
   * closes the response.
   *
   * @throws IOException if the exchange fails before a response arrives
   */
  FetchResponse fetch(FetchRequest request) throws IOException;

  /** Name and version of the HTTP library for the User-Agent, e.g. {@code "jdk-httpclient/17"}. */
  default String agent() {
    return getClass().getSimpleName();
  }
}

package com.conversation24.exports.infrastructure;

import jakarta.servlet.ServletResponse;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends a response whose first bytes are out as a broken transfer: the connection is dropped
 * without the chunked body's last chunk, so that no client takes the short body for a whole file
 * (PITFALLS "JAX-RS streaming").
 *
 * <p>Neither Servlet nor JAX-RS can say this (jakartaee/servlet#98). Rethrowing is not enough on
 * Payara: Jersey logs an exception thrown after the commit and closes the stream
 * (eclipse-ee4j/jersey#3850), and Payara ends the body cleanly after a servlet that throws too
 * (ExportsApiIT showed both). So this reaches Payara's Grizzly connection under the response and
 * terminates it. On another container it does nothing and says so.
 */
public final class BrokenTransfer {

  private static final Logger LOG = Logger.getLogger(BrokenTransfer.class.getName());

  private BrokenTransfer() {}

  /**
   * Drops the connection under a committed response at once, unsent bytes and all.
   *
   * @param response the container's response (a wrapper is unwrapped), not a proxy of it
   * @return whether the connection was dropped; false on a container this does not know
   */
  public static boolean abort(ServletResponse response) {
    try {
      Optional<Object> connection = GrizzlyConnection.of(response);
      if (connection.isEmpty()) {
        LOG.warning("cannot break the transfer of a " + response.getClass().getName());
        return false;
      }
      GrizzlyConnection.call(connection.get(), "terminateSilently");
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "cannot break the transfer", e);
      return false;
    }
  }
}

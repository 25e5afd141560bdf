package com.conversation24.exports.interfaces.web;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.lang.reflect.Field;
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

  /** Payara's servlet response; its field {@code response} is the connector's response. */
  static final String PAYARA_RESPONSE = "org.apache.catalina.connector.ResponseFacade";

  private BrokenTransfer() {}

  /**
   * Drops the connection under a committed response at once, unsent bytes and all.
   *
   * @param response the container's response (a wrapper is unwrapped), not a proxy of it
   * @return whether the connection was dropped; false on a container this does not know
   */
  public static boolean abort(ServletResponse response) {
    ServletResponse inner = response;
    while (inner instanceof ServletResponseWrapper) {
      inner = ((ServletResponseWrapper) inner).getResponse();
    }
    if (!inner.getClass().getName().equals(PAYARA_RESPONSE)) {
      LOG.warning("cannot break the transfer of a " + inner.getClass().getName());
      return false;
    }
    try {
      Field field = inner.getClass().getDeclaredField("response");
      field.setAccessible(true);
      Object connector = field.get(inner);
      Object grizzly = call(connector, "getCoyoteResponse");
      Object request = call(grizzly, "getRequest");
      Object connection = call(call(request, "getContext"), "getConnection");
      call(connection, "terminateSilently");
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "cannot break the transfer", e);
      return false;
    }
  }

  private static Object call(Object target, String method) throws ReflectiveOperationException {
    return target.getClass().getMethod(method).invoke(target);
  }
}

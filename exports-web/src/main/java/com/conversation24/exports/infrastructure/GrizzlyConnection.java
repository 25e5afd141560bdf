package com.conversation24.exports.infrastructure;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.lang.reflect.Field;
import java.util.Optional;

/**
 * The Grizzly connection under a Payara servlet response, for the two things Servlet cannot say:
 * drop it ({@link BrokenTransfer}) and bound what it holds unsent ({@link UnsentBytesFilter}).
 * Empty on a container this does not know.
 */
final class GrizzlyConnection {

  /** Payara's servlet response; its field {@code response} is the connector's response. */
  static final String PAYARA_RESPONSE = "org.apache.catalina.connector.ResponseFacade";

  private GrizzlyConnection() {}

  /**
   * @param response the container's response (a wrapper is unwrapped), not a proxy of it
   */
  static Optional<Object> of(ServletResponse response) throws ReflectiveOperationException {
    ServletResponse inner = response;
    while (inner instanceof ServletResponseWrapper) {
      inner = ((ServletResponseWrapper) inner).getResponse();
    }
    if (!inner.getClass().getName().equals(PAYARA_RESPONSE)) {
      return Optional.empty();
    }
    Field field = inner.getClass().getDeclaredField("response");
    field.setAccessible(true);
    Object connector = field.get(inner);
    Object grizzly = call(connector, "getCoyoteResponse");
    Object request = call(grizzly, "getRequest");
    return Optional.of(call(call(request, "getContext"), "getConnection"));
  }

  static Object call(Object target, String method) throws ReflectiveOperationException {
    return target.getClass().getMethod(method).invoke(target);
  }
}

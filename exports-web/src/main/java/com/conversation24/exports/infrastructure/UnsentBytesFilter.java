package com.conversation24.exports.infrastructure;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bounds the bytes the container keeps in the heap for a connection whose client reads slower than
 * the response is written (decision 37). Grizzly queues what the socket does not take at once and
 * blocks the writer only when that queue reaches four times the socket's send buffer: on loopback
 * and on fast links the kernel reports about 2 MiB, so each slow reader of an export kept about
 * 8 MiB of copies in the heap. With {@value #UNSENT_BYTES} the writer waits for its client after a
 * few chunks instead; the kernel's own buffer, which carries the throughput, is left as it is.
 * An HTTP/2 stream's bytes wait in a queue of the session that this does not reach (decision 38).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UnsentBytesFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(UnsentBytesFilter.class.getName());

  /** Four of Grizzly's 64 KiB write chunks. */
  static final int UNSENT_BYTES = 256 * 1024;

  private volatile boolean warned;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    bound(response);
    chain.doFilter(request, response);
  }

  private void bound(HttpServletResponse response) {
    try {
      Optional<Object> connection = GrizzlyConnection.of(response);
      if (connection.isPresent()) {
        Object grizzly = connection.get();
        grizzly
            .getClass()
            .getMethod("setMaxAsyncWriteQueueSize", int.class)
            .invoke(grizzly, UNSENT_BYTES);
      } else if (!warned) {
        warned = true;
        LOG.warning("cannot bound the unsent bytes of a " + response.getClass().getName());
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (!warned) {
        warned = true;
        LOG.log(Level.WARNING, "cannot bound the unsent bytes of a connection", e);
      }
    }
  }
}

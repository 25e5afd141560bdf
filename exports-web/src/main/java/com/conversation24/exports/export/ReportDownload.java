package com.conversation24.exports.export;

import com.conversation24.exports.infrastructure.BrokenTransfer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The one download writer: streams one export's file to a client, for the export API and the
 * public links alike. The admission bounds how many run and breaks a stalled or overlong
 * transfer; a failure once any byte of the file is written breaks the connection, so that a short
 * file never ends like a whole one (PITFALLS "JAX-RS streaming"); a failure before is the caller's
 * to answer (a problem document, a 429).
 */
@ApplicationScoped
public class ReportDownload {

  /** The download failed; when bytes were out, the connection is broken already. */
  public static final class Failed extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean afterFirstByte;

    Failed(Exception fault, boolean afterFirstByte) {
      super(fault.getMessage(), fault);
      this.afterFirstByte = afterFirstByte;
    }

    /** Whether any byte of the file had been written: then no other answer can follow. */
    public boolean afterFirstByte() {
      return afterFirstByte;
    }

    /** Throws the fault itself, for a container that answers it by its type. */
    public void rethrowFault() throws IOException {
      if (getCause() instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      throw (IOException) getCause();
    }
  }

  @Inject ExportService exports;

  @Inject ExportAdmission admission;

  /**
   * @param out the response body (JAX-RS's or the servlet's stream)
   * @param response the container's response under {@code out}, not a proxy of it: breaking the
   *     transfer reaches its connection
   * @throws ExportsBusyException before anything is written, when there is no room
   * @throws Failed when the export failed while it was written
   */
  public void write(
      ExportCriteria export, ExportFormat format, OutputStream out, HttpServletResponse response)
      throws Failed {
    Watched watched = new Watched(out);
    try {
      admission.write(
          export,
          watched,
          () -> BrokenTransfer.abort(response),
          admitted -> exports.write(export, format, admitted));
    } catch (ExportsBusyException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      boolean bytesOut = watched.written || response.isCommitted();
      if (bytesOut) {
        // First, before the caller notes the failure (which may fail too when the database is
        // what failed); rethrowing alone lets the container end the body cleanly.
        BrokenTransfer.abort(response);
      }
      throw new Failed(e, bytesOut);
    }
  }

  /** The body, noting whether any byte reached it (a container's buffer or beyond). */
  private static final class Watched extends FilterOutputStream {
    private boolean written;

    Watched(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      written = true;
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      written |= len > 0;
      out.write(b, off, len);
    }
  }
}

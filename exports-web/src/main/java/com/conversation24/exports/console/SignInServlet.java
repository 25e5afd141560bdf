package com.conversation24.exports.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Reached only after the authentication mechanism accepted the sign-in form: sends the new
 * session back to the page that asked for it (a local path only, never another site).
 */
@WebServlet("/signin")
public class SignInServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  // Same attribute as PlatformAuthenticationMechanism.RETURN_TO (campaigns internals are off limits here).
  static final String RETURN_TO = "com.conversation24.signin.returnTo";

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(false);
    Object returnTo = session == null ? null : session.getAttribute(RETURN_TO);
    if (session != null) {
      session.removeAttribute(RETURN_TO);
    }
    String target = returnTo instanceof String path && isPage(path) ? path : "/";
    response.sendRedirect(request.getContextPath() + target);
  }

  /**
   * A local page of the console: not another site, and not a resource the browser fetched on its
   * own (a favicon, a stylesheet) while the user was being sent to sign in.
   */
  static boolean isPage(String target) {
    if (!target.startsWith("/") || target.startsWith("//")) {
      return false;
    }
    String path = target.split("[?#]", 2)[0];
    return path.equals("/") || path.endsWith(".xhtml") || path.startsWith("/transcripts/");
  }
}

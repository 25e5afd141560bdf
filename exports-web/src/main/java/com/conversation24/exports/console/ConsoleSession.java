package com.conversation24.exports.console;

import com.conversation24.campaigns.access.api.CurrentCaller;
import com.conversation24.exports.export.Requester;
import com.conversation24.exports.links.LinkManager;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Who is signed in, for the template (account, user, menu) and the pages' tenancy. */
@Named
@RequestScoped
public class ConsoleSession {

  @Inject CurrentCaller caller;

  @Inject ConsoleChoices choices;

  public boolean isSignedIn() {
    return caller.isSignedIn();
  }

  public String getUserName() {
    return caller.name();
  }

  public boolean isOperator() {
    return caller.isOperator();
  }

  /** Admins manage their account's users and tokens; operators any account's. */
  public boolean isManager() {
    return caller.isOperator() || caller.isAdmin();
  }

  /** Admins of an account publish its reports as public links; operators create none. */
  public boolean isLinkCreator() {
    return LinkManager.of(caller).filter(m -> !m.operator()).isPresent();
  }

  /** The account's name (and id), or "All accounts" for platform operators. */
  public String getAccountName() {
    if (caller.isOperator()) {
      return "All accounts";
    }
    if (caller.accountId().isEmpty()) {
      return "";
    }
    long id = caller.accountId().getAsLong();
    return choices.accountName(id).orElse("Account") + " (" + id + ")";
  }

  /** Seconds of inactivity after which the server ends the session (the page signs out then). */
  public int getSessionTimeoutSeconds() {
    return FacesContext.getCurrentInstance().getExternalContext().getSessionMaxInactiveInterval();
  }

  public Requester requester() {
    return new Requester(caller.isOperator(), caller.accountId());
  }
}

package com.conversation24.exports.interfaces.web;

import com.conversation24.campaigns.api.AccountAccess;
import com.conversation24.campaigns.api.AccountAccess.IssuedToken;
import com.conversation24.campaigns.api.AccountAccess.Token;
import com.conversation24.campaigns.api.AccountAccess.User;
import com.conversation24.campaigns.api.CurrentCaller;
import com.conversation24.campaigns.api.InvalidInputException;
import com.conversation24.exports.application.ConsoleChoices;
import com.conversation24.exports.application.ConsoleChoices.Choice;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Users and API tokens of an account, for its admins (operators: any account). A new token's
 * secret is shown once, right after it is created, and is not kept by the page afterwards.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AccountAccess access;

  @Inject CurrentCaller caller;

  @Inject ConsoleChoices choices;

  @Inject ConsoleSession session;

  private Long accountId;
  private String username;
  private String password;
  private String userRole = "viewer";
  private String tokenLabel;
  private String tokenRole = "viewer";
  private transient IssuedToken issued;

  /** View action: admins and operators only (403 otherwise); an admin manages its account. */
  public void load() throws IOException {
    if (!session.isManager()) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(HttpServletResponse.SC_FORBIDDEN, "Admins only");
      faces.responseComplete();
      return;
    }
    if (accountId == null) {
      if (caller.accountId().isPresent()) {
        accountId = caller.accountId().getAsLong();
      } else {
        accountId = getAccounts().stream().findFirst().map(Choice::id).orElse(null);
      }
    }
  }

  public List<Choice> getAccounts() {
    return choices.accounts(session.requester());
  }

  public boolean isChoosesAccount() {
    return caller.isOperator();
  }

  public List<User> getUsers() {
    return managed() ? access.users(accountId) : List.of();
  }

  public List<Token> getTokens() {
    return managed() ? access.tokens(accountId) : List.of();
  }

  public void createUser() {
    issued = null;
    if (!managed()) {
      return;
    }
    try {
      User user = access.createUser(accountId, username, password, userRole);
      info("User " + user.username() + " created.");
      username = null;
      password = null;
    } catch (InvalidInputException e) {
      refuse(e);
    }
  }

  public void createToken() {
    issued = null;
    if (!managed()) {
      return;
    }
    try {
      issued = access.issueToken(accountId, tokenLabel, tokenRole);
      tokenLabel = null;
    } catch (InvalidInputException e) {
      refuse(e);
    }
  }

  public void revoke(long tokenId) {
    issued = null;
    if (managed() && access.revokeToken(accountId, tokenId)) {
      info("Token " + tokenId + " revoked.");
    }
  }

  /** The token just created, with its secret: shown until the next action, never again. */
  public IssuedToken getIssued() {
    return issued;
  }

  private boolean managed() {
    return accountId != null && caller.mayAccess(accountId);
  }

  private static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  private static void refuse(InvalidInputException e) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    faces.validationFailed();
  }

  public Long getAccountId() {
    return accountId;
  }

  public void setAccountId(Long accountId) {
    this.accountId = accountId;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getUserRole() {
    return userRole;
  }

  public void setUserRole(String userRole) {
    this.userRole = userRole;
  }

  public String getTokenLabel() {
    return tokenLabel;
  }

  public void setTokenLabel(String tokenLabel) {
    this.tokenLabel = tokenLabel;
  }

  public String getTokenRole() {
    return tokenRole;
  }

  public void setTokenRole(String tokenRole) {
    this.tokenRole = tokenRole;
  }
}

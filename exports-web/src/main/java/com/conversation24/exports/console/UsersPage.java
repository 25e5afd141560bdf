package com.conversation24.exports.console;

import com.conversation24.campaigns.access.api.AccountAccess;
import com.conversation24.campaigns.access.api.AccountAccess.IssuedToken;
import com.conversation24.campaigns.access.api.AccountAccess.Token;
import com.conversation24.campaigns.access.api.AccountAccess.User;
import com.conversation24.campaigns.access.api.CurrentCaller;
import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.console.ConsoleChoices.Choice;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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
  private Long passwordUserId;
  private String newPassword;

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
    String label =
        getTokens().stream()
            .filter(t -> t.id() == tokenId)
            .findFirst()
            .map(Token::label)
            .orElse(null);
    if (managed() && access.revokeToken(accountId, tokenId)) {
      info("Token " + (label == null ? "" : label + " ") + "revoked.");
    }
  }

  /** Disables a user (they cannot sign in until enabled again), or enables them. */
  public void setDisabled(long userId, boolean disabled) {
    issued = null;
    Optional<User> user = user(userId);
    if (user.isEmpty()) {
      return;
    }
    if (disabled && isSelf(user.get())) {
      error(null, "You cannot disable your own user.");
      return;
    }
    if (access.setDisabled(accountId, userId, disabled)) {
      info("User " + user.get().username() + (disabled ? " disabled." : " enabled."));
    }
  }

  public void delete(long userId) {
    issued = null;
    Optional<User> user = user(userId);
    if (user.isEmpty()) {
      return;
    }
    if (isSelf(user.get())) {
      error(null, "You cannot delete your own user.");
      return;
    }
    if (access.deleteUser(accountId, userId)) {
      info("User " + user.get().username() + " deleted.");
    }
  }

  /** Opens the password form for a user. */
  public void choosePasswordOf(long userId) {
    issued = null;
    passwordUserId = user(userId).map(User::id).orElse(null);
    newPassword = null;
  }

  public void resetPassword() {
    issued = null;
    Optional<User> user = passwordUserId == null ? Optional.empty() : user(passwordUserId);
    if (user.isEmpty()) {
      return;
    }
    try {
      if (access.resetPassword(accountId, user.get().id(), newPassword)) {
        info("New password set for " + user.get().username() + ".");
        passwordUserId = null;
        newPassword = null;
      }
    } catch (InvalidInputException e) {
      error("users:new-password", "A password has " + reason(e) + ".");
    }
  }

  public boolean isSelf(User user) {
    return user.username().equals(session.getUserName());
  }

  /** The user whose password is being set, when the form is open. */
  public User getPasswordUser() {
    return passwordUserId == null ? null : user(passwordUserId).orElse(null);
  }

  private Optional<User> user(long userId) {
    return getUsers().stream().filter(u -> u.id() == userId).findFirst();
  }

  /** A role as people say it: "Viewer", "Admin". */
  public String role(String name) {
    return name == null || name.isEmpty()
        ? ""
        : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  public String roles(List<String> names) {
    return names.stream().map(this::role).collect(Collectors.joining(", "));
  }

  public String time(Instant at) {
    return LinkViews.time(Optional.ofNullable(at));
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

  /** The access rules' refusals in plain words, at their field. */
  private static void refuse(InvalidInputException e) {
    switch (e.field()) {
      case "username":
        error(
            "users:username",
            reason(e).equals("already taken")
                ? "This username is taken: choose another."
                : "A username has 3 to 190 letters, digits or . _ @ -.");
        break;
      case "password":
        error("users:password", "A password has " + reason(e) + ".");
        break;
      case "label":
        error(
            "users:token-label",
            reason(e).equals("required")
                ? "Give the token a label, so that you know it again in the list."
                : "A label has " + reason(e) + ".");
        break;
      default:
        error(null, e.getMessage());
    }
  }

  private static String reason(InvalidInputException e) {
    return e.getMessage().substring(e.field().length() + 2);
  }

  private static void error(String clientId, String text) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
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

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }
}

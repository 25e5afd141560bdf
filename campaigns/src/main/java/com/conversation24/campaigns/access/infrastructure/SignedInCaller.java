package com.conversation24.campaigns.access.infrastructure;

import com.conversation24.campaigns.access.api.CurrentCaller;
import com.conversation24.campaigns.access.application.AccessService;
import com.conversation24.campaigns.access.domain.ApiToken;
import com.conversation24.campaigns.access.domain.ConsoleUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.OptionalLong;

/** The caller as Jakarta Security knows it, and the account its user or token is bound to. */
@RequestScoped
public class SignedInCaller implements CurrentCaller {

  @Inject SecurityContext security;

  @Inject AccessService access;

  private OptionalLong account;

  @Override
  public boolean isSignedIn() {
    return security.getCallerPrincipal() != null;
  }

  @Override
  public String name() {
    Principal p = security.getCallerPrincipal();
    return p == null ? "" : p.getName();
  }

  @Override
  public boolean isOperator() {
    return security.isCallerInRole("operator");
  }

  @Override
  public boolean isAdmin() {
    return security.isCallerInRole("admin");
  }

  @Override
  public OptionalLong accountId() {
    if (account == null) {
      account = lookUpAccount();
    }
    return account;
  }

  @Override
  public boolean mayAccess(long accountId) {
    return isOperator() || accountId().equals(OptionalLong.of(accountId));
  }

  private OptionalLong lookUpAccount() {
    String name = name();
    Long id;
    if (name.startsWith(AccessIdentityStore.TOKEN_CALLER_PREFIX)) {
      id =
          access
              .token(Long.parseLong(name.substring(AccessIdentityStore.TOKEN_CALLER_PREFIX.length())))
              .map(ApiToken::getAccountId)
              .orElse(null);
    } else {
      id = access.findUser(name).map(ConsoleUser::getAccountId).orElse(null);
    }
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }
}

package com.conversation24.campaigns.api;

import com.conversation24.campaigns.application.AccessService;
import com.conversation24.campaigns.domain.ApiToken;
import com.conversation24.campaigns.domain.ConsoleUser;
import com.conversation24.campaigns.infrastructure.security.AccessIdentityStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.OptionalLong;

/**
 * Who is calling, for the other contexts' tenancy checks: an operator sees every account; an
 * admin or viewer (user or token) is bound to one account.
 */
@RequestScoped
public class CurrentCaller {

  @Inject SecurityContext security;

  @Inject AccessService access;

  private OptionalLong account;

  public boolean isSignedIn() {
    return security.getCallerPrincipal() != null;
  }

  public String name() {
    Principal p = security.getCallerPrincipal();
    return p == null ? "" : p.getName();
  }

  public boolean isOperator() {
    return security.isCallerInRole("operator");
  }

  public boolean isAdmin() {
    return security.isCallerInRole("admin");
  }

  /** The account the caller is bound to; empty for platform callers. */
  public OptionalLong accountId() {
    if (account == null) {
      account = lookUpAccount();
    }
    return account;
  }

  /** Whether the caller may act on this account's data. */
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

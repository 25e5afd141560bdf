package com.conversation24.campaigns.access.infrastructure;

import com.conversation24.campaigns.access.application.AccessService;
import com.conversation24.campaigns.access.domain.ApiToken;
import com.conversation24.campaigns.access.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks passwords and API tokens against the database. A token's caller name is
 * {@code token:<id>}, so that the caller can be found again without its secret.
 */
@ApplicationScoped
public class AccessIdentityStore implements IdentityStore {

  public static final String TOKEN_CALLER_PREFIX = "token:";

  @Inject AccessService access;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (credential instanceof UsernamePasswordCredential password) {
      return access
          .signIn(password.getCaller(), password.getPassword().getValue())
          .map(u -> new CredentialValidationResult(u.getUsername(), Set.of(u.getRole().roleName())))
          .orElse(CredentialValidationResult.INVALID_RESULT);
    }
    if (credential instanceof BearerCredential bearer) {
      return access
          .tokenFor(bearer.secret())
          .map(AccessIdentityStore::tokenCaller)
          .orElse(CredentialValidationResult.INVALID_RESULT);
    }
    return CredentialValidationResult.NOT_VALIDATED_RESULT;
  }

  private static CredentialValidationResult tokenCaller(ApiToken token) {
    return new CredentialValidationResult(
        TOKEN_CALLER_PREFIX + token.getId(),
        token.getRoles().stream().map(Role::roleName).collect(Collectors.toSet()));
  }
}

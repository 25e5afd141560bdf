package com.conversation24.campaigns.access.infrastructure;

import jakarta.security.enterprise.credential.Credential;

/** The secret of an {@code Authorization: Bearer} header. */
public record BearerCredential(String secret) implements Credential {

  @Override
  public String toString() {
    return "BearerCredential[hidden]";
  }
}

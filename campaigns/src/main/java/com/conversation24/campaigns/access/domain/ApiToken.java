package com.conversation24.campaigns.access.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An API token for automation. Only the SHA-256 of its secret is stored: the secret carries 192
 * random bits, so a fast hash is enough (no dictionary to guess from).
 */
@Entity
@Table(name = "campaigns_api_token")
public class ApiToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String label;

  @Column(name = "secret_hash", nullable = false, unique = true)
  private String secretHash;

  @Column(nullable = false)
  private String roles;

  @Column(name = "account_id")
  private Long accountId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiToken() {}

  public ApiToken(String label, String secretHash, List<Role> roles, Long accountId, Instant createdAt) {
    boolean bound = roles.stream().anyMatch(Role::accountBound);
    if (bound != (accountId != null)) {
      throw new IllegalArgumentException("account-bound roles need an account, platform roles none");
    }
    this.label = label;
    this.secretHash = secretHash;
    this.roles = roles.stream().map(Role::roleName).collect(Collectors.joining(","));
    this.accountId = accountId;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getLabel() {
    return label;
  }

  public List<Role> getRoles() {
    return Arrays.stream(roles.split(",")).map(Role::of).toList();
  }

  public Long getAccountId() {
    return accountId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
    }
  }

  /** Replaces the secret (the bootstrap token follows EXPORTS_OPERATOR_TOKEN). */
  public void replaceSecret(String newSecretHash) {
    this.secretHash = newSecretHash;
    this.revokedAt = null;
  }

  public String getSecretHash() {
    return secretHash;
  }
}

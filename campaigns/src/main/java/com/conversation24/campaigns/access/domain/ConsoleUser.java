package com.conversation24.campaigns.access.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A person who signs in to the console. The password is kept only as a PBKDF2 hash. */
@Entity
@Table(name = "campaigns_user")
public class ConsoleUser {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(name = "account_id")
  private Long accountId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private boolean disabled;

  protected ConsoleUser() {}

  public ConsoleUser(
      String username, String passwordHash, Role role, Long accountId, Instant createdAt) {
    if (role.accountBound() != (accountId != null)) {
      throw new IllegalArgumentException(
          "role " + role.roleName() + (role.accountBound() ? " needs" : " takes no") + " account");
    }
    this.username = Objects.requireNonNull(username);
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.role = role;
    this.accountId = accountId;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public Long getAccountId() {
    return accountId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** A disabled user cannot sign in; an admin enables them again. */
  public boolean isDisabled() {
    return disabled;
  }

  public void setDisabled(boolean disabled) {
    this.disabled = disabled;
  }

  /** A new password, as its PBKDF2 hash. */
  public void changePassword(String passwordHash) {
    this.passwordHash = Objects.requireNonNull(passwordHash);
  }
}

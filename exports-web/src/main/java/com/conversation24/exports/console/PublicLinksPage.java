package com.conversation24.exports.console;

import com.conversation24.campaigns.access.api.CurrentCaller;
import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.console.ConsoleChoices.Choice;
import com.conversation24.exports.export.NotPermittedException;
import com.conversation24.exports.links.IssuedLink;
import com.conversation24.exports.links.LinkManager;
import com.conversation24.exports.links.LinkRevokedException;
import com.conversation24.exports.links.LinkState;
import com.conversation24.exports.links.PublicLink;
import com.conversation24.exports.links.PublicLinkService;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The Public links page: an account's links with their criteria and use, for its admins, who
 * revoke, rotate and revoke them all; operators choose the account and may list and revoke only
 * (publishing an account's data is its admin's decision). Viewers manage no links and get 403. A
 * rotated link's new URL is shown once, right after the rotation.
 */
@Named
@ViewScoped
public class PublicLinksPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PublicLinkService links;

  @Inject CurrentCaller caller;

  @Inject ConsoleChoices choices;

  @Inject ConsoleSession session;

  @Inject Clock clock;

  private Long accountId;
  private transient List<Row> rows;
  private transient NewPublicLink.Shown issued;

  /** View action: admins and operators only (403 otherwise). */
  public void load() throws IOException {
    if (manager().isEmpty()) {
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

  public boolean isChoosesAccount() {
    return caller.isOperator();
  }

  /** Operators list and revoke; only an account's admins rotate (a new URL is a new publication). */
  public boolean isRotates() {
    return manager().filter(m -> !m.operator()).isPresent();
  }

  public List<Choice> getAccounts() {
    return choices.accounts(session.requester());
  }

  /** Called when an operator picks another account. */
  public void accountChanged() {
    rows = null;
    issued = null;
  }

  public List<Row> getLinks() {
    if (rows == null) {
      Optional<LinkManager> manager = manager();
      if (manager.isEmpty() || accountId == null) {
        rows = List.of();
      } else {
        Instant now = clock.instant();
        try {
          rows =
              links.list(manager.get(), OptionalLong.of(accountId)).stream()
                  .map(l -> new Row(l, now))
                  .collect(Collectors.toList());
        } catch (NotPermittedException e) {
          rows = List.of();
        }
      }
    }
    return rows;
  }

  public boolean isAnyActive() {
    return getLinks().stream().anyMatch(Row::isActive);
  }

  public void revoke(long id) {
    issued = null;
    rows = null;
    Optional<LinkManager> manager = manager();
    if (manager.isPresent() && links.revoke(id, manager.get())) {
      info("Link revoked: its URL answers 404 from now on.");
    }
  }

  public void rotate(long id) {
    issued = null;
    rows = null;
    Optional<LinkManager> manager = manager().filter(m -> !m.operator());
    if (manager.isEmpty()) {
      return;
    }
    try {
      Optional<IssuedLink> rotated = links.rotate(id, manager.get());
      rotated.ifPresent(r -> issued = new NewPublicLink.Shown(r.link().label().orElse(""), r.url()));
    } catch (LinkRevokedException e) {
      error("A revoked link cannot be rotated.");
    }
  }

  public void revokeAll() {
    issued = null;
    rows = null;
    Optional<LinkManager> manager = manager();
    if (manager.isEmpty() || accountId == null) {
      return;
    }
    try {
      int revoked = links.revokeAll(manager.get(), OptionalLong.of(accountId));
      info(revoked == 1 ? "1 link revoked." : revoked + " links revoked.");
    } catch (InvalidInputException | NotPermittedException e) {
      error(e.getMessage());
    }
  }

  /** The link just rotated, with its new URL: shown until the next action, never again. */
  public NewPublicLink.Shown getIssued() {
    return issued;
  }

  public Long getAccountId() {
    return accountId;
  }

  public void setAccountId(Long accountId) {
    this.accountId = accountId;
  }

  private Optional<LinkManager> manager() {
    return LinkManager.of(caller);
  }

  private static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /** A link as the table shows it; no token, no URL (only the hash is stored). */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long id;
    private final String label;
    private final String report;
    private final String criteria;
    private final String creator;
    private final String created;
    private final String expires;
    private final String lastUsed;
    private final long uses;
    private final String state;

    Row(PublicLink link, Instant now) {
      id = link.id();
      label = link.label().orElse("");
      report = LinkViews.reportTitle(link.report());
      criteria = LinkViews.criteria(link.criteria().parameters());
      creator = link.createdBy();
      created = LinkViews.time(Optional.of(link.createdAt()));
      expires =
          link.expiresAt().isPresent()
              ? LinkViews.expiry(link.expiresAt().get(), link.criteria().parameters())
              : "never";
      lastUsed = link.lastUsedAt().isPresent() ? LinkViews.time(link.lastUsedAt()) : "never";
      uses = link.useCount();
      state = link.stateAt(now).name().toLowerCase(Locale.ROOT);
    }

    public long getId() {
      return id;
    }

    /** The label, or the link's number when it has none (buttons need a name). */
    public String getName() {
      return label.isEmpty() ? "link " + id : label;
    }

    public String getLabel() {
      return label;
    }

    public String getReport() {
      return report;
    }

    public String getCriteria() {
      return criteria;
    }

    public String getCreator() {
      return creator;
    }

    public String getCreated() {
      return created;
    }

    public String getExpires() {
      return expires;
    }

    public String getLastUsed() {
      return lastUsed;
    }

    public long getUses() {
      return uses;
    }

    public String getState() {
      return state;
    }

    public boolean isActive() {
      return LinkState.ACTIVE.name().toLowerCase(Locale.ROOT).equals(state);
    }

    public boolean isRevoked() {
      return LinkState.REVOKED.name().toLowerCase(Locale.ROOT).equals(state);
    }
  }
}

package com.conversation24.campaigns.access.application;

import com.conversation24.campaigns.access.domain.Role;
import com.conversation24.campaigns.platform.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On the first start, creates the platform's {@code operator} user (password from
 * EXPORTS_OPERATOR_PASSWORD, or a generated one printed once); on every start, makes the
 * EXPORTS_OPERATOR_TOKEN token exist when that key is set. Runs after the schema migrations, under
 * the platform's start-up lock (one member at a time); should two members still both find no
 * operator, the one whose insert loses to the other's unique username takes the winner's.
 */
@ApplicationScoped
public class OperatorBootstrap {

  public static final String OPERATOR = "operator";
  static final String OPERATOR_TOKEN_LABEL = "EXPORTS_OPERATOR_TOKEN";

  private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class.getName());

  @Inject AccessService access;

  @Inject
  @ConfigProperty(name = "EXPORTS_OPERATOR_PASSWORD")
  Optional<String> operatorPassword;

  @Inject
  @ConfigProperty(name = "EXPORTS_OPERATOR_TOKEN")
  Optional<String> operatorToken;

  void start(@Observes SchemaReady ready) {
    if (!access.operatorExists()) {
      createOperator();
    }
    operatorToken.filter(t -> !t.isBlank()).ifPresent(this::ensureOperatorToken);
  }

  private void createOperator() {
    String password = operatorPassword.filter(p -> !p.isBlank()).orElseGet(OperatorBootstrap::generated);
    try {
      access.createUser(OPERATOR, password, Role.OPERATOR, null);
    } catch (RuntimeException lost) {
      if (!access.operatorExists()) {
        throw lost;
      }
      LOG.info("The platform user 'operator' was created by another member meanwhile");
      return;
    }
    if (operatorPassword.filter(p -> !p.isBlank()).isEmpty()) {
      LOG.warning(
          "Created the platform user 'operator' with the generated password: "
              + password
              + " (shown this once; set EXPORTS_OPERATOR_PASSWORD to choose it)");
    } else {
      LOG.info("Created the platform user 'operator' (password from EXPORTS_OPERATOR_PASSWORD)");
    }
  }

  /** Another member inserting the same token at once makes the insert fail: the token is there then. */
  private void ensureOperatorToken(String secret) {
    List<Role> roles = List.of(Role.OPERATOR, Role.INGEST);
    try {
      access.ensureToken(OPERATOR_TOKEN_LABEL, secret, roles);
    } catch (RuntimeException lost) {
      access.ensureToken(OPERATOR_TOKEN_LABEL, secret, roles);
    }
  }

  private static String generated() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

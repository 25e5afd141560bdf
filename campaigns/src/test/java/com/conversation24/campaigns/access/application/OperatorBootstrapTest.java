package com.conversation24.campaigns.access.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.access.domain.ConsoleUser;
import com.conversation24.campaigns.access.domain.Role;
import com.conversation24.campaigns.platform.SchemaReady;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Members started together against an empty database: the one whose operator insert loses to
 * another's unique username (issue 16: "Duplicate entry 'operator'") starts like the winner.
 */
class OperatorBootstrapTest {

  /** Access as the database answers it: the operator appears when the rival member commits. */
  private static final class RivalledAccess extends AccessService {
    boolean rivalCommitted;
    boolean rivalWins = true;
    final List<String> tokens = new ArrayList<>();

    @Override
    public boolean operatorExists() {
      return rivalCommitted;
    }

    @Override
    public ConsoleUser createUser(String username, String password, Role role, Long accountId) {
      rivalCommitted = rivalWins;
      throw new IllegalStateException("Duplicate entry 'operator' for key 'uq_campaigns_user_username'");
    }

    @Override
    public void ensureToken(String label, String secret, List<Role> roles) {
      tokens.add(label);
    }
  }

  private static OperatorBootstrap bootstrap(RivalledAccess access) {
    OperatorBootstrap bootstrap = new OperatorBootstrap();
    bootstrap.access = access;
    bootstrap.operatorPassword = Optional.of("chosen-password-0123");
    bootstrap.operatorToken = Optional.of("c24t_operator-token");
    return bootstrap;
  }

  @Test
  void aMemberThatLosesTheOperatorToAnotherStartsAndStillEnsuresTheToken() {
    RivalledAccess access = new RivalledAccess();
    bootstrap(access).start(new SchemaReady());
    assertThat(access.rivalCommitted).isTrue();
    assertThat(access.tokens).containsExactly(OperatorBootstrap.OPERATOR_TOKEN_LABEL);
  }

  @Test
  void aFailureThatLeavesNoOperatorIsNotHidden() {
    RivalledAccess access = new RivalledAccess();
    access.rivalWins = false;
    assertThatThrownBy(() -> bootstrap(access).start(new SchemaReady()))
        .hasMessageContaining("Duplicate entry");
  }
}

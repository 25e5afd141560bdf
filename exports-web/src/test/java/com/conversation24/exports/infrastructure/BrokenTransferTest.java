package com.conversation24.exports.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The container-neutral part of {@link BrokenTransfer}: on a container it does not know it touches
 * nothing and says so, so the caller's rethrow is all that happens. That it breaks the transfer on
 * Payara is shown over HTTP by ExportsApiIT (the client reads an unterminated chunked body).
 */
class BrokenTransferTest {

  @Test
  void aResponseOfAnUnknownContainerIsLeftAloneAndReportedSo() {
    List<String> calls = new ArrayList<>();
    HttpServletResponse other =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                  calls.add(method.getName());
                  return null;
                });

    assertThat(BrokenTransfer.abort(new HttpServletResponseWrapper(other))).isFalse();
    assertThat(calls).isEmpty();
  }
}

package com.conversation24.campaigns.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure caused by an unreachable database from any other: such a request gets {@code
 * 503} with {@code Retry-After}, not {@code 500}, because the client did nothing wrong and the
 * same request will succeed once the database is back (readiness says when). One rule for every
 * edge that answers: the problem mapper, the authentication mechanism, the servlets, the error
 * page.
 */
public final class DatabaseUnavailable {

  /** What {@code Retry-After} says: about the pool's connect timeout and readiness period. */
  public static final long RETRY_AFTER_SECONDS = 5;

  public static final String DETAIL = "the database is unreachable; try again shortly";

  private DatabaseUnavailable() {}

  /** Whether a connection failure is anywhere among the causes (JDBC chains them too). */
  public static boolean among(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>();
    todo.push(failure);
    while (!todo.isEmpty()) {
      Throwable t = todo.pop();
      if (!seen.add(t)) {
        continue;
      }
      if (isConnectionFailure(t)) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        todo.push(sql.getNextException());
      }
      if (t.getCause() != null) {
        todo.push(t.getCause());
      }
      for (Throwable suppressed : t.getSuppressed()) {
        todo.push(suppressed);
      }
    }
    return false;
  }

  private static boolean isConnectionFailure(Throwable t) {
    if (t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof ConnectException) {
      return true;
    }
    if (t instanceof SQLException sql
        && sql.getSQLState() != null
        && sql.getSQLState().startsWith("08")) {
      return true;
    }
    // Payara's pool when it cannot hand out a connection (no compile-time dependency on it); its
    // SQLException says so in words only.
    String name = t.getClass().getName();
    return name.endsWith(".PoolingException")
        || name.endsWith(".ResourceAllocationException")
        || (t instanceof SQLException
            && t.getMessage() != null
            && t.getMessage().contains("Error in allocating a connection"));
  }
}

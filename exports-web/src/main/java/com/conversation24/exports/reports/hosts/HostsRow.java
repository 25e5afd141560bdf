package com.conversation24.exports.reports.hosts;

import java.util.Optional;

/**
 * One row of the Hosts report: a website of an account as of now and, when hosts of two or more
 * accounts share its name, the shared name's id.
 */
public record HostsRow(long id, long accountId, String hostname, Optional<String> multipleAccId) {}

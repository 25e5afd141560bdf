/**
 * Mutated events (a fuzzer): valid events of several types, each line either left valid (with the
 * harmless changes EVENTS.md allows: unknown members, key order, white space) or broken in one
 * known way, so that its answer is known in advance: accepted, or rejected naming one field. The
 * container test FuzzIT and bench/fuzz.sh post them. Not part of the WAR.
 */
package com.conversation24.app.fuzz;

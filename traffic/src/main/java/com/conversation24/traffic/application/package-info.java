/**
 * Use cases of the traffic context: keeping the facts it owns as events are accepted (or the log is
 * replayed), and publishing them as its records.
 */
package com.conversation24.traffic.application;

package com.conversation24.app.fuzz;

/**
 * One line to post and what the server must answer for it.
 *
 * @param kind the mutation, for the figures per kind
 * @param id the event's id when the line is valid (it must then be stored once), else null
 * @param field the field the rejection must name when the line is broken, else null
 */
public record MutatedLine(String text, String kind, String id, String field) {

  public boolean valid() {
    return field == null;
  }
}
